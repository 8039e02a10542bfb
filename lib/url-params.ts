/**
 * Reading list state from a URL, shared by every parser of table/dashboard search params
 * (lib/projects, lib/problems, lib/dashboard search-params.ts). Whitelist style: malformed
 * values are dropped, not errors, so an old or hand-edited link still opens.
 */
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The first value of a key. */
export function param(raw: RawParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

/** A comma-separated list: trimmed, de-duplicated, at most 50 values. */
export function paramList(raw: RawParams, key: string): string[] {
  const v = param(raw, key);
  if (!v) return [];
  return [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 50);
}

/** A comma-separated list of positive integer ids (anything else is dropped). */
export function paramIds(raw: RawParams, key: string): number[] {
  return paramList(raw, key)
    .filter((s) => /^\d{1,9}$/.test(s) && Number(s) >= 1)
    .map(Number);
}
