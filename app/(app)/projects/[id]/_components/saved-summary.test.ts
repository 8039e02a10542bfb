import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/format';
import { translator } from '@/lib/i18n/translate';
import type { HistoryEntry } from '@/lib/projects/queries';
import type { ReferenceData } from '@/lib/reference/queries';
import { SAVED_WINDOW_MS, savedMilestoneText } from './saved-summary';

const zh = translator('zh-CN');
const en = translator('en');
const ref = { categories: [], counties: [], responsibleUnits: [], ownerUnits: [], leaders: [], leads: [] } as unknown as ReferenceData;
const NOW = new Date('2026-12-03T08:00:00Z');

function entry(over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 1,
    at: new Date(NOW.getTime() - 5_000),
    actorName: '刘洋',
    action: 'milestone.update',
    entityType: 'milestone',
    entityId: '12',
    milestoneName: '开工',
    milestoneNameEn: 'Start of works',
    before: { forecastDate: '2027-03-31' },
    after: { forecastDate: '2027-06-30' },
    ...over,
  };
}

describe('what the project page says was saved', () => {
  const input = { name: '开工', milestoneId: 12, actorName: '刘洋', now: NOW };

  it('names the milestone and each changed field with its new value', () => {
    const text = savedMilestoneText(zh, 'zh-CN', ref, { ...input, history: [entry({})] });
    expect(text).toBe(`开工 预计完成日期 ${formatDate('2027-06-30', 'zh-CN')}`);
    expect(zh('project.saved', { what: text })).toBe(`已保存：开工 预计完成日期 ${formatDate('2027-06-30', 'zh-CN')}`);
    const two = entry({ before: { note: null, status: 'in_progress' }, after: { note: '已复核', status: 'done' } });
    expect(savedMilestoneText(en, 'en', ref, { ...input, name: 'Start of works', history: [two] })).toBe(
      'Start of works Status Done Note 已复核',
    );
  });

  it('takes the newest event of that milestone only, by the same user, made just now', () => {
    const newer = entry({ id: 3, after: { forecastDate: '2027-09-30' }, before: { forecastDate: '2027-06-30' } });
    const other = entry({ id: 4, entityId: '13', after: { note: '别的节点' }, before: { note: null } });
    expect(savedMilestoneText(zh, 'zh-CN', ref, { ...input, history: [other, newer, entry({})] })).toContain(
      formatDate('2027-09-30', 'zh-CN'),
    );
    // Someone else's change, or an old one (a save that changed nothing writes no event): only the name.
    expect(savedMilestoneText(zh, 'zh-CN', ref, { ...input, history: [entry({ actorName: '别人' })] })).toBe('开工');
    const old = entry({ at: new Date(NOW.getTime() - SAVED_WINDOW_MS - 1) });
    expect(savedMilestoneText(zh, 'zh-CN', ref, { ...input, history: [old] })).toBe('开工');
    expect(savedMilestoneText(zh, 'zh-CN', ref, { ...input, history: [] })).toBe('开工');
  });
});
