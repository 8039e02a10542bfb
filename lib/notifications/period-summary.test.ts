import { describe, expect, it } from 'vitest';
import { notificationText } from '@/lib/inbox/notification-text';
import { translator } from '@/lib/i18n/translate';
import { isPeriodSummary, periodSummaryTitle } from './period-summary';

const zh = translator('zh-CN');
const en = translator('en');
const summary = (params: Record<string, string | number>) => ({
  kind: 'period_opened' as const,
  params,
  projectName: null,
  projectNameEn: null,
});

describe('the lead’s "period opened" summary', () => {
  const november = { periodKind: 'monthly', periodStart: '2026-11-01', periodEnd: '2026-11-30', dueDate: '2026-12-05', projects: 3 };

  it('names the period and how many of the lead’s projects await a report, with the due date', () => {
    const text = notificationText(zh, summary(november), 'zh-CN');
    expect(text.title).toBe('2026年11月报告已开启：您负责的 3 个项目待填报');
    expect(text.detail).toMatch(/^截止 /);
    expect(notificationText(en, summary(november), 'en').title).toBe('November 2026 reports are open: 3 of your projects to report');
  });

  it('reads a 旬 and an odd range as everywhere else', () => {
    const dekad = { periodKind: 'dekad', periodStart: '2026-11-11', periodEnd: '2026-11-20', projects: 1 };
    expect(periodSummaryTitle(zh, dekad, 'zh-CN')).toBe(`2026年11月${zh('reports.period.part2')}报告已开启：您负责的 1 个项目待填报`);
    const odd = { periodKind: 'monthly', periodStart: '2026-11-03', periodEnd: '2026-12-02', projects: 2 };
    expect(periodSummaryTitle(zh, odd, 'zh-CN')).toMatch(/^.+2026.+报告已开启：您负责的 2 个项目待填报$/);
  });

  it('a per-project notification (older rows) keeps its own text', () => {
    const old = { projectName: '柳树沟水库', periodKind: 'monthly', periodStart: '2026-11-01', periodEnd: '2026-11-30' };
    expect(isPeriodSummary(old)).toBe(false);
    expect(notificationText(zh, summary(old), 'zh-CN').title).toBe('柳树沟水库：新的调度周期已开启，请按时填报');
    expect(isPeriodSummary(november)).toBe(true);
  });
});
