import { decode } from 'next-auth/jwt';
import { SESSION_COOKIES } from './cookie-names';

/**
 * Cookies already decrypted, by their exact value: the session id and when the cookie expires.
 * A browser sends the same cookie on every request, so most requests skip the decryption (key
 * derivation and AES-GCM, about a tenth of a simple page's CPU). The value is the whole
 * encrypted, authenticated token, so an entry can only be hit by that very cookie; the expiry is
 * checked on every hit, and the session row is checked on every request as before. Bounded: the
 * oldest entry goes when it is full.
 */
const decrypted = new Map<string, { sid: string; exp: number }>();
const MAX_DECRYPTED = 2000;

function remember(key: string, value: { sid: string; exp: number }) {
  if (decrypted.size >= MAX_DECRYPTED) decrypted.delete(decrypted.keys().next().value!);
  decrypted.set(key, value);
}

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
    const key = `${name}\n${secret}\n${token}`;
    const known = decrypted.get(key);
    if (known) {
      if (known.exp * 1000 > Date.now()) return known.sid;
      decrypted.delete(key);
      continue;
    }
    try {
      const payload = await decode({ token, secret, salt: name });
      if (typeof payload?.sid === 'string') {
        if (typeof payload.exp === 'number') remember(key, { sid: payload.sid, exp: payload.exp });
        return payload.sid;
      }
    } catch {
      // Not decryptable with this secret and salt: treat as signed out.
    }
  }
  return null;
}
