import { CredentialsSignin } from 'next-auth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as client from '@/db/client';
import { setClockForTests } from '@/lib/clock';
import enAuth from '@/lib/i18n/messages/en/auth.json';
import zhAuth from '@/lib/i18n/messages/zh-CN/auth.json';
import { createTestDb, useTestDb } from '@/test/db';
import { makeUser } from '@/test/factories';
import { authorizeCredentials, LoginRefused, refusalOf } from './credentials';
import { hashPassword } from './password';

vi.mock('@/db/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/client')>();
  return { ...real, getDb: vi.fn(real.getDb) };
});

useTestDb();
const PASSWORD = 'Correct-passw0rd';
const request = (xff?: string) => ({ headers: new Headers(xff ? { 'x-forwarded-for': xff } : {}) });

afterEach(() => {
  setClockForTests(null);
  vi.restoreAllMocks();
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return refusalOf(err);
  }
  throw new Error('expected a refusal');
}

describe('authorizeCredentials', () => {
  it('signs in with the right password and refuses a wrong one as "invalid"', async () => {
    await makeUser({ role: 'viewer', username: 'liuyang', passwordHash: await hashPassword(PASSWORD) });
    expect(await authorizeCredentials({ username: 'liuyang', password: PASSWORD }, request('10.0.0.1'))).toMatchObject({
      id: expect.any(String),
      sid: expect.any(String),
    });
    expect(await refusal(authorizeCredentials({ username: 'liuyang', password: 'nope' }, request('10.0.0.1')))).toEqual({
      error: 'invalid',
    });
    expect(await refusal(authorizeCredentials({ username: '', password: '' }, undefined))).toEqual({ error: 'invalid' });
  });

  it('a throttled attempt carries the seconds to wait to the form', async () => {
    setClockForTests(new Date('2026-03-02T08:00:00Z'));
    for (let i = 0; i < 5; i++) await refusal(authorizeCredentials({ username: 'nobody', password: `x${i}` }, request('10.0.0.2')));
    expect(await refusal(authorizeCredentials({ username: 'nobody', password: 'x' }, request('10.0.0.2')))).toEqual({
      error: 'throttled',
      retryAfterSeconds: 1,
    });
    // Another address is not held back by this one's count.
    expect(await refusal(authorizeCredentials({ username: 'nobody', password: 'x' }, request('10.0.0.3')))).toEqual({
      error: 'invalid',
    });
  });

  it('the database unreachable (connection refused): "unavailable", not "wrong password"', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    vi.mocked(client.getDb).mockRejectedValueOnce(refused);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await refusal(authorizeCredentials({ username: 'liuyang', password: PASSWORD }, request()))).toEqual({
      error: 'unavailable',
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('unavailable'), expect.objectContaining({ code: 'ECONNREFUSED' }));
  });

  it('a query failing mid-way (the database closed): "unavailable" too', async () => {
    const closed = await createTestDb();
    await closed.close();
    vi.mocked(client.getDb).mockResolvedValueOnce(closed.db);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await refusal(authorizeCredentials({ username: 'liuyang', password: PASSWORD }, request()))).toEqual({
      error: 'unavailable',
    });
  });
});

describe('refusalOf', () => {
  it('maps the refusals, treats other next-auth errors as "invalid", and leaves anything else (the redirect) alone', () => {
    expect(refusalOf(new LoginRefused('disabled'))).toEqual({ error: 'disabled' });
    expect(refusalOf(new LoginRefused('throttled', 37))).toEqual({ error: 'throttled', retryAfterSeconds: 37 });
    expect(refusalOf(new CredentialsSignin())).toEqual({ error: 'invalid' });
    expect(refusalOf(new Error('NEXT_REDIRECT'))).toBeNull();
  });

  it('every refusal has its message in both languages', () => {
    for (const key of ['invalid', 'disabled', 'throttled', 'unavailable'] as const) {
      expect(zhAuth[key]).toMatch(/\p{Script=Han}/u);
      expect(enAuth[key]).toMatch(/[a-z]/);
    }
    expect(zhAuth.throttled).toContain('{seconds}');
    expect(enAuth.throttled).toContain('seconds');
  });
});
