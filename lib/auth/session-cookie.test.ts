import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionIdFromCookies } from './session-cookie';

const secret = 'test-secret-0123456789-0123456789';
const cookie = (name: string, token: string) => (n: string) => (n === name ? token : undefined);

describe('sessionIdFromCookies', () => {
  it('reads the session id from a cookie next-auth wrote, over HTTP and over HTTPS', async () => {
    for (const name of ['authjs.session-token', '__Secure-authjs.session-token']) {
      const token = await encode({ token: { sub: '7', sid: 'session-abc' }, secret, salt: name });
      expect(await sessionIdFromCookies(cookie(name, token), secret)).toBe('session-abc');
    }
  });

  it('is null without a cookie, with another secret, another salt, a tampered or an expired token', async () => {
    const name = 'authjs.session-token';
    const token = await encode({ token: { sub: '7', sid: 'session-abc' }, secret, salt: name });
    expect(await sessionIdFromCookies(() => undefined, secret)).toBeNull();
    expect(await sessionIdFromCookies(cookie(name, token), 'another-secret-0123456789-01234567')).toBeNull();
    expect(await sessionIdFromCookies(cookie('__Secure-authjs.session-token', token), secret)).toBeNull();
    expect(await sessionIdFromCookies(cookie(name, `${token.slice(0, -4)}AAAA`), secret)).toBeNull();
    expect(await sessionIdFromCookies(cookie(name, token), undefined)).toBeNull();
    const expired = await encode({ token: { sub: '7', sid: 'old' }, secret, salt: name, maxAge: -60 });
    expect(await sessionIdFromCookies(cookie(name, expired), secret)).toBeNull();
  });

  it('is null for a token without a session id', async () => {
    const name = 'authjs.session-token';
    const token = await encode({ token: { sub: '7' }, secret, salt: name });
    expect(await sessionIdFromCookies(cookie(name, token), secret)).toBeNull();
  });
});

describe('sessionIdFromCookies, repeated', () => {
  it('answers the same for a cookie seen before, and stops when it expires', async () => {
    const name = 'authjs.session-token';
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await encode({ token: { sub: '7', sid: 'again', exp }, secret, salt: name, maxAge: 2 });
    expect(await sessionIdFromCookies(cookie(name, token), secret)).toBe('again');
    expect(await sessionIdFromCookies(cookie(name, token), secret)).toBe('again');
    expect(await sessionIdFromCookies(cookie(name, token), 'another-secret-0123456789-01234567')).toBeNull();
    const later = Date.now() + 3_000;
    const realNow = Date.now;
    Date.now = () => later;
    try {
      expect(await sessionIdFromCookies(cookie(name, token), secret)).toBeNull();
    } finally {
      Date.now = realNow;
    }
  });
});
