import { describe, expect, it } from 'vitest';
import type { BreakdownRow } from '@/lib/dashboard/types';
import { breakdownLightsOption } from './chart-options';
import { figureBarOption } from './figure-bar-option';
import { chartHrefs, renderSvg } from './chart-svg';

const zh = { locale: 'zh-CN' as const, theme: 'light' as const };
const lights = { red: '红灯', yellow: '黄灯', green: '绿灯', none: '未评' };

describe('dashboard charts drawn on the server', () => {
  const items = [
    { type: 'land', count: 3, href: '/problems?type=land' },
    { type: 'funding', count: 0, href: '/problems?type=funding' },
  ];
  const option = figureBarOption(items, (x) => (x.type === 'land' ? '用地' : `<b onclick="x">&`), zh, {
    name: '数量',
    colors: ['#d97706'],
  });

  it('is an SVG of the asked size, with the labels in the reader’s language, escaped, in a CJK-capable font', () => {
    const svg = renderSvg(option, 340, 220);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox="0 0 340 220"');
    expect(svg).toContain('>用地</text>');
    // The label may wrap over several <text> lines: their text together is the escaped name.
    const text = [...svg.matchAll(/>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
    expect(text).toContain('&lt;b onclick=&quot;x&quot;&gt;&amp;');
    expect(svg).not.toContain('<b onclick');
    expect(svg).toContain('Noto Sans CJK SC');
    // No script in the markup: it goes into the page as it is.
    expect(svg).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('marks each bar with its series and data index, which chartHrefs turns into the bar’s drill-down', () => {
    const svg = renderSvg(option, 340, 220);
    const bar = /<path[^>]*fill="#d97706"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)" ecmeta_ssr_type="chart"/.exec(svg);
    expect(bar).not.toBeNull();
    const hrefs = chartHrefs(option);
    expect(hrefs[Number(bar![1])]?.[Number(bar![2])]).toBe('/problems?type=land');
    expect(hrefs).toEqual([['/problems?type=land', '/problems?type=funding']]);
  });

  it('a stacked lights chart links each segment to its row and light', () => {
    const row = {
      key: 'energy',
      labelZh: '能源',
      labelEn: 'Energy',
      projects: 3,
      lights: { red: 1, green: 2 },
      href: '/projects?category=energy',
    };
    const stacked = breakdownLightsOption([row as unknown as BreakdownRow], zh, lights);
    const hrefs = chartHrefs(stacked);
    expect(hrefs).toHaveLength(4);
    expect(hrefs[0]?.[0]).toMatch(/^\/projects\?.*category=energy/);
    expect(hrefs[0]?.[0]).toMatch(/light=red/);
    expect(renderSvg(stacked, 400, 160)).toContain('>能源</text>');
  });
});
