import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '@/db/schema/enums';
import { translator } from '@/lib/i18n/translate';
import { notificationText } from './notification-text';

const zh = translator('zh-CN');
const en = translator('en');
const base = { projectName: '切格尔水库', projectNameEn: 'Qiegeer Reservoir' };

describe('notificationText', () => {
  it('renders every kind in both languages, naming the project', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const z = notificationText(zh, { ...base, kind, params: {} }, 'zh-CN');
      const e = notificationText(en, { ...base, kind, params: {} }, 'en');
      expect(z.title).not.toBe(kind);
      expect(e.title).not.toBe(kind);
      expect(z.title).toContain('切格尔水库');
      expect(e.title).toContain('Qiegeer Reservoir');
    }
  });

  it('picks the variant from the params and shows what they carry', () => {
    expect(notificationText(zh, { ...base, kind: 'problem_escalated', params: { level: 2, title: '征地未完成' } }, 'zh-CN')).toEqual({
      title: '切格尔水库：逾期问题已升级至调度办',
      detail: '“征地未完成”',
    });
    expect(notificationText(en, { ...base, kind: 'problem_escalated', params: { level: 1 } }, 'en').title).toBe(
      'Qiegeer Reservoir: an overdue problem was escalated to you',
    );
    expect(notificationText(en, { ...base, kind: 'problem_overdue', params: { days: 1 } }, 'en').title).toBe(
      'Qiegeer Reservoir: a problem is 1 day overdue',
    );
    expect(notificationText(zh, { ...base, kind: 'problem_assigned', params: { reopened: 1, reason: '仍未通电' } }, 'zh-CN')).toEqual({
      title: '切格尔水库：问题已重新打开',
      detail: '原因：仍未通电',
    });
    expect(
      notificationText(zh, { ...base, kind: 'report_returned', params: { comment: '数据不符', dueDate: '2026-12-05' } }, 'zh-CN').detail,
    ).toBe('意见：数据不符 · 截止 2026年12月5日');
    expect(notificationText(zh, { ...base, kind: 'report_awaiting_review', params: { resubmitted: 1, late: 1 } }, 'zh-CN')).toEqual({
      title: '切格尔水库：调度报告已重新报送，待您审核',
      detail: '逾期报送',
    });
  });

  it('falls back to the project name in the params, then to a neutral sender', () => {
    const none = { projectName: null, projectNameEn: null };
    expect(notificationText(zh, { ...none, kind: 'period_opened', params: { projectName: '柳树沟水库' } }, 'zh-CN').title).toContain(
      '柳树沟水库',
    );
    expect(notificationText(zh, { ...none, kind: 'period_opened', params: {} }, 'zh-CN').title).toContain('调度办');
  });
});
