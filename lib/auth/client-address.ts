/**
 * The source address of a sign-in attempt, for throttling (lib/auth/throttle.ts).
 *
 * TRUST_PROXY unset (or "false"/"0"): the address of the connection. Next.js hands it to the app
 * as X-Forwarded-For when the request carries no such header of its own. A client talking to
 * the server directly can send that header and so choose its per-address key; it gains no more
 * than an attacker with many addresses, which the account-wide limit is there for.
 *
 * TRUST_PROXY=N (a whole number; "true" = 1): the app runs behind N reverse proxies of yours,
 * each appending the address it saw to X-Forwarded-For. The address is the N-th entry from the
 * right, the first hop a proxy of yours recorded; whatever the client put to its left is ignored.
 */
export function trustedProxyHops(setting: string | undefined = process.env.TRUST_PROXY): number {
  const v = (setting ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return 0;
  if (v === 'true') return 1;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

const MAX_ADDRESS_LENGTH = 64;

function clean(value: string | undefined): string | null {
  // Only what an address can contain: IPv4, IPv6 (with a zone), a port.
  const v = value?.trim().replace(/^\[|\](?::\d+)?$/g, '');
  if (!v || v.length > MAX_ADDRESS_LENGTH || !/^[0-9a-zA-Z.:%_-]+$/.test(v)) return null;
  return v.toLowerCase();
}

/** The client's address from the request headers as TRUST_PROXY says, or null when unknown. */
export function clientAddress(headers: Pick<Headers, 'get'>, setting: string | undefined = process.env.TRUST_PROXY): string | null {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return null;
  const hops = trustedProxyHops(setting);
  if (hops === 0) {
    // The connection's address as Next.js recorded it (one entry) — or a client's own header.
    return clean(forwarded[forwarded.length - 1]);
  }
  return clean(forwarded[Math.max(0, forwarded.length - hops)]);
}
