/** A route id segment: "12" → 12; anything else (abc, 1.5, 0, too long) → null, which becomes a 404. */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 ? n : null;
}
