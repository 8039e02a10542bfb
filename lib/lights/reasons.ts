/**
 * Renders a stored reason (data) as a sentence in the reader's language, at read time:
 *   zh: 完成率 42%，序时进度 75%，落后 33 个百分点 (>30) → 红灯
 *   en: Completion 42%, time-elapsed 75%, 33 points behind (>30) → red
 * Catalogue: lib/i18n/messages/{zh-CN,en}/lights.json, keys lights.reason.<measure>.
 */
import type { LightReason } from '@/db/schema/lights';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';

const fmt = (n: unknown) => (typeof n === 'number' ? String(Math.round(n * 10) / 10) : n === null || n === undefined ? '—' : String(n));

export function renderReason(t: Translate, r: LightReason, locale: Locale = 'zh-CN'): string {
  const ctx = r.context ?? {};
  const milestone = locale === 'en' ? (ctx.milestoneEn ?? ctx.milestone) : ctx.milestone;
  return t(`lights.reason.${r.measure}`, {
    value: fmt(r.value),
    threshold: `${r.comparison === 'gt' ? '>' : '≥'}${fmt(r.threshold)}`,
    light: t(`lights.light.${r.light}`),
    completion: fmt(ctx.completionPct),
    elapsed: fmt(ctx.timeElapsedPct),
    milestone: String(milestone ?? '—'),
    plannedMonth: String(ctx.plannedMonth ?? '—'),
  });
}
