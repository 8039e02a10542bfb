/**
 * User administration: the zod schemas shared by the forms, the actions and (later) the API,
 * and the list page's URL state. No server imports: safe in client components.
 *
 * Messages given as `{ message: 'key' }` are catalogue keys under "validation".
 */
import { z } from 'zod';
import { ROLES, type Role } from '@/db/schema/enums';

export const USERNAME_PATTERN = /^[a-z0-9_.-]{2,32}$/;
/** Mirrors lib/auth/password-policy.ts (which loads dictionaries a client bundle should not carry). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

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
 * The length part of the password policy, counted in code points, for the form's immediate
 * feedback. The rest (common passwords, guessability, the username) needs the dictionaries and
 * the username, so the actions check it with checkPassword() (lib/auth/password-policy.ts).
 * No composition rules.
 */
const codePoints = (s: string) => Array.from(s).length;
export const passwordSchema = z
  .string()
  .refine((s) => codePoints(s) >= PASSWORD_MIN_LENGTH, { message: 'passwordTooShort', abort: true })
  .refine((s) => codePoints(s) <= PASSWORD_MAX_LENGTH, { message: 'passwordTooLong' });

/** The profile an administrator edits: name, role, scope (county null = prefecture-wide) and unit. */
const profile = {
  displayName: displayNameSchema,
  role: roleSchema,
  countyId: optionalId,
  unitId: optionalId,
};

/** A department user (部门用户) works its agency's procedures: it must belong to a unit. */
const departmentHasUnit = (v: { role: Role; unitId?: number | null }, ctx: z.RefinementCtx) => {
  if (v.role === 'department' && (v.unitId === null || v.unitId === undefined))
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'departmentNeedsUnit' });
};

export const createUserSchema = z.object({ username: usernameSchema, ...profile, password: passwordSchema }).superRefine(departmentHasUnit);
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({ id, version: z.coerce.number().int().positive(), ...profile }).superRefine(departmentHasUnit);
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
