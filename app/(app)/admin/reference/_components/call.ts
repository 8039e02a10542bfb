import type { ActionResult } from '@/lib/actions/result';

/** A failed action's message for the reference pages: a conflict names who changed the entry and its current name. */
export function failureText(
  res: Extract<ActionResult<unknown>, { ok: false }>,
  t: (key: string, values?: Record<string, string>) => string,
  formatAt: (at: unknown) => string,
): string {
  const current = res.current as { changedBy?: string | null; changedAt?: unknown; nameZh?: string; title?: string | null } | undefined;
  if (res.code === 'CONFLICT' && current) {
    const value = current.nameZh ?? current.title ?? '—';
    return current.changedBy
      ? t('conflict', { name: current.changedBy, at: formatAt(current.changedAt), current: value })
      : t('conflictUnknown');
  }
  const fields = Object.values(res.fieldErrors ?? {}).flat();
  return fields.length ? `${res.message} ${fields.join(' ')}` : res.message;
}
