'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/result';
import type { FieldErrors } from '@/lib/errors';

/**
 * Text fields with a maximum length: the text is never cut (no `maxLength`: pasting into one is
 * cut silently). The field counts as it is typed (CharCount), is marked invalid once over
 * (countedProps), and a save is refused in the browser while a text is over (useLimitCheck),
 * answering as the server does when it refuses one ("最多 N 个字符"), so each form shows it on
 * the path that shows the server's field errors. Counts as the server's limit does (UTF-16
 * length, like zod's max).
 */

/** How many characters `value` is over `max` (0 when it fits). */
export function charsOver(value: string, max: number): number {
  return Math.max(0, value.length - max);
}

/** The live count of a text field: "120 / 2000 字", turning red with what is over once the text is longer. */
export function CharCount({ id, value, max }: { id: string; value: string; max: number }) {
  const t = useTranslations('validation');
  const count = value.length;
  const over = charsOver(value, max);
  return (
    <p
      id={`${id}-count`}
      aria-live="polite"
      data-testid={`${id}-count`}
      data-over={over > 0 ? 'true' : undefined}
      className={`mt-1 text-right text-xs ${over > 0 ? 'font-medium text-red-700' : 'text-slate-500'}`}
    >
      {over > 0 ? t('charOver', { over, max }) : t('charCount', { count, max })}
    </p>
  );
}

interface ControlAria {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * The ARIA of a control followed by a CharCount (spread in place of `controlProps(...)` or an
 * `{ id }`): invalid while the text is over (or when the server said so), described by its counter.
 */
export function countedProps<P extends ControlAria>(props: P, value: string, max: number): P {
  const describedBy = [props['aria-describedby'], `${props.id}-count`].filter(Boolean).join(' ');
  const invalid = props['aria-invalid'] || charsOver(value, max) > 0 || undefined;
  return { ...props, 'aria-invalid': invalid, 'aria-describedby': describedBy };
}

type Refused = Extract<ActionResult<never>, { ok: false }>;

/** Each text of a form with its limit, under the field name the server's errors use. */
export type TextLimits = Record<string, readonly [value: string, max: number]>;

/** The refusal of a save while any text is over its limit (null when all fit), worded as the counter. */
export function limitRefusal(texts: TextLimits, over: (over: number, max: number) => string): Refused | null {
  const fieldErrors: FieldErrors = {};
  for (const [field, [value, max]] of Object.entries(texts)) {
    const n = charsOver(value, max);
    if (n > 0) fieldErrors[field] = [over(n, max)];
  }
  const first = Object.values(fieldErrors)[0];
  return first ? { ok: false, code: 'INVALID', message: first[0]!, fieldErrors } : null;
}

/**
 * `check(texts)`: the refusal to answer instead of sending the save while a text is over its
 * limit, or null. Use as `check({ title: [values.title, TITLE_MAX] }) ?? (await saveIt(...))`.
 */
export function useLimitCheck(): (texts: TextLimits) => Refused | null {
  const t = useTranslations('validation');
  return (texts) => limitRefusal(texts, (over, max) => t('charOver', { over, max }));
}
