/**
 * The rules editor and its confirmation, rendered to HTML in both languages (every message they
 * use exists: a missing one throws here), and laid out for a phone: below sm each rule is a card
 * of stacked fields, nothing of fixed width that would make a 390 px screen scroll sideways.
 */
import { NextIntlClientProvider } from 'next-intl';
import { type ComponentProps, type ComponentType, createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import type { RulePreview } from '@/lib/lights/preview';
import { RulePreviewPanel } from './rule-preview';
import { RuleSetEditor } from './rule-set-editor';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock('@/lib/lights/actions', () => ({ editRuleSet: vi.fn(), previewRuleSet: vi.fn(), restoreRuleSet: vi.fn() }));

/** The provider as createElement takes it with its children as the third argument. */
const Provider = NextIntlClientProvider as unknown as ComponentType<Omit<ComponentProps<typeof NextIntlClientProvider>, 'children'>>;

function render(locale: Locale, node: ReactNode): string {
  const props = {
    locale,
    messages: MESSAGES[locale],
    timeZone: 'Asia/Shanghai',
    onError: (e: Error) => {
      throw e;
    },
  };
  return renderToStaticMarkup(createElement(Provider, props, node));
}

const preview: RulePreview = {
  period: { id: 9, kind: 'monthly', startDate: '2026-09-01', endDate: '2026-09-30' },
  total: 2,
  before: { green: 0, yellow: 0, red: 2 },
  after: { green: 0, yellow: 1, red: 1 },
  changed: 1,
  changes: [
    {
      projectId: 1,
      code: 'KP-L1',
      name: '柳树沟水库',
      from: 'red',
      to: 'yellow',
      reasons: [
        {
          measure: 'investment_behind_time_elapsed_pp',
          value: 33,
          threshold: 10,
          comparison: 'gte',
          light: 'yellow',
          ruleId: null,
          context: { completionPct: 42, timeElapsedPct: 75 },
        },
      ],
      fromReasons: [],
    },
  ],
};

const panel = (locale: Locale) =>
  render(
    locale,
    createElement(RulePreviewPanel, {
      preview,
      title: 'T',
      confirmLabel: 'C',
      pendingLabel: 'P',
      pending: false,
      onConfirm: () => {},
      onCancel: () => {},
    }),
  );

describe('the confirmation', () => {
  it('states how many lights change, and which, from → to with the reason', () => {
    const zh = panel('zh-CN');
    expect(zh).toContain('2026-09-01 至 2026-09-30 期（最近一期有已审核填报的调度期）计算：2 个项目中有 1 个灯色会改变。');
    expect(zh).toContain('红灯 2 → 1，黄灯 0 → 1，绿灯 0 → 0');
    expect(zh).toContain('柳树沟水库');
    expect(zh).toMatch(/data-light="red">红灯<\/span>.*→.*data-light="yellow">黄灯<\/span>/);
    expect(zh).toContain('落后 33.0 个百分点');
    const en = panel('en');
    expect(en).toContain('For the period 2026-09-01 to 2026-09-30 (the latest with approved reports): 1 of 2 lights would change.');
  });

  it('says so when there is no period to compare', () => {
    const html = render('en', createElement(RulePreviewPanel, { ...propsNoPeriod() }));
    expect(html).toContain('No approved reports yet');
  });
});

function propsNoPeriod() {
  return {
    preview: { ...preview, period: null, total: 0, changed: 0, changes: [] },
    title: 'T',
    confirmLabel: 'C',
    pendingLabel: 'P',
    pending: false,
    onConfirm: () => {},
    onCancel: () => {},
  };
}

describe('the editor on a phone', () => {
  const editor = (locale: Locale) =>
    render(
      locale,
      createElement(RuleSetEditor, {
        ruleSetId: 1,
        nextVersion: 2,
        name: '默认规则',
        rules: [
          { measure: 'investment_behind_time_elapsed_pp', comparison: 'gte', threshold: '10', light: 'yellow' },
          { measure: 'investment_behind_time_elapsed_pp', comparison: 'gt', threshold: '30', light: 'red' },
        ],
      }),
    );

  it('stacks each rule below sm: no table, no sideways scrolling, no fixed width outside sm:', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const html = editor(locale);
      expect(html).not.toContain('<table');
      expect(html).not.toMatch(/overflow-x-(auto|scroll)/);
      const rows = [...html.matchAll(/<li class="([^"]*)" data-testid="rule-row"/g)].map((m) => m[1]!);
      expect(rows).toHaveLength(2);
      for (const cls of rows) expect(cls.split(' ').slice(0, 3)).toEqual(['grid', 'grid-cols-1', 'gap-2']);
      // Fixed widths (w-28, min-w-full, min-w-[…]) only from sm on, or inside what is hidden below sm.
      const classes = [...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1]!);
      const fixed = classes
        .filter((c) => !/\bhidden\b/.test(c))
        .flatMap((c) => c.split(' ').filter((k) => /^(min-)?w-(\d|\[|full|screen)/.test(k)));
      expect(fixed.filter((k) => k !== 'w-full' && k !== 'min-w-0')).toEqual([]);
    }
  });

  it('labels every field of a rule (visible on a phone, the column header from sm on)', () => {
    const html = editor('zh-CN');
    expect(html).toContain('规则 1');
    expect(html.match(/<span class="sm:sr-only">阈值<\/span>/g)).toHaveLength(2);
  });
});
