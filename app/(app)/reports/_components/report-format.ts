/**
 * Formatting for the reporting pages (pure; server and client). Report amounts are shown
 * exactly: a lead who entered 350.50 万元 must see 350.5, not a rounded 351.
 */
import type { PeriodKind } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { periodShape } from '@/lib/reports/schemas';

type T = (key: string, values?: Record<string, string | number>) => string;

/** An amount in 万元, exactly: 350.5 万元 / CNY 3,505,000. */
export function formatWan(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '' || !/^-?\d+(\.\d+)?$/.test(value)) return '—';
  const neg = value.startsWith('-');
  const [int = '0', frac = ''] = (neg ? value.slice(1) : value).split('.');
  const cents = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
  if (locale === 'en') {
    const yuan = cents * 100n;
    return `CNY ${neg ? '-' : ''}${new Intl.NumberFormat('en').format(yuan)}`;
  }
  const whole = new Intl.NumberFormat('zh-CN').format(cents / 100n);
  const rest = cents % 100n;
  const decimals = rest === 0n ? '' : `.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
  return `${neg ? '-' : ''}${whole}${decimals} 万元`;
}

export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}%`;
}

/** "2025年6月" / "June 2025"; "2025年6月下旬" / "June 2025, days 21–end"; otherwise the dates. */
export function periodLabel(
  t: T,
  p: { kind: PeriodKind; startDate: string; endDate: string },
  locale: Locale,
): string {
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
