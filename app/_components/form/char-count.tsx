'use client';

import { useTranslations } from 'next-intl';

/**
 * The live count of a text field with a maximum length: "120 / 2000 字", turning red with what is
 * over once the text is longer (pasted text is never cut: the server refuses it with "最多 N 个字符"
 * and the user shortens it). Counts as the server's limit does (UTF-16 length, like zod's max).
 */
export function CharCount({ id, value, max }: { id: string; value: string; max: number }) {
  const t = useTranslations('validation');
  const count = value.length;
  const over = count - max;
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
