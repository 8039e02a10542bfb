/**
 * The sign-in round trip through next-auth's own handlers (app/api/auth/[...nextauth]): the
 * credentials callback answers 302, and its Location stays on the app whatever callbackUrl says.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { useTestDb } from '@/test/db';
import { makeUser } from '@/test/factories';
import { hashPassword } from '@/lib/auth/password';

useTestDb();

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'Correct-passw0rd';
let hash: string;
let handlers: typeof import('@/lib/auth/auth').handlers;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'test-secret-not-for-production-0123456789';
  process.env.AUTH_TRUST_HOST = 'true';
  ({ handlers } = await import('@/lib/auth/auth'));
  hash = await hashPassword(PASSWORD);
});

let username: string;
beforeEach(async () => {
  username = `redirect${Math.random().toString(36).slice(2, 8)}`;
  await makeUser({ role: 'dispatch', username, passwordHash: hash });
});

/** GET /api/auth/csrf, then POST the credentials with callbackUrl; the answer's Location. */
async function signInLocation(callbackUrl: string): Promise<string> {
  const csrfRes = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = new URLSearchParams({ csrfToken, username, password: PASSWORD, callbackUrl });
  const res = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: ORIGIN },
      body,
    }),
  );
  expect(res.status).toBe(302);
  const location = res.headers.get('location');
  if (!location) throw new Error('no Location');
  return location;
}

describe('the sign-in callback answers only same-origin destinations', () => {
  it.each([
    ['/\t/evil.example/c'],
    ['/.//evil.example/i'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['https://evil.example/x'],
    ['javascript:alert(1)'],
    ['/%0d%0aSet-Cookie:x=1'],
  ])('%j → the app root', async (callbackUrl) => {
    const location = await signInLocation(callbackUrl);
    expect(location).toBe(`${ORIGIN}/`);
  });

  it('keeps a path of the app, with its list state', async () => {
    expect(await signInLocation('/projects?page=2#top')).toBe(`${ORIGIN}/projects?page=2#top`);
    expect(await signInLocation(`${ORIGIN}/reports`)).toBe(`${ORIGIN}/reports`);
  });
});
