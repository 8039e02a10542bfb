/**
 * "After saving, the page returns to where the user was and says what was saved": a form that
 * has saved a record goes back to the page it came from with `?saved=<kind>-<id>`
 * (`?saved=milestone-12`, `?saved=problem-34`), and that page names the record in a notice
 * (SavedNotice). Plain functions, shared by the forms in the browser and the pages on the server.
 */
export type SavedKind = 'milestone' | 'problem';

/** `path?saved=<kind>-<id>`, with `#<anchor>` when given (the row to bring into view). */
export function savedHref(path: string, kind: SavedKind, id: number, anchor?: string): string {
  return `${path}?saved=${kind}-${id}${anchor ? `#${anchor}` : ''}`;
}

/** The id in `?saved=<kind>-<id>` when it names a record of that kind, else null. */
export function parseSaved(raw: string | string[] | undefined, kind: SavedKind): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const m = new RegExp(`^${kind}-(\\d{1,9})$`).exec(value ?? '');
  if (!m) return null;
  const id = Number(m[1]);
  return id >= 1 ? id : null;
}

/** A long text shortened for a notice: its first `max` characters, then "…". */
export function savedName(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
