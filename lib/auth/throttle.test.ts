import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, authThrottle, sessions } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { onPostgres, useTestDb } from '@/test/db';
import { makeUser } from '@/test/factories';
import { type LoginResult, verifyLogin } from './login';
import { hashPassword, verifyPassword } from './password';
import { delaySeconds, FREE_ATTEMPTS, MAX_DELAY_SECONDS } from './throttle';

// Count the passwords verified: the throttle must stop them before argon2 runs.
vi.mock('./password', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verified = () => vi.mocked(verifyPassword).mock.calls.length;

const getDb = useTestDb();
const PASSWORD = 'Correct-passw0rd';
const ADDRESS = { address: '203.0.113.9' };
const T0 = new Date('2026-03-02T08:00:00.000Z');
const ATTEMPTS = 50;
const RIGHT = 24; // the right password, in the middle

let hash: string;
beforeEach(async () => {
  setClockForTests(T0);
  hash ??= await hashPassword(PASSWORD);
  vi.mocked(verifyPassword).mockClear();
});
afterEach(() => setClockForTests(null));

const passwords = () => Array.from({ length: ATTEMPTS }, (_, i) => (i === RIGHT ? PASSWORD : `wrong-${i}`));

function summarise(results: LoginResult[]) {
  return {
    ok: results.filter((r) => r.ok).length,
    invalid: results.filter((r) => !r.ok && r.reason === 'invalid').length,
    throttled: results.filter((r) => !r.ok && r.reason === 'throttled').length,
  };
}

describe('delaySeconds', () => {
  it('is 0 for the free attempts, then doubles from 1 s, and stops at 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 14, 15, 200].map((n) => delaySeconds(n, 5))).toEqual([0, 0, 1, 2, 4, 512, MAX_DELAY_SECONDS, MAX_DELAY_SECONDS]);
  });
});

describe(`${ATTEMPTS} attempts on one name from one address (${ATTEMPTS - 1} wrong, the right one in the middle)`, () => {
  it.runIf(onPostgres)('in parallel on PostgreSQL: at most the threshold is verified, and nothing signs in once throttled', async () => {
    const user = await makeUser({ role: 'admin', username: 'admin', passwordHash: hash });
    const results = await Promise.all(passwords().map((p) => verifyLogin('admin', p, ADDRESS)));
    const s = summarise(results);
    expect(verified()).toBeLessThanOrEqual(FREE_ATTEMPTS.pair);
    expect(s.invalid + s.ok).toBe(verified());
    expect(s.throttled).toBeGreaterThanOrEqual(ATTEMPTS - FREE_ATTEMPTS.pair);
    const right = results[RIGHT]!;
    // Either the right password was among the attempts reserved before the limit, or it was
    // refused unverified; a throttled attempt never signs in.
    if (!right.ok) expect(right).toMatchObject({ reason: 'throttled' });
    expect(s.ok).toBe(right.ok ? 1 : 0);
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(s.ok);
    const [pair] = await getDb().select().from(authThrottle).where(eq(authThrottle.kind, 'pair'));
    expect(pair!.failures).toBe(right.ok ? 0 : FREE_ATTEMPTS.pair);
    const failed = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'auth.failed'));
    expect(failed).toHaveLength(s.invalid);
  });

  it.runIf(onPostgres)('in parallel on PostgreSQL, 150 attempts: still at most the threshold verified', async () => {
    await makeUser({ role: 'admin', username: 'admin', passwordHash: hash });
    const results = await Promise.all(Array.from({ length: 150 }, (_, i) => verifyLogin('admin', `wrong-${i}`, ADDRESS)));
    expect(verified()).toBe(FREE_ATTEMPTS.pair);
    expect(summarise(results)).toEqual({ ok: 0, invalid: FREE_ATTEMPTS.pair, throttled: 150 - FREE_ATTEMPTS.pair });
  });

  it('one after another: the first 5 are verified, the rest (the right one too) refused unverified', async () => {
    await makeUser({ role: 'admin', username: 'admin', passwordHash: hash });
    const results: LoginResult[] = [];
    for (const p of passwords()) results.push(await verifyLogin('admin', p, ADDRESS));
    expect(verified()).toBe(FREE_ATTEMPTS.pair);
    expect(summarise(results)).toEqual({ ok: 0, invalid: FREE_ATTEMPTS.pair, throttled: ATTEMPTS - FREE_ATTEMPTS.pair });
    expect(results[RIGHT]).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
  });

  it('an unknown name: the same answers, in the same order, with the same number verified', async () => {
    await makeUser({ role: 'admin', username: 'admin', passwordHash: hash });
    const known: LoginResult[] = [];
    for (const p of passwords()) known.push(await verifyLogin('admin', p === PASSWORD ? 'still-wrong' : p, ADDRESS));
    const knownVerified = verified();
    vi.mocked(verifyPassword).mockClear();
    const unknown: LoginResult[] = [];
    for (const p of passwords()) unknown.push(await verifyLogin('administrator', p, ADDRESS));
    expect(unknown).toEqual(known);
    expect(verified()).toBe(knownVerified);
  });

  it.runIf(onPostgres)('an unknown name in parallel: throttled the same way', async () => {
    const results = await Promise.all(passwords().map((p) => verifyLogin('ghost', p, ADDRESS)));
    expect(verified()).toBeLessThanOrEqual(FREE_ATTEMPTS.pair);
    expect(summarise(results)).toEqual({ ok: 0, invalid: verified(), throttled: ATTEMPTS - verified() });
  });
});
