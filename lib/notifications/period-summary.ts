/**
 * The text of a lead's "period opened" summary (one notification per lead and period, written by
 * lib/reports/open-period.ts): "2026年11月报告已开启：您负责的 3 个项目待填报" / "November 2026
 * reports are open: 3 of your projects to report". The period reads as everywhere else (a
 * calendar month, a 旬, else its dates), from the params the notification keeps (and that a
 * correction of the period's dates updates).
 */
import type { PeriodKind } from '@/db/schema/enums';
import { PERIOD_KINDS } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { periodShape } from '@/lib/reports/schemas';

type T = (key: string, values?: Record<string, string | number>) => string;

/** Whether a notification's params are a period summary's (a count of projects, the period's dates). */
export function isPeriodSummary(params: Record<string, string | number>): boolean {
  return typeof params.projects === 'number' && typeof params.periodStart === 'string' && typeof params.periodEnd === 'string';
}

/** The period as its label: 2026年11月 / November 2026, 2026年11月上旬, else "start to end". */
export function periodSummaryLabel(t: T, params: Record<string, string | number>, locale: Locale): string {
  const kind: PeriodKind = (PERIOD_KINDS as readonly unknown[]).includes(params.periodKind) ? (params.periodKind as PeriodKind) : 'monthly';
  const p = { kind, startDate: String(params.periodStart), endDate: String(params.periodEnd) };
  const shape = periodShape(p);
  if (!shape.calendar) return t('reports.period.range', { start: formatDate(p.startDate, locale), end: formatDate(p.endDate, locale) });
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(shape.year, shape.month - 1, 1)),
  );
  const values = { year: shape.year, month: shape.month, monthName };
  if (kind === 'monthly') return t('reports.period.monthly', values);
  return t('reports.period.dekad', { ...values, part: t(`reports.period.part${shape.part}`) });
}

/** The summary's headline. */
export function periodSummaryTitle(t: T, params: Record<string, string | number>, locale: Locale): string {
  return t('inbox.notification.kind.period_opened_summary', {
    period: periodSummaryLabel(t, params, locale),
    count: Number(params.projects),
  });
}
