import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { makeUser, type User } from '@/test/factories';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, SESSION_MAX_AGE_SECONDS, verifyLogin } from './login';
import { hashPassword } from './password';
import { findSessionActor } from './session-lookup';

const getDb = useTestDb();

const PASSWORD = 'Correct-passw0rd';
const T0 = new Date('2026-03-02T08:00:00.000Z');
const MINUTE = 60 * 1000;

let hash: string;
let user: User;

beforeEach(async () => {
  setClockForTests(T0);
  hash ??= await hashPassword(PASSWORD);
  user = await makeUser({ role: 'dispatch', username: 'wanglei', passwordHash: hash });
});
afterEach(() => setClockForTests(null));

async function row() {
  const [r] = await getDb().select().from(users).where(eq(users.id, user.id));
  if (!r) throw new Error('user vanished');
  return r;
}

async function sessionsOf(userId: number) {
  return getDb().select().from(sessions).where(eq(sessions.userId, userId));
}

describe('verifyLogin', () => {
  it('the right password signs in and opens a session row', async () => {
    const res = await verifyLogin('wanglei', PASSWORD);
    expect(res).toMatchObject({ ok: true, userId: user.id });
    if (!res.ok) return;
    const rows = await sessionsOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: res.sessionId, revokedAt: null });
    expect(rows[0]!.expiresAt.getTime()).toBe(T0.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(await findSessionActor(getDb(), res.sessionId)).toMatchObject({ id: user.id, role: 'dispatch' });
  });

  it('the username is matched without regard to case and surrounding spaces', async () => {
    expect((await verifyLogin('  WangLei ', PASSWORD)).ok).toBe(true);
  });

  it('a wrong password counts a failure and opens no session', async () => {
    expect(await verifyLogin('wanglei', 'wrong-passw0rd')).toEqual({ ok: false, reason: 'invalid' });
    expect((await row()).failedLogins).toBe(1);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it(`${MAX_FAILED_LOGINS} wrong passwords lock the account, even against the right password`, async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect(await verifyLogin('wanglei', `wrong-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    }
    const lockedUntil = new Date(T0.getTime() + LOCK_MINUTES * MINUTE);
    expect(await verifyLogin('wanglei', 'wrong-last')).toEqual({ ok: false, reason: 'locked', lockedUntil });
    expect((await row()).lockedUntil).toEqual(lockedUntil);

    // A minute before the lock ends, the right password is still refused.
    setClockForTests(new Date(lockedUntil.getTime() - MINUTE));
    expect(await verifyLogin('wanglei', PASSWORD)).toEqual({ ok: false, reason: 'locked', lockedUntil });
    expect(await sessionsOf(user.id)).toHaveLength(0);

    const [ev] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.action, 'auth.locked')));
    expect(ev).toMatchObject({ entityId: String(user.id), after: { lockedUntil: lockedUntil.toISOString() } });
  });

  it('after the lock time passes the right password works again and the counter starts over', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await verifyLogin('wanglei', `wrong-${i}`);
    expect((await row()).lockedUntil).not.toBeNull();

    setClockForTests(new Date(T0.getTime() + LOCK_MINUTES * MINUTE + 1000));
    expect(await verifyLogin('wanglei', PASSWORD)).toMatchObject({ ok: true });
    expect(await row()).toMatchObject({ failedLogins: 0, lockedUntil: null });

    // A fresh count: one more failure does not lock again.
    expect(await verifyLogin('wanglei', 'wrong-again')).toEqual({ ok: false, reason: 'invalid' });
    expect(await row()).toMatchObject({ failedLogins: 1, lockedUntil: null });
  });

  it('a success before the limit resets the counter', async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await verifyLogin('wanglei', `wrong-${i}`);
    expect((await row()).failedLogins).toBe(MAX_FAILED_LOGINS - 1);
    expect((await verifyLogin('wanglei', PASSWORD)).ok).toBe(true);
    expect((await row()).failedLogins).toBe(0);
    expect(await verifyLogin('wanglei', 'wrong-once-more')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a disabled user with the right password is told so and gets no session', async () => {
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await verifyLogin('wanglei', PASSWORD)).toEqual({ ok: false, reason: 'disabled' });
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it('a disabled user with a wrong password learns nothing more than "invalid"', async () => {
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await verifyLogin('wanglei', 'wrong-passw0rd')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('an unknown user is "invalid" and nothing is written', async () => {
    expect(await verifyLogin('nobody', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect(await getDb().select().from(sessions)).toHaveLength(0);
    expect(await getDb().select().from(auditEvents)).toHaveLength(0);
  });
});
