/**
 * User administration: the zod schemas shared by the forms, the actions and (later) the API,
 * and the list page's URL state. No server imports: safe in client components.
 *
 * Messages given as `{ message: 'key' }` are catalogue keys under "validation".
 */
import { z } from 'zod';
import { ROLES, type Role } from '@/db/schema/enums';

export const USERNAME_PATTERN = /^[a-z0-9_.-]{2,32}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** '' / null / undefined → null; a numeric string or number → a positive integer id. */
const optionalId = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? Number(v) : v),
  z.number().int().positive().nullable(),
);
const id = z.coerce.number().int().positive();

/** Usernames are stored lowercase (sign-in lowercases what is typed). */
export const usernameSchema = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, { message: 'usernameFormat' });

export const displayNameSchema = z.string().trim().min(1).max(64);
export const roleSchema = z.enum(ROLES);

/**
 * Minimum strength: at least PASSWORD_MIN_LENGTH characters with both a letter and a digit (what
 * the `validation.passwordWeak` message tells the user). "Not the username" needs the username,
 * so the actions check it with passwordMatchesUsername() where the username is known.
 */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'passwordWeak' })
  .max(PASSWORD_MAX_LENGTH)
  .regex(/\p{L}/u, { message: 'passwordWeak' })
  .regex(/\p{Nd}/u, { message: 'passwordWeak' });

export function passwordMatchesUsername(password: string, username: string): boolean {
  return password.trim().toLowerCase() === username.trim().toLowerCase();
}

/** The profile an administrator edits: name, role, scope (county null = prefecture-wide) and unit. */
const profile = {
  displayName: displayNameSchema,
  role: roleSchema,
  countyId: optionalId,
  unitId: optionalId,
};

export const createUserSchema = z.object({ username: usernameSchema, ...profile, password: passwordSchema });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({ id, version: z.coerce.number().int().positive(), ...profile });
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ id, password: passwordSchema });
export const setUserDisabledSchema = z.object({ id, disabled: z.boolean() });
export const unlockUserSchema = z.object({ id });

/** The fields of a user that may leave the server (never the password hash). */
export interface SafeUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  countyId: number | null;
  unitId: number | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  version: number;
}

/** The editable profile plus what identifies the version: the `current` values of a CONFLICT. */
export type UserProfile = Pick<SafeUser, 'id' | 'username' | 'displayName' | 'role' | 'countyId' | 'unitId' | 'version'>;

// ---- The list page (its URL state: lib/users/search-params.ts) -----------------------------

export const USERS_PAGE_SIZE = 20;
