'use server';

import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { counties, units, users } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { conflictWith, defineResource } from '@/lib/authz/resource';
import { revokeUserSessions } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';
import { clearThrottle, userThrottleColumns } from '@/lib/auth/throttle';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { fallbackTranslator, type Translate } from '@/lib/i18n/translate';
import {
  createUserSchema,
  resetPasswordSchema,
  type SafeUser,
  setUserDisabledSchema,
  unlockUserSchema,
  updateUserSchema,
  type UserProfile,
} from './schemas';

// User administration. Every export is a createAction(...) with 'user.manage' (admin only);
// each writes one audit event (entityType 'user') and never puts a password hash in it.

const safeColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  countyId: users.countyId,
  unitId: users.unitId,
  disabled: users.disabled,
  // Sign-in throttling (auth_throttle), as the administrator sees it.
  ...userThrottleColumns,
  version: users.version,
};

/**
 * A message for a field error raised inside `run`, in the request's language (the default
 * language outside a request, e.g. in tests).
 */
async function message(key: string): Promise<string> {
  let t: Translate;
  try {
    const { requestTranslator } = await import('@/lib/i18n/translate-server');
    t = await requestTranslator();
  } catch {
    t = fallbackTranslator();
  }
  return t.has(key) ? t(key) : t('validation.invalid');
}

async function fieldError(code: 'INVALID' | 'CONFLICT', field: string, key: string): Promise<AppError> {
  return new AppError(code, key, { fieldErrors: { [field]: [await message(key)] } });
}

/** The `current` values of a CONFLICT. */
function profileOf(u: UserProfile): UserProfile {
  const { id, username, displayName, role, countyId, unitId, version } = u;
  return { id, username, displayName, role, countyId, unitId, version };
}

/** What the audit trail records of a user's profile. */
function audited(u: UserProfile): Record<string, unknown> {
  const { username, displayName, role, countyId, unitId } = u;
  return { username, displayName, role, countyId, unitId };
}

/**
 * A user account as a record the actions load (locked for the transaction): accounts are the
 * deployment's, managed by the administrator (user.manage), so every scope sees them.
 */
const userResource = defineResource<SafeUser & { passwordHash: string }>({
  entity: 'user',
  load: async (db, _actor, id, lock) => {
    const q = db
      .select({ ...safeColumns, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, id))
      .limit(1);
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },
  subject: (u) => ({ countyId: u.countyId, everyScope: true }),
  version: (u) => u.version,
  id: (u) => u.id,
  current: async (db, id) => {
    const [row] = await db.select(safeColumns).from(users).where(eq(users.id, id)).limit(1);
    return row ? { ...profileOf(row) } : null;
  },
});
const loadUser = { resource: userResource, id: 'id', lock: true } as const;

/** The county and the unit must exist; a clean field error rather than a foreign-key failure. */
async function checkReferences(tx: Tx, input: { countyId: number | null; unitId: number | null }): Promise<void> {
  if (input.countyId !== null) {
    const [c] = await tx.select({ id: counties.id }).from(counties).where(eq(counties.id, input.countyId)).limit(1);
    if (!c) throw await fieldError('INVALID', 'countyId', 'validation.invalidChoice');
  }
  if (input.unitId !== null) {
    const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)).limit(1);
    if (!u) throw await fieldError('INVALID', 'unitId', 'validation.invalidChoice');
  }
}

export const createUser = createAction({
  name: 'user.create',
  schema: createUserSchema,
  permission: 'user.manage',
  run: async ({ input, tx, audit }): Promise<SafeUser> => {
    const weak = checkPassword(input.password, input.username);
    if (weak) throw await fieldError('INVALID', 'password', `validation.${weak}`);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (taken) throw await fieldError('CONFLICT', 'username', 'validation.usernameTaken');
    await checkReferences(tx, input);
    const passwordHash = await hashPassword(input.password);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        countyId: input.countyId,
        unitId: input.unitId,
        passwordHash,
      })
      // A concurrent create of the same name: the same clean field error, not a 500.
      .onConflictDoNothing({ target: users.username })
      .returning(safeColumns);
    if (!row) throw await fieldError('CONFLICT', 'username', 'validation.usernameTaken');
    await audit({ action: 'user.create', entityType: 'user', entityId: row.id, after: { ...audited(row), disabled: false } });
    return row;
  },
});

