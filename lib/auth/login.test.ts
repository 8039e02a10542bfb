import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, authThrottle, sessions, users } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { makeUser, type User } from '@/test/factories';
import { type LoginContext, revokeSession, SESSION_MAX_AGE_SECONDS, verifyLogin } from './login';
import { hashPassword, verifyPassword } from './password';
import { findSessionActor } from './session-lookup';
import { clearThrottle, FREE_ATTEMPTS, MAX_DELAY_SECONDS, RESET_AFTER_MS } from './throttle';

// Count the passwords verified: a throttled attempt must verify none.
vi.mock('./password', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verified = () => vi.mocked(verifyPassword).mock.calls.length;

const getDb = useTestDb();

const PASSWORD = 'Correct-passw0rd';
const T0 = new Date('2026-03-02T08:00:00.000Z');
const SECOND = 1000;
const HOME = { address: '10.0.0.7' };
const ATTACKER = { address: '203.0.113.9' };

let hash: string;
let user: User;

beforeEach(async () => {
  setClockForTests(T0);
  hash ??= await hashPassword(PASSWORD);
  user = await makeUser({ role: 'dispatch', username: 'wanglei', passwordHash: hash });
  vi.mocked(verifyPassword).mockClear();
});
afterEach(() => setClockForTests(null));

const at = (ms: number) => setClockForTests(new Date(T0.getTime() + ms));

async function sessionsOf(userId: number) {
  return getDb().select().from(sessions).where(eq(sessions.userId, userId));
}

async function audit(action: string) {
  return getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.id));
}

/** `n` wrong passwords from one address, at the current clock. */
async function fail(n: number, context: LoginContext = ATTACKER, name = 'wanglei') {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await verifyLogin(name, `wrong-${i}`, context));
  return out;
}

