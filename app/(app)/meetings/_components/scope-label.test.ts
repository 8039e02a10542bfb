import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/translate';
import type { MeetingSummary } from '@/lib/meetings/queries';
import { scopeLabel } from './scope-label';

const zh = translator('zh-CN');
const en = translator('en');
const meeting = (scope: Partial<MeetingSummary>) =>
  ({ scopeCategoryCode: null, scopeCountyId: null, scopeLeaderId: null, meetingDate: '2026-06-10', ...scope }) as MeetingSummary;

describe('a meeting’s scope in words', () => {
  it('no scope: every project of the meeting’s year’s list', () => {
    expect(scopeLabel(zh, meeting({}), 'zh-CN')).toBe('2026年重点项目清单 · 全部项目');
    expect(scopeLabel(en, meeting({ meetingDate: '2025-12-30' }), 'en')).toBe('Key-project list of 2025 · All projects');
  });

  it('category, county and leader in that order, in the reader’s language', () => {
    const m = meeting({
      scopeCategoryCode: 'transport',
      scopeCategoryZh: '交通',
      scopeCategoryEn: 'Transport',
      scopeCountyId: 3,
      scopeCountyZh: '额敏县',
      scopeCountyEn: 'Emin County',
      scopeLeaderId: 11,
      scopeLeaderName: '张三',
    });
    expect(scopeLabel(zh, m, 'zh-CN')).toBe('2026年重点项目清单 · 类别：交通 · 县市：额敏县 · 包抓领导：张三');
    expect(scopeLabel(en, m, 'en')).toBe(
      `Key-project list of 2026 · ${en('meetings.scope.category', { name: 'Transport' })} · ${en('meetings.scope.county', { name: 'Emin County' })} · ${en('meetings.scope.leader', { name: '张三' })}`,
    );
  });

  it('a name that is missing falls back to the code, or a dash', () => {
    const m = meeting({ scopeCategoryCode: 'wind', scopeCategoryEn: null, scopeCountyId: 9, scopeCountyEn: null });
    expect(scopeLabel(en, m, 'en')).toBe(
      `Key-project list of 2026 · ${en('meetings.scope.category', { name: 'wind' })} · ${en('meetings.scope.county', { name: '—' })}`,
    );
  });
});