export const updateUser = createAction({
  name: 'user.update',
  schema: updateUserSchema,
  permission: 'user.manage',
  load: { ...loadUser, version: 'version' },
  run: async ({ actor, input, tx, audit, record: before }): Promise<SafeUser> => {
    if (input.id === actor.id && input.role !== 'admin') {
      throw await fieldError('INVALID', 'role', 'admin.errors.cannotDemoteSelf');
    }
    await checkReferences(tx, input);
    const [row] = await tx
      .update(users)
      .set({
        displayName: input.displayName,
        role: input.role,
        countyId: input.countyId,
        unitId: input.unitId,
        version: sql`${users.version} + 1`,
        updatedAt: now(),
      })
      .where(and(eq(users.id, input.id), eq(users.version, input.version)))
      .returning(safeColumns);
    if (!row) throw await conflictWith(tx, userResource, input.id);
    const changes = diff(audited(before), audited(row));
    await audit({
      action: 'user.update',
      entityType: 'user',
      entityId: row.id,
      before: { ...(changes?.before ?? {}), version: before.version },
      after: { ...(changes?.after ?? {}), version: row.version },
    });
    return row;
  },
});

export const resetPassword = createAction({
  name: 'user.resetPassword',
  schema: resetPasswordSchema,
  permission: 'user.manage',
  load: loadUser,
  run: async ({ input, tx, audit, record: before }): Promise<{ id: number }> => {
    const weak = checkPassword(input.password, before.username);
    if (weak) throw await fieldError('INVALID', 'password', `validation.${weak}`);
    const passwordHash = await hashPassword(input.password);
    await tx.update(users).set({ passwordHash, updatedAt: now() }).where(eq(users.id, input.id));
    await revokeUserSessions(tx, input.id);
    await clearThrottle(tx, before.username, now());
    await audit({
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: input.id,
      before: { failedLogins: before.failedLogins, lockedUntil: before.lockedUntil?.toISOString() ?? null },
      after: { passwordChanged: true, failedLogins: 0, lockedUntil: null, sessionsRevoked: true },
    });
    return { id: input.id };
  },
});

export const setUserDisabled = createAction({
  name: 'user.setDisabled',
  schema: setUserDisabledSchema,
  permission: 'user.manage',
  load: loadUser,
  run: async ({ actor, input, tx, audit, record: before }): Promise<{ id: number; disabled: boolean }> => {
    if (input.disabled && input.id === actor.id) {
      throw await fieldError('INVALID', '_form', 'admin.errors.cannotDisableSelf');
    }
    await tx.update(users).set({ disabled: input.disabled, updatedAt: now() }).where(eq(users.id, input.id));
    // Existing sessions stop working on their next request (getActor checks the session row).
    if (input.disabled) await revokeUserSessions(tx, input.id);
    await audit({
      action: input.disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: input.id,
      before: { disabled: before.disabled },
      after: input.disabled ? { disabled: true, sessionsRevoked: true } : { disabled: false },
    });
    return { id: input.id, disabled: input.disabled };
  },
});

export const unlockUser = createAction({
  name: 'user.unlock',
  schema: unlockUserSchema,
  permission: 'user.manage',
  load: loadUser,
  run: async ({ input, tx, audit, record: before }): Promise<{ id: number }> => {
    // Sign-in throttling lives in auth_throttle: every count under this name starts over.
    await clearThrottle(tx, before.username, now());
    await audit({
      action: 'user.unlock',
      entityType: 'user',
      entityId: input.id,
      before: { failedLogins: before.failedLogins, lockedUntil: before.lockedUntil?.toISOString() ?? null },
      after: { failedLogins: 0, lockedUntil: null },
    });
    return { id: input.id };
  },
});
