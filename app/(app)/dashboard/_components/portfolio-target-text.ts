import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';

type Row = { kind: 'count' | 'growth'; target: string; actual: string | null; unitZh: string; unitEn: string };
type T = (key: string, values?: Record<string, string | number>) => string;

/** A decimal as people write it: 20 not 20.00, 8.5 not 8.50 (formatNumber drops trailing zeros). */
const plain = (v: string, locale: Locale) => formatNumber(v, locale, 2);

/** "目标 20 家以上" / "目标 增长 10% 以上". */
export function targetText(row: Row, locale: Locale, t: T): string {
  const unit = locale === 'en' ? row.unitEn : row.unitZh;
  return t(`target.${row.kind}`, { target: plain(row.target, locale), unit });
}

/** "12 家" / "增长 8.5%"; '' before a figure is reported. */
export function actualText(row: Row, locale: Locale, t: T): string {
  if (row.actual === null) return '';
  const unit = locale === 'en' ? row.unitEn : row.unitZh;
  return t(`actual.${row.kind}`, { actual: plain(row.actual, locale), unit });
}
