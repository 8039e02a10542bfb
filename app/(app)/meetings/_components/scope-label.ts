import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import type { MeetingSummary } from '@/lib/meetings/queries';

/**
 * The meeting's scope in words: its plan year's list (the year of its date, lib/meetings/scope.ts)
 * and the scope columns, "2026年重点项目清单 · 全部项目" or "2026年重点项目清单 · 类别：交通 · 县市：额敏县".
 */
export function scopeLabel(t: Translate, m: MeetingSummary, locale: Locale): string {
  const en = locale === 'en';
  const parts: string[] = [];
  if (m.scopeCategoryCode)
    parts.push(t('meetings.scope.category', { name: (en ? m.scopeCategoryEn : m.scopeCategoryZh) ?? m.scopeCategoryCode }));
  if (m.scopeCountyId) parts.push(t('meetings.scope.county', { name: (en ? m.scopeCountyEn : m.scopeCountyZh) ?? '—' }));
  if (m.scopeLeaderId) parts.push(t('meetings.scope.leader', { name: m.scopeLeaderName ?? '—' }));
  const year = t('meetings.scope.year', { year: m.meetingDate.slice(0, 4) });
  return [year, ...(parts.length ? parts : [t('meetings.scope.all')])].join(' · ');
}
