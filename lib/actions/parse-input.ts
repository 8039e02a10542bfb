/**
 * The one way both wrappers (createAction, withRoute) read input: text that PostgreSQL cannot
 * store (NUL, U+0000) is refused per field before zod, then the schema parses. Every refusal
 * is a field error in the user's language, never a database error.
 */
import type { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';
import type { Translate } from '@/lib/i18n/translate';
import { zodFieldErrors } from './translate-zod';

const UNSTORABLE = /\u0000/;

/** The fields (dotted paths, as zod names them) whose text holds a character the database refuses. */
export function unstorableFields(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) out.push(path.length ? path.join('.') : '_form');
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
