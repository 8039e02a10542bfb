import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authThrottle, sessions, users } from '@/db/schema';
import { verifyLogin } from '@/lib/auth/login';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { findSessionActor } from '@/lib/auth/session-lookup';
import { useTestDb } from '@/test/db';
import { actorOf, makeUser } from '@/test/factories';
import { resetPassword, setUserDisabled, unlockUser } from './actions';
import { addSession, expectFailure, expectNoHash, expectOk, snapshot, STRONG, throttle, userAudit, userRow } from './test-support';

// Disabling, password resets and unlocking: what they do to sessions and to signing in.

const getDb = useTestDb();

describe('setUserDisabled', () => {
  it('disabling revokes the sessions at once, so the session lookup finds no one', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const target = await makeUser({ role: 'dispatch' });
    const bystander = await makeUser({ role: 'viewer' });
    const sid = await addSession(db, target.id, 'sid-target');
    const otherSid = await addSession(db, bystander.id, 'sid-bystander');
    expect(await findSessionActor(db, sid)).toMatchObject({ id: target.id, role: 'dispatch' });

    expectOk(await setUserDisabled.execute(actorOf(admin), { id: target.id, disabled: true }));

    const [session] = await db.select().from(sessions).where(eq(sessions.id, sid));
    expect(session?.revokedAt).toBeInstanceOf(Date);
    expect(await findSessionActor(db, sid)).toBeNull();
    expect((await userRow(db, target.id)).disabled).toBe(true);
    expect(await findSessionActor(db, otherSid)).toMatchObject({ id: bystander.id });
    const [ev] = await userAudit(db);
    expect(ev).toMatchObject({ action: 'user.disable', before: { disabled: false }, after: { disabled: true } });
  });

  it('a disabled user cannot sign in; enabling lets them sign in again, old sessions stay ended', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const target = await makeUser({ role: 'viewer', username: 'zhaoliu', passwordHash: await hashPassword(STRONG) });
    const sid = await addSession(db, target.id, 'sid-old');
    expectOk(await setUserDisabled.execute(actorOf(admin), { id: target.id, disabled: true }));
    expect(await verifyLogin('zhaoliu', STRONG)).toEqual({ ok: false, reason: 'disabled' });

    expectOk(await setUserDisabled.execute(actorOf(admin), { id: target.id, disabled: false }));
    expect((await userRow(db, target.id)).disabled).toBe(false);
    expect(await findSessionActor(db, sid)).toBeNull();
    const login = await verifyLogin('zhaoliu', STRONG);
    expect(login.ok).toBe(true);
    if (login.ok) expect(await findSessionActor(db, login.sessionId)).toMatchObject({ id: target.id });
  });

  it('an administrator cannot disable themselves', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const sid = await addSession(db, admin.id, 'sid-admin');
    const before = await snapshot(db);
    const res = expectFailure(await setUserDisabled.execute(actorOf(admin), { id: admin.id, disabled: true }), 'INVALID');
    expect(res.fieldErrors?._form?.[0]).toMatch(/停用自己/);
    expect(await snapshot(db)).toEqual(before);
    expect(await findSessionActor(db, sid)).toMatchObject({ id: admin.id });
  });
});

describe('resetPassword', () => {
  it('sets a new hash, clears the lock and revokes every session', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const target = await makeUser({
      role: 'lead',
      passwordHash: await hashPassword('Old-passw0rd'),
    });
    await throttle(db, target.username);
    const sids = [await addSession(db, target.id, 'sid-a'), await addSession(db, target.id, 'sid-b')];

    expectOk(await resetPassword.execute(actorOf(admin), { id: target.id, password: 'Brand-new-passw0rd' }));

    const row = await userRow(db, target.id);
    expect(await verifyPassword(row.passwordHash, 'Brand-new-passw0rd')).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'Old-passw0rd')).toBe(false);
    expect(row).toMatchObject({ version: target.version });
    // The sign-in throttle under the name is cleared with it.
    expect(await db.select().from(authThrottle).where(eq(authThrottle.username, target.username))).toEqual([
      expect.objectContaining({ failures: 0, nextAttemptAt: null }),
      expect.objectContaining({ failures: 0, nextAttemptAt: null }),
    ]);
    for (const sid of sids) expect(await findSessionActor(db, sid)).toBeNull();
    const events = await userAudit(db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.resetPassword', after: { passwordChanged: true, sessionsRevoked: true } });
    expectNoHash(events);
  });

  it('refuses a weak password or the username, and changes nothing', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    const target = await makeUser({ role: 'lead', username: 'sunqi12345' });
    await addSession(db, target.id, 'sid-keep');
    const before = await snapshot(db);
    for (const password of ['short1', 'SunQi12345', 'sunqi12345-at-work', 'password1234']) {
      const res = expectFailure(await resetPassword.execute(actorOf(admin), { id: target.id, password }), 'INVALID');
      expect(res.fieldErrors?.password?.[0]).toMatch(/\p{Script=Han}/u);
    }
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('unlockUser', () => {
  it('clears the sign-in throttle under the name, so the right password works again at once from every address', async () => {
    const db = getDb();
    const admin = await makeUser({ role: 'admin' });
    await makeUser({ role: 'viewer', username: 'locked_out', passwordHash: await hashPassword(STRONG) });
    await throttle(db, 'locked_out');
    const [target] = await db.select().from(users).where(eq(users.username, 'locked_out'));
    expect(await verifyLogin('locked_out', STRONG, { address: '192.0.2.1' })).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await verifyLogin('locked_out', STRONG, { address: '192.0.2.2' })).toMatchObject({ ok: false, reason: 'throttled' });

    expectOk(await unlockUser.execute(actorOf(admin), { id: target!.id }));
    expect((await verifyLogin('locked_out', STRONG, { address: '192.0.2.1' })).ok).toBe(true);
    expect((await verifyLogin('locked_out', STRONG, { address: '192.0.2.2' })).ok).toBe(true);
    const ev = (await userAudit(db)).find((e) => e.action === 'user.unlock');
    expect(ev).toMatchObject({
      before: { failedLogins: 3, lockedUntil: expect.any(String) },
      after: { failedLogins: 0, lockedUntil: null },
    });
  });
});
