import { decode } from 'next-auth/jwt';
import { SESSION_COOKIES } from './cookie-names';

/**
 * The server-side session id carried by next-auth's session cookie, or null (no cookie, not
 * ours, tampered with, expired). The cookie is decrypted the way next-auth does it (its own
 * decode, the same secret, the cookie's name as the salt) but only that: next-auth's auth()
 * also re-encrypts a refreshed cookie on every call, which a page render cannot set anyway —
 * about a tenth of a simple page's CPU. No 'server-only' import, so the tests can call it.
 */
export async function sessionIdFromCookies(
  get: (name: string) => string | undefined,
  secret: string | undefined = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
): Promise<string | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = get(name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret, salt: name });
      if (typeof payload?.sid === 'string') return payload.sid;
    } catch {
      // Not decryptable with this secret and salt: treat as signed out.
    }
  }
  return null;
}
