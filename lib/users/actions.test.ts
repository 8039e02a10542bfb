import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { ROLES, users } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import { verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/authz';
import { onPostgres, useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeUnit, makeUser, type User } from '@/test/factories';
import { createUser, resetPassword, setUserDisabled, unlockUser, updateUser } from './actions';
import { addSession, expectFailure, expectNoHash, expectOk, snapshot, STRONG, throttle, userAudit, userRow } from './test-support';

const getDb = useTestDb();

/** One valid call per action, against `target`; what a permitted caller would send. */
const CALLS: Record<string, (target: User) => { run: (actor: Actor | null) => Promise<ActionResult<unknown>> }> = {
  createUser: () => ({
    run: (a) =>
      createUser.execute(a, {
        username: 'newcomer',
        displayName: '新用户',
        role: 'viewer',
        countyId: null,
        unitId: null,
        password: STRONG,
      }),
  }),
  updateUser: (t) => ({
    run: (a) => updateUser.execute(a, { id: t.id, version: t.version, displayName: '改名', role: 'viewer', countyId: null, unitId: null }),
  }),
  resetPassword: (t) => ({ run: (a) => resetPassword.execute(a, { id: t.id, password: STRONG }) }),
  disable: (t) => ({ run: (a) => setUserDisabled.execute(a, { id: t.id, disabled: true }) }),
  enable: (t) => ({ run: (a) => setUserDisabled.execute(a, { id: t.id, disabled: false }) }),
  unlockUser: (t) => ({ run: (a) => unlockUser.execute(a, { id: t.id }) }),
};
const ACTIONS = Object.keys(CALLS);

/** A target user in a state every action can change: sign-ins throttled, with a live session. */
async function makeTarget(db: Db): Promise<User> {
  const target = await makeUser({ role: 'dispatch', disabled: false });
  await throttle(db, target.username);
  await addSession(db, target.id, `target-session-${target.id}`);
  return target;
}

describe('permissions: only an administrator may manage users', () => {
  const refused = ROLES.filter((r) => r !== 'admin');

  describe.each(refused)('role %s', (role) => {
    it.each(ACTIONS)('%s is refused and changes nothing', async (name) => {
      const db = getDb();
      const caller = await makeUser({ role });
      const target = await makeTarget(db);
      const before = await snapshot(db);
      const res = await CALLS[name]!(target).run(actorOf(caller));
      expectFailure(res, 'FORBIDDEN');
      expect(await snapshot(db)).toEqual(before);
    });
  });

  it.each(ACTIONS)('%s without a signed-in user is refused and changes nothing', async (name) => {
    const db = getDb();
    const target = await makeTarget(db);
    const before = await snapshot(db);
    expectFailure(await CALLS[name]!(target).run(null), 'UNAUTHENTICATED');
    expect(await snapshot(db)).toEqual(before);
  });

  it.each(ACTIONS)('%s is allowed for an administrator and writes one audit event without a hash', async (name) => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const target = await makeTarget(db);
    if (name === 'enable') await db.update(users).set({ disabled: true }).where(eq(users.id, target.id));
    expectOk(await CALLS[name]!(target).run(actorOf(admin)));
    const events = await userAudit(db);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(admin.id);
    expectNoHash(events);
  });
});

