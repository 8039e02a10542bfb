import { NextIntlClientProvider } from 'next-intl';
import { type ComponentProps, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pageOf, RedListRotator } from '@/app/(screen)/dashboard/screen/red-list-rotator';
import { MESSAGES } from '@/lib/i18n/messages';
import type { RedList, RedListRow } from '@/lib/dashboard/red-list';
import { redListView } from './red-list-view';

const row = (over: Partial<RedListRow>): RedListRow => ({
  projectId: 1,
  code: 'KP-1',
  name: '柳树沟水库',
  nameEn: 'Liushugou reservoir',
  status: 'on_track',
  stage: 'construction',
  light: 'red',
  computedLight: 'red',
  reasons: [
    {
      measure: 'investment_behind_time_elapsed_pp',
      value: 38,
      threshold: 30,
      comparison: 'gt',
      light: 'red',
      ruleId: 1,
      context: { completionPct: 56, timeElapsedPct: 94 },
    },
  ],
  override: null,
  leaderName: '王副专员',
  openProblems: 2,
  href: '/projects/1',
  problemsHref: '/problems?status=open,in_progress&project=1',
  ...over,
});

const list: RedList = {
  period: { id: 9, kind: 'monthly', startDate: '2026-10-01', endDate: '2026-10-31' },
  counts: { red: 1, yellow: 2 },
  rows: [row({}), row({ projectId: 2, code: 'KP-2', light: 'yellow', status: 'delayed', reasons: [], leaderName: null, openProblems: 0 })],
  lightsHref: { red: '/lights?light=red', yellow: '/lights?light=yellow' },
};

describe('redListView', () => {
  it('names the period, words each reason as the lights page does and notes an on-track status under a red light', () => {
    const v = redListView(list, 'zh-CN');
    expect(v.period).toBe('2026年10月');
    expect(v.countsLabel).toBe('红灯 1 个，黄灯 2 个');
    expect(v.more).toBe(1);
    const [red, yellow] = v.rows;
    expect(red).toMatchObject({
      name: '柳树沟水库',
      lightLabel: '红灯',
      reason: '完成率 56.0%，序时进度 94.0%，落后 38.0 个百分点 (>30) → 红灯',
      statusLabel: '正常推进',
      leader: '包抓领导：王副专员',
      openProblemsLabel: '未解决问题 2 个',
    });
    expect(red!.statusNote).toContain('正常推进');
    expect(yellow).toMatchObject({
      reason: '未触发任何规则',
      statusNote: null,
      leader: '未指定包抓领导',
      openProblemsLabel: '无未解决问题',
    });
  });

  it('in English', () => {
    const v = redListView(list, 'en');
    expect(v.period).toBe('October 2026');
    expect(v.rows[0]).toMatchObject({
      name: 'Liushugou reservoir',
      reason: 'Completion 56.0%, time-elapsed 94.0%, 38.0 points behind (>30) → red',
      openProblemsLabel: '2 open problems',
    });
  });

  it('before any light: no period and no rows', () => {
    const v = redListView({ ...list, period: null, rows: [], counts: { red: 0, yellow: 0 } }, 'zh-CN');
    expect(v).toMatchObject({ period: null, rows: [], more: 0 });
  });
});

describe('the screen’s pages', () => {
  it('shows a few rows at a time and wraps around', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(pageOf(rows, 0, 4)).toEqual({ from: 0, rows: [1, 2, 3, 4] });
    expect(pageOf(rows, 2, 4)).toEqual({ from: 8, rows: [9] });
    expect(pageOf(rows, 3, 4)).toEqual({ from: 0, rows: [1, 2, 3, 4] });
    expect(pageOf(rows, -1, 4)).toEqual({ from: 8, rows: [9] });
    expect(pageOf([], 5, 4)).toEqual({ from: 0, rows: [] });
  });
});

describe('the screen’s red list', () => {
  it('renders the first page of rows with the pager, the reasons and the links', () => {
    const rows = Array.from({ length: 5 }, (_, i) => row({ projectId: i + 1, code: `KP-${i + 1}`, href: `/projects/${i + 1}` }));
    const view = redListView({ ...list, rows, counts: { red: 5, yellow: 0 } }, 'zh-CN');
    type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;
    const props: Omit<ProviderProps, 'children'> = {
      locale: 'zh-CN',
      messages: MESSAGES['zh-CN'],
      timeZone: 'Asia/Shanghai',
      onError: (e) => {
        throw e;
      },
    };
    // The children go as the third argument (the props' type asks for them too).
    const html = renderToStaticMarkup(
      createElement(NextIntlClientProvider, props as ProviderProps, createElement(RedListRotator, { view })),
    );
    expect(html).toContain('红灯项目');
    expect(html).toContain('2026年10月');
    expect(html).toContain('第 1–4 条，共 5 条');
    expect(html.match(/data-testid="screen-red-row-/g)).toHaveLength(4);
    expect(html).not.toContain('screen-red-row-KP-5');
    expect(html).toContain('完成率 56.0%，序时进度 94.0%，落后 38.0 个百分点 (&gt;30) → 红灯');
    expect(html).toContain('href="/problems?status=open,in_progress&amp;project=1"');
  });
});
