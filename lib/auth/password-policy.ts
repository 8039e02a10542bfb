/**
 * The password policy, after current guidance (NIST SP 800-63B, OWASP ASVS): length first, at
 * least 12 and at most 128 characters counted as code points (a Chinese character or an emoji is
 * one); no composition rules (no "needs a digit"); refused when it is a known common password,
 * contains the username, or is easy to guess (zxcvbn-ts score below 3, with the common-password
 * list, the diceware word list and the keyboard layouts of @zxcvbn-ts/language-common, and the
 * username as a user input). Applied wherever a password is set: user creation, an
 * administrator's reset, the command-line reset. The demo seed's passwords are hashed directly
 * and do not pass through here.
 *
 * No 'server-only' import (the command-line tool uses it), but it loads the dictionaries
 * (about a megabyte), so client components must not import it: lib/users/schemas.ts checks
 * only the length, and the actions call checkPassword().
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** Usernames shorter than this are checked for equality only (two letters occur in many phrases). */
const USERNAME_CONTAINED_MIN = 4;
const MIN_SCORE = 3;

/** Catalogue keys under "validation". */
export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordContainsUsername' | 'passwordCommon' | 'passwordGuessable';

let zxcvbn: ZxcvbnFactory | undefined;
let common: Set<string> | undefined;

function scorer(): ZxcvbnFactory {
  return (zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));
}

function commonPasswords(): Set<string> {
  return (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));
}

export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The first rule a password breaks, or null when it may be set. */
export function checkPassword(password: string, username?: string | null): PasswordProblem | null {
  const length = codePointLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
  const lower = password.toLowerCase();
  const name = username?.trim().toLowerCase() ?? '';
  if (name && (lower.trim() === name || (name.length >= USERNAME_CONTAINED_MIN && lower.includes(name)))) {
    return 'passwordContainsUsername';
  }
  if (commonPasswords().has(lower) || commonPasswords().has(lower.trim())) return 'passwordCommon';
  if (scorer().check(password, name ? [name] : []).score < MIN_SCORE) return 'passwordGuessable';
  return null;
}