describe('createUser', () => {
  it('creates a user whose password verifies, lowercasing the username', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const county = await makeCounty();
    const unit = await makeUnit();
    const data = expectOk(
      await createUser.execute(actorOf(admin), {
        username: '  Zhang.San ',
        displayName: '张三',
        role: 'lead',
        countyId: String(county.id),
        unitId: unit.id,
        password: STRONG,
      }),
    );
    expect(data).not.toHaveProperty('passwordHash');
    const row = await userRow(db, data.id);
    expect(row).toMatchObject({ username: 'zhang.san', role: 'lead', countyId: county.id, unitId: unit.id, disabled: false });
    expect(await verifyPassword(row.passwordHash, STRONG)).toBe(true);
    const [ev] = await userAudit(db);
    expect(ev).toMatchObject({ action: 'user.create', entityId: String(data.id), after: { username: 'zhang.san', role: 'lead' } });
    expectNoHash([ev!]);
  });

  it('creates and updates users while other names are throttled (the throttle columns read this user only)', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    await throttle(db, 'someone');
    await throttle(db, 'another');
    const data = expectOk(
      await createUser.execute(actorOf(admin), { username: 'wang.wu', displayName: '王五', role: 'viewer', password: STRONG }),
    );
    expect(data).toMatchObject({ username: 'wang.wu', failedLogins: 0, lockedUntil: null });
    const updated = expectOk(
      await updateUser.execute(actorOf(admin), { id: data.id, version: data.version, displayName: '王五五', role: 'viewer' }),
    );
    expect(updated).toMatchObject({ displayName: '王五五', failedLogins: 0, lockedUntil: null });
    await throttle(db, 'wang.wu');
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'wang.wu'));
    expect(row?.id).toBe(data.id);
  });

  it('refuses a duplicate username with a field error and writes nothing', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    await makeUser({ role: 'viewer', username: 'taken' });
    const before = await snapshot(db);
    const res = expectFailure(
      await createUser.execute(actorOf(admin), { username: 'TAKEN', displayName: '重名', role: 'viewer', password: STRONG }),
      'CONFLICT',
    );
    expect(res.fieldErrors?.username?.[0]).toMatch(/\p{Script=Han}/u);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['a bad username', { username: 'no spaces!' }, 'username'],
    ['a one-letter username', { username: 'a' }, 'username'],
    ['a short password', { password: 'password12' }, 'password'],
    ['11 characters (12 are needed)', { password: 'Tacheng-Emi' }, 'password'],
    ['a repeated letter', { password: 'aaaaaaaaaaa1' }, 'password'],
    ['a common password', { password: 'password1234' }, 'password'],
    ['the username as password', { username: 'wangwu2025', password: 'WangWu2025ab' }, 'password'],
    ['a password containing the username', { username: 'wangwu', password: 'my-WangWu-secret-7' }, 'password'],
    ['a password of 129 characters', { password: 'x7Kq'.repeat(32) + 'z' }, 'password'],
    ['an unknown county', { countyId: 99999 }, 'countyId'],
    ['an unknown unit', { unitId: 99999 }, 'unitId'],
    ['an unknown role', { role: 'root' }, 'role'],
    ['an empty display name', { displayName: '   ' }, 'displayName'],
  ])('refuses %s with a field error', async (_label, change, field) => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const before = await snapshot(db);
    const input = { username: 'wangwu', displayName: '王五', role: 'viewer', countyId: null, unitId: null, password: STRONG, ...change };
    const res = expectFailure(await createUser.execute(actorOf(admin), input), 'INVALID');
    expect(res.fieldErrors?.[field]?.[0]).toMatch(/\p{Script=Han}/u);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('updateUser', () => {
  it('updates the profile, bumps the version and audits only what changed', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const county = await makeCounty();
    const target = await makeUser({ role: 'viewer', displayName: '旧名' });
    const data = expectOk(
      await updateUser.execute(actorOf(admin), {
        id: target.id,
        version: 1,
        displayName: '新名',
        role: 'viewer',
        countyId: county.id,
        unitId: '',
      }),
    );
    expect(data).toMatchObject({ displayName: '新名', countyId: county.id, version: 2 });
    const [ev] = await userAudit(db);
    expect(ev).toMatchObject({
      action: 'user.update',
      before: { displayName: '旧名', countyId: null, version: 1 },
      after: { displayName: '新名', countyId: county.id, version: 2 },
    });
    expect(ev!.after).not.toHaveProperty('role');
  });

  it('a stale version is a CONFLICT with the current values, and the first write survives', async () => {
    const db = getDb();
    const first = await makeUser({ role: 'admin' });
    const second = await makeUser({ role: 'admin' });
    const target = await makeUser({ role: 'viewer', displayName: '原名' });
    const base = { id: target.id, version: target.version, role: 'viewer', countyId: null, unitId: null };
    expectOk(await updateUser.execute(actorOf(first), { ...base, displayName: '第一次' }));
    const res = expectFailure(await updateUser.execute(actorOf(second), { ...base, displayName: '第二次' }), 'CONFLICT');
    expect(res.current).toMatchObject({ id: target.id, displayName: '第一次', version: 2 });
    expect(res.current).not.toHaveProperty('passwordHash');
    expect(await userRow(db, target.id)).toMatchObject({ displayName: '第一次', version: 2 });
    expect(await userAudit(db)).toHaveLength(1);
  });

  it('an unknown user is NOT_FOUND', async () => {
    const admin = await makeUser({ role: 'admin' });
    const res = await updateUser.execute(actorOf(admin), { id: 99999, version: 1, displayName: 'x', role: 'viewer' });
    expectFailure(res, 'NOT_FOUND');
  });

  it('an administrator cannot demote themselves', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const before = await snapshot(db);
    const res = expectFailure(
      await updateUser.execute(actorOf(admin), { id: admin.id, version: admin.version, displayName: admin.displayName, role: 'dispatch' }),
      'INVALID',
    );
    expect(res.fieldErrors?.role?.[0]).toMatch(/管理员/);
    expect(await snapshot(db)).toEqual(before);
    // Keeping the role is fine.
    expectOk(
      await updateUser.execute(actorOf(admin), { id: admin.id, version: admin.version, displayName: '改名的管理员', role: 'admin' }),
    );
  });

  it('another administrator may demote an administrator', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const other = await makeUser({ role: 'admin' });
    expectOk(await updateUser.execute(actorOf(admin), { id: other.id, version: 1, displayName: other.displayName, role: 'viewer' }));
    expect((await userRow(db, other.id)).role).toBe('viewer');
  });
});

// PGlite has one connection, so true races need real PostgreSQL (TEST_DATABASE_URL).
describe.runIf(onPostgres)('concurrent writes (PostgreSQL)', () => {
  it('two saves from the same version: one wins, the other is a CONFLICT', async () => {
    const db = getDb();
    const [a, b] = [await makeUser({ role: 'admin' }), await makeUser({ role: 'admin' })];
    const target = await makeUser({ role: 'viewer' });
    const base = { id: target.id, version: target.version, role: 'viewer' };
    const results = await Promise.all([
      updateUser.execute(actorOf(a), { ...base, displayName: '甲' }),
      updateUser.execute(actorOf(b), { ...base, displayName: '乙' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(1);
    expect((await userRow(db, target.id)).version).toBe(2);
    expect(await userAudit(db)).toHaveLength(1);
  });

  it('two creates of the same username: one user, the other a field error', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const input = { username: 'twin', displayName: '双胞胎', role: 'viewer', password: STRONG };
    const results = await Promise.all([createUser.execute(actorOf(admin), input), createUser.execute(actorOf(admin), input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const failed = results.find((r) => !r.ok);
    expect(failed && !failed.ok && failed.code).toBe('CONFLICT');
    expect(failed && !failed.ok ? failed.fieldErrors?.username?.[0] : undefined).toMatch(/\p{Script=Han}/u);
    expect(await db.select().from(users).where(eq(users.username, 'twin'))).toHaveLength(1);
  });
});