describe('verifyLogin', () => {
  it('the right password signs in, opens a session row and is audited as auth.signIn', async () => {
    const res = await verifyLogin('wanglei', PASSWORD, HOME);
    expect(res).toMatchObject({ ok: true, userId: user.id });
    if (!res.ok) return;
    const rows = await sessionsOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: res.sessionId, revokedAt: null, lastSeenAt: T0 });
    expect(rows[0]!.expiresAt.getTime()).toBe(T0.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(await findSessionActor(getDb(), res.sessionId)).toMatchObject({ id: user.id, role: 'dispatch' });
    const [ev] = await audit('auth.signIn');
    expect(ev).toMatchObject({ actorId: user.id, entityType: 'user', entityId: String(user.id), after: { address: HOME.address } });
  });

  it('the username is matched without regard to case and surrounding spaces', async () => {
    expect((await verifyLogin('  WangLei ', PASSWORD, HOME)).ok).toBe(true);
  });

  it('a wrong password is "invalid", opens no session and is audited as auth.failed with the name, never the password', async () => {
    expect(await verifyLogin('wanglei', 'wrong-passw0rd', HOME)).toEqual({ ok: false, reason: 'invalid' });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    const [ev] = await audit('auth.failed');
    expect(ev).toMatchObject({
      actorId: null,
      actorName: 'system',
      entityType: 'user',
      entityId: String(user.id),
      after: { username: 'wanglei', address: HOME.address, reason: 'wrongPassword' },
    });
    expect(JSON.stringify(ev)).not.toContain('wrong-passw0rd');
  });

  it(`after ${FREE_ATTEMPTS.pair} failures from one address, attempts wait 1, 2, 4 … seconds, and a throttled one verifies nothing`, async () => {
    expect(await fail(FREE_ATTEMPTS.pair)).toEqual(Array(FREE_ATTEMPTS.pair).fill({ ok: false, reason: 'invalid' }));
    expect(verified()).toBe(FREE_ATTEMPTS.pair);

    // Even the right password is refused without being checked.
    expect(await verifyLogin('wanglei', PASSWORD, ATTACKER)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    expect(verified()).toBe(FREE_ATTEMPTS.pair);
    expect(await sessionsOf(user.id)).toHaveLength(0);

    at(1 * SECOND);
    expect(await fail(1)).toEqual([{ ok: false, reason: 'invalid' }]);
    expect(await verifyLogin('wanglei', PASSWORD, ATTACKER)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 2 });
    at(3 * SECOND);
    await fail(1);
    expect(await verifyLogin('wanglei', PASSWORD, ATTACKER)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 4 });
    expect(verified()).toBe(FREE_ATTEMPTS.pair + 2);
  });

  it('the wait grows to at most 15 minutes, and the pair starts over after an hour left alone', async () => {
    let t = 0;
    for (let i = 0; i < 20; i++) {
      await verifyLogin('wanglei', 'wrong', ATTACKER);
      const [row] = await getDb().select().from(authThrottle).where(eq(authThrottle.kind, 'pair'));
      if (row!.nextAttemptAt) t = row!.nextAttemptAt.getTime() - T0.getTime();
      at(t);
    }
    const [row] = await getDb().select().from(authThrottle).where(eq(authThrottle.kind, 'pair'));
    expect(row!.failures).toBe(20);
    expect(row!.nextAttemptAt!.getTime() - row!.lastFailureAt!.getTime()).toBe(MAX_DELAY_SECONDS * SECOND);

    at(t + RESET_AFTER_MS);
    expect((await verifyLogin('wanglei', PASSWORD, ATTACKER)).ok).toBe(true);
  });

  it('within the free attempts no key refuses, even an attempt that read the clock before a concurrent one', async () => {
    at(10 * SECOND);
    await fail(1);
    at(5 * SECOND); // this attempt's instant is earlier than the last one counted
    expect(await fail(FREE_ATTEMPTS.pair - 1)).toEqual(Array(FREE_ATTEMPTS.pair - 1).fill({ ok: false, reason: 'invalid' }));
  });

  it("an attacker's address does not keep the user out from the user's own address", async () => {
    await fail(FREE_ATTEMPTS.pair + 3);
    expect((await verifyLogin('wanglei', PASSWORD, ATTACKER)).ok).toBe(false);
    expect((await verifyLogin('wanglei', PASSWORD, HOME)).ok).toBe(true);
  });

  it(`the name across addresses waits after ${FREE_ATTEMPTS.account} failures, except from an address that signed in before`, async () => {
    expect((await verifyLogin('wanglei', PASSWORD, HOME)).ok).toBe(true); // HOME is now a trusted pair
    for (let i = 0; i < FREE_ATTEMPTS.account; i++) {
      expect(await verifyLogin('wanglei', 'wrong', { address: `198.51.100.${i}` })).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await verifyLogin('wanglei', PASSWORD, { address: '192.0.2.1' })).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 1,
    });
    expect((await verifyLogin('wanglei', PASSWORD, HOME)).ok).toBe(true);
  });

  it('a success clears the pair: the next failures are counted from zero', async () => {
    await fail(FREE_ATTEMPTS.pair - 1);
    expect((await verifyLogin('wanglei', PASSWORD, ATTACKER)).ok).toBe(true);
    expect(await fail(FREE_ATTEMPTS.pair - 1)).toEqual(Array(FREE_ATTEMPTS.pair - 1).fill({ ok: false, reason: 'invalid' }));
    expect((await verifyLogin('wanglei', PASSWORD, ATTACKER)).ok).toBe(true);
  });

  it('an unknown name answers exactly like a known one, throttling included', async () => {
    const known = [...(await fail(FREE_ATTEMPTS.pair + 1, ATTACKER, 'wanglei')), await verifyLogin('wanglei', PASSWORD, ATTACKER)];
    const unknown = [...(await fail(FREE_ATTEMPTS.pair + 1, ATTACKER, 'nobody')), await verifyLogin('nobody', PASSWORD, ATTACKER)];
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    // Both verified a password (the unknown one against a throwaway hash) the same number of times.
    expect(verified()).toBe(2 * FREE_ATTEMPTS.pair);
    const failed = await audit('auth.failed');
    expect(failed.filter((e) => e.entityType === 'login' && e.entityId === 'nobody')).toHaveLength(FREE_ATTEMPTS.pair);
    expect(failed.at(-1)).toMatchObject({ after: { username: 'nobody', reason: 'unknownUser' } });
  });

  it('a throttled period is audited once (auth.throttled), not once per refused attempt', async () => {
    await fail(FREE_ATTEMPTS.pair + 4);
    const events = await audit('auth.throttled');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: null,
      entityType: 'user',
      entityId: String(user.id),
      after: { username: 'wanglei', address: ATTACKER.address, retryAfterSeconds: 1, limits: ['pair'] },
    });
    at(1 * SECOND);
    await fail(2); // one counted, one refused in the next period
    expect(await audit('auth.throttled')).toHaveLength(2);
  });

  it("clearing the name's throttle (the administrator's unlock) lets every address in at once", async () => {
    await fail(FREE_ATTEMPTS.pair + 2);
    // The name's two keys (the name, the pair); the address's own count stays.
    expect(await clearThrottle(getDb(), 'WangLei', T0)).toBe(2);
    expect((await verifyLogin('wanglei', PASSWORD, ATTACKER)).ok).toBe(true);
  });

  it('a disabled user with the right password is told so and gets no session; with a wrong one, "invalid"', async () => {
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await verifyLogin('wanglei', PASSWORD, HOME)).toEqual({ ok: false, reason: 'disabled' });
    expect(await verifyLogin('wanglei', 'wrong-passw0rd', HOME)).toEqual({ ok: false, reason: 'invalid' });
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it('an unknown address and a name with control characters are throttled like any other', async () => {
    expect(await fail(FREE_ATTEMPTS.pair + 1, {}, 'no\u0000body')).toEqual([
      ...Array(FREE_ATTEMPTS.pair).fill({ ok: false, reason: 'invalid' }),
      { ok: false, reason: 'throttled', retryAfterSeconds: 1 },
    ]);
  });
});

describe('revokeSession', () => {
  it('ends the session and audits auth.signOut by its user, once', async () => {
    const res = await verifyLogin('wanglei', PASSWORD, HOME);
    if (!res.ok) throw new Error('sign-in failed');
    await revokeSession(res.sessionId);
    await revokeSession(res.sessionId);
    expect(await findSessionActor(getDb(), res.sessionId)).toBeNull();
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.signOut'), eq(auditEvents.entityId, String(user.id))));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id, entityType: 'user' });
  });
});
