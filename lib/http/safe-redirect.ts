/**
 * The one reader of a post-sign-in destination (the login page's `callbackUrl`, the sign-in
 * action's form field, next-auth's redirect callback). Only a path on the app's own origin is
 * accepted, and it is returned as the parsed URL's own pathname + search + hash, never the raw
 * text: the browser resolves the Location header itself, so a raw `/\t/evil.example`, `/.//evil`
 * or `/\evil` would leave the site. Anything else answers FALLBACK_PATH.
 */

export const FALLBACK_PATH = '/';

/** Longer than any link the app makes (list state included); a longer one is not ours. */
const MAX_LENGTH = 2048;

// C0 controls, DEL and C1 controls, raw. The URL parser silently drops tab, CR and LF, which is
// how `/\t/evil.example` becomes `//evil.example`; a header value with CR/LF would be a 500.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// The same, percent-encoded (%00–%1F, %7F): a later decode would bring them back. %80–%9F are
// not looked for: they are the continuation bytes of UTF-8 (塔 is %E5%A1%94).
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
// Unicode characters that some clients read as a slash or a backslash.
const LOOKALIKE_SLASH = /[\u2044\u2215\u29f5\u29f8\u29f9\ufe68\uff0f\uff3c]/;

/**
 * `raw` as a same-origin path ("/projects?page=2#top"), or FALLBACK_PATH. `origin` is the app's
 * own ("https://kpd.example"; a longer URL is cut to its origin).
 */
export function safeCallbackPath(raw: unknown, origin: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return FALLBACK_PATH;
  if (CONTROL.test(raw) || ENCODED_CONTROL.test(raw) || LOOKALIKE_SLASH.test(raw)) return FALLBACK_PATH;
  if (raw.includes('\\') || /%5c/i.test(raw)) return FALLBACK_PATH;
  // A relative path ("dashboard") would resolve against the origin, but no link of ours is one.
  if (!raw.startsWith('/') && !/^https?:\/\//i.test(raw)) return FALLBACK_PATH;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base.origin);
  } catch {
    return FALLBACK_PATH;
  }
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') return FALLBACK_PATH;
  const path = url.pathname + url.search + url.hash;
  // After normalisation (`/./`, `/../`) the path must still be one path: `//host` is another site.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return FALLBACK_PATH;
  // `/%2F%2Fevil` is harmless as sent, but a proxy or a second decode would turn it into `//evil`.
  if (/^\/(?:%2f|%5c)/i.test(path)) return FALLBACK_PATH;
  return path;
}
