import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessions } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { useTestDb } from '@/test/db';
import { makeUser, type User } from '@/test/factories';
import { SESSION_MAX_AGE_SECONDS } from './login';
import { findSessionActor, idleTimeoutMinutes } from './session-lookup';

const getDb = useTestDb();
const T0 = new Date('2026-03-02T08:00:00.000Z');
const MINUTE = 60 * 1000;
let user: User;

beforeEach(async () => {
  setClockForTests(T0);
  user = await makeUser({ role: 'viewer' });
  await getDb()
    .insert(sessions)
    .values({
      id: 'sid',
      userId: user.id,
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: new Date(T0.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    });
});
afterEach(() => {
  setClockForTests(null);
  vi.unstubAllEnvs();
});

const at = (minutes: number) => setClockForTests(new Date(T0.getTime() + minutes * MINUTE));
async function lastSeen() {
  const [row] = await getDb().select().from(sessions).where(eq(sessions.id, 'sid'));
  return (row!.lastSeenAt.getTime() - T0.getTime()) / MINUTE;
}

describe('idle timeout', () => {
  it('a session unused for 30 minutes has ended', async () => {
    at(29.9);
    expect(await findSessionActor(getDb(), 'sid')).toMatchObject({ id: user.id });
    at(29.9 + 30);
    expect(await findSessionActor(getDb(), 'sid')).toBeNull();
  });

  it('each request keeps it alive, but the last-seen time is written at most once a minute', async () => {
    for (const m of [0.5, 0.9]) {
      at(m);
      expect(await findSessionActor(getDb(), 'sid')).not.toBeNull();
      expect(await lastSeen()).toBe(0); // not written within the minute
    }
    at(1);
    await findSessionActor(getDb(), 'sid');
    expect(await lastSeen()).toBe(1);
    // Used every 20 minutes, it lives on past the first half hour.
    for (const m of [21, 41, 61]) {
      at(m);
      expect(await findSessionActor(getDb(), 'sid')).not.toBeNull();
      expect(await lastSeen()).toBe(m);
    }
  });

  it('the absolute limit of 8 hours holds however busy the session is', async () => {
    for (let m = 20; m < 8 * 60; m += 20) {
      at(m);
      expect(await findSessionActor(getDb(), 'sid')).not.toBeNull();
    }
    at(8 * 60);
    expect(await findSessionActor(getDb(), 'sid')).toBeNull();
  });

  it('IDLE_TIMEOUT_MINUTES sets the limit; a bad value falls back to 30', async () => {
    expect(idleTimeoutMinutes(undefined)).toBe(30);
    expect(idleTimeoutMinutes('')).toBe(30);
    expect(idleTimeoutMinutes('abc')).toBe(30);
    expect(idleTimeoutMinutes('-5')).toBe(30);
    expect(idleTimeoutMinutes('10')).toBe(10);
    vi.stubEnv('IDLE_TIMEOUT_MINUTES', '10');
    at(10.5);
    expect(await findSessionActor(getDb(), 'sid')).toBeNull();
  });
});
