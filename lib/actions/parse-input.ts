/**
 * The one way both wrappers (createAction, withRoute) read input: text that PostgreSQL cannot
 * store is refused per field before zod, then the schema parses. Every refusal is a field error
 * in the user's language, never a database error. Unstorable: NUL (U+0000, PostgreSQL refuses
 * the byte) and a lone surrogate (U+D800–U+DFFF without its pair: not a character at all; both
 * drivers, postgres.js and PGlite, would silently store U+FFFD in its place).
 */
import type { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import { zodFieldErrors } from './translate-zod';

// Without the u flag a regular expression reads UTF-16 code units: a high surrogate not followed
// by a low one, or a low one not preceded by a high one, is unpaired.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text holds a character the database cannot store as it is (NUL, a lone surrogate). */
export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The fields (dotted paths, as zod names them) whose text holds a character the database refuses. */
export function unstorableFields(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (isUnstorable(value)) out.push(path.length ? path.join('.') : '_form');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableFields(v, [...path, String(i)], out));
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) unstorableFields(v, [...path, k], out);
  }
  return out;
}

export type Parsed<S extends z.ZodType> = { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors };

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, t: Translate): Parsed<S> {
  const bad = unstorableFields(raw);
  if (bad.length) return { ok: false, fieldErrors: Object.fromEntries(bad.map((f) => [f, [t('validation.invalidCharacters')]])) };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: zodFieldErrors(parsed.error, t) };
}
