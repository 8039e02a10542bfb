/**
 * Renders a stored reason (data) as a sentence in the reader's language, at read time:
 *   zh: 完成率 42.0%，序时进度 75.0%，落后 33.0 个百分点 (>30) → 红灯
 *   en: Completion 42.0%, time-elapsed 75.0%, 33.0 points behind (>30) → red
 * Percentages and points with one decimal, as everywhere (lib/money); thresholds as configured.
 * Catalogue: lib/i18n/messages/{zh-CN,en}/lights.json, keys lights.reason.<measure>.
 */
import type { LightReason } from '@/db/schema/lights';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import { formatPercentNumber, roundPercent } from '@/lib/money';

const fmt = (n: unknown) => (typeof n === 'number' ? String(roundPercent(n)) : n === null || n === undefined ? '—' : String(n));
const pct = (n: unknown, locale: Locale) => (typeof n === 'number' ? formatPercentNumber(n, locale) : fmt(n));

export function renderReason(t: Translate, r: LightReason, locale: Locale = 'zh-CN'): string {
  const ctx = r.context ?? {};
  const milestone = locale === 'en' ? (ctx.milestoneEn ?? ctx.milestone) : ctx.milestone;
  return t(`lights.reason.${r.measure}`, {
    value: r.measure === 'investment_behind_time_elapsed_pp' ? pct(r.value, locale) : fmt(r.value),
    threshold: `${r.comparison === 'gt' ? '>' : '≥'}${fmt(r.threshold)}`,
    light: t(`lights.light.${r.light}`),
    completion: pct(ctx.completionPct, locale),
    elapsed: pct(ctx.timeElapsedPct, locale),
    milestone: String(milestone ?? '—'),
    plannedMonth: String(ctx.plannedMonth ?? '—'),
  });
}
