/**
 * Formatting for the reporting pages (pure; server and client). Amounts and percentages go
 * through lib/money's display policy (formatWan, formatPercent), like every other page.
 */
import type { PeriodKind } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { periodShape } from '@/lib/reports/period-dates';

type T = (key: string, values?: Record<string, string | number>) => string;

/** "2025年6月" / "June 2025"; "2025年6月下旬" / "June 2025, days 21–end"; otherwise the dates. */
export function periodLabel(t: T, p: { kind: PeriodKind; startDate: string; endDate: string }, locale: Locale): string {
  const shape = periodShape(p);
  if (!shape.calendar) {
    return t('reports.period.range', { start: formatDate(p.startDate, locale), end: formatDate(p.endDate, locale) });
  }
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(shape.year, shape.month - 1, 1)),
  );
  const values = { year: shape.year, month: shape.month, monthName };
  if (p.kind === 'monthly') return t('reports.period.monthly', values);
  return t('reports.period.dekad', { ...values, part: t(`reports.period.part${shape.part}`) });
}
