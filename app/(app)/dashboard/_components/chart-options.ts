/**
 * Dashboard data → ECharts options. Pure functions (no React, no ECharts runtime), so the same
 * numbers build the chart and its table, on the page and on the command-centre screen. The charts
 * are drawn on the server (chart-svg.ts): no tooltips; the numbers are in labels and the tables.
 */
import type { Light } from '@/db/schema/enums';
import { lightHref } from '@/lib/dashboard/hrefs';
import type { BreakdownRow, CapacityProject, InvestmentHeadline, InvestmentMonth } from '@/lib/dashboard/types';
import { centsToNumber, divRound, formatPercent, moneyToNumber, parseMoney, ratePercent } from '@/lib/money';
import type { Locale } from '@/lib/i18n/config';
import type { ChartOption, ChartTheme } from './chart-types';

export interface ChartContext {
  locale: Locale;
  theme: ChartTheme;
}

/** The badge colours (app/_components/badges.tsx, the light chips): emerald, amber, red, slate. */
const LIGHT_COLOR: Record<Light | 'none', string> = {
  red: '#ef4444',
  yellow: '#fbbf24',
  green: '#10b981',
  none: '#cbd5e1',
};
export const LIGHT_ORDER: (Light | 'none')[] = ['red', 'yellow', 'green', 'none'];

const BRAND = '#1d5fbf';
const BRAND_LIGHT = '#9dbbe8';
const PLANNED_DARK = '#5b8fd9';
const COMPLETED_DARK = '#38bdf8';

const FONT_ZH = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";
const FONT_EN = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif";

export function palette(ctx: ChartContext) {
  const dark = ctx.theme === 'dark';
  return {
    dark,
    text: dark ? '#cbd5e1' : '#475569',
    strong: dark ? '#f1f5f9' : '#0f172a',
    axis: dark ? '#334155' : '#cbd5e1',
    split: dark ? 'rgba(148,163,184,0.15)' : '#eef2f7',
    planned: dark ? PLANNED_DARK : BRAND_LIGHT,
    completed: dark ? COMPLETED_DARK : BRAND,
    fontSize: dark ? 16 : 12,
    fontFamily: ctx.locale === 'en' ? FONT_EN : FONT_ZH,
  };
}

export function base(ctx: ChartContext): ChartOption {
  const p = palette(ctx);
  return {
    backgroundColor: 'transparent',
    textStyle: { fontFamily: p.fontFamily, fontSize: p.fontSize, color: p.text },
    animationDuration: 400,
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: p.text, fontSize: p.fontSize } },
  };
}

/** Money axis: values in 万元 shown in 亿元 (zh, from 1 亿) or CNY m / bn (en). */
/** The unit of a money axis for these values (in 万元). */
export function moneyUnit(valuesWan: (string | null)[], locale: Locale) {
  return moneyScale(Math.max(0, ...valuesWan.map((v) => moneyToNumber(v) ?? 0)), locale).unit;
}

export function moneyScale(maxWan: number, locale: Locale): { div: number; unit: 'wan' | 'yi' | 'cnyM' | 'cnyBn' } {
  if (locale === 'en') return maxWan >= 100_000 ? { div: 100_000, unit: 'cnyBn' } : { div: 100, unit: 'cnyM' };
  return maxWan >= 10_000 ? { div: 10_000, unit: 'yi' } : { div: 1, unit: 'wan' };
}

const num = (v: string | null | undefined) => moneyToNumber(v) ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;
/** A point on a money axis: the amount ÷ the axis unit (in 万元), to two decimals by lib/money's rule. */
const point = (v: string, div: number) => centsToNumber(divRound(parseMoney(v), BigInt(div)));

export function monthLabel(month: number, locale: Locale): string {
  if (locale === 'en') return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${month}月`;
}

/** A fraction as a percentage with one decimal (lib/money: the one rounding, the one display). */
export function percent(fraction: number | null | undefined, locale: Locale): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return formatPercent(ratePercent(fraction), locale);
}

/** 冒号: full width in Chinese, ': ' in English. */
export function colon(locale: Locale): string {
  return locale === 'en' ? ': ' : '：';
}

// ——— Cumulative investment by month ———

export function investmentTrendOption(
  months: InvestmentMonth[],
  headline: InvestmentHeadline,
  ctx: ChartContext,
  labels: { planned: string; completed: string; timeElapsed: string; unit: Record<'wan' | 'yi' | 'cnyM' | 'cnyBn', string> },
): ChartOption {
  const p = palette(ctx);
  const max = Math.max(0, ...months.map((m) => Math.max(num(m.plannedCumulative), num(m.completedCumulative))));
  const scale = moneyScale(max, ctx.locale);
  const item = (v: string | null) =>
    v === null ? { value: '-', href: headline.href } : { value: point(v, scale.div), href: headline.href };
  const asOf = monthLabel(headline.asOfMonth, ctx.locale);
  return {
    ...base(ctx),
    grid: { left: 8, right: 24, top: p.dark ? 72 : 60, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: months.map((m) => monthLabel(m.month, ctx.locale)),
      axisLine: { lineStyle: { color: p.axis } },
      axisLabel: { color: p.text, fontSize: p.fontSize },
    },
    yAxis: {
      type: 'value',
      name: labels.unit[scale.unit],
      nameGap: 12,
      nameTextStyle: { color: p.text, fontSize: p.fontSize, align: 'left' },
      axisLabel: { color: p.text, fontSize: p.fontSize },
      splitLine: { lineStyle: { color: p.split } },
    },
    series: [
      {
        type: 'line',
        name: labels.planned,
        data: months.map((m) => item(m.plannedCumulative)),
        symbolSize: p.dark ? 8 : 6,
        lineStyle: { type: 'dashed', width: 2, color: p.planned },
        itemStyle: { color: p.planned },
        markLine:
          headline.timeElapsedPct === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#f59e0b', type: 'solid', width: 1.5 },
                label: {
                  formatter: `${labels.timeElapsed} ${formatPercent(headline.timeElapsedPct, ctx.locale)}`,
                  color: p.dark ? '#fbbf24' : '#92400e',
                  fontSize: p.fontSize,
                  position: 'end',
                  distance: 4,
                },
                data: [{ xAxis: asOf }],
              },
      },
      {
        type: 'line',
        name: labels.completed,
        data: months.map((m) => item(m.completedCumulative)),
        symbolSize: p.dark ? 9 : 7,
        lineStyle: { width: 3, color: p.completed },
        itemStyle: { color: p.completed },
        areaStyle: { color: p.dark ? 'rgba(56,189,248,0.12)' : 'rgba(29,95,191,0.08)' },
      },
    ],
  };
}

// ——— Breakdowns by category / county ———

export function rowLabel(row: { labelZh: string; labelEn: string }, locale: Locale): string {
  return locale === 'en' ? row.labelEn : row.labelZh;
}

/** Room for category / county names: English names are longer; the screen's type is larger. */
function labelWidth(ctx: ChartContext): number {
  return ctx.theme === 'dark' ? 170 : ctx.locale === 'en' ? 150 : 130;
}

function categoryAxis(labels: string[], ctx: ChartContext, width: number) {
  const p = palette(ctx);
  return {
    type: 'category' as const,
    inverse: true,
    data: labels,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: p.axis } },
    axisLabel: { color: p.strong, fontSize: p.fontSize, width, overflow: 'truncate' as const, hideOverlap: false, interval: 0 },
  };
}

export function breakdownInvestmentOption(
  rows: BreakdownRow[],
  ctx: ChartContext,
  labels: { planned: string; completed: string; unit: Record<'wan' | 'yi' | 'cnyM' | 'cnyBn', string> },
): ChartOption {
  const p = palette(ctx);
  const max = Math.max(0, ...rows.map((r) => Math.max(num(r.planned), num(r.completed))));
  const scale = moneyScale(max, ctx.locale);
  const item = (r: BreakdownRow, v: string) => ({ value: point(v, scale.div), href: r.href });
  return {
    ...base(ctx),
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    // The unit (moneyScale) is in the heading above the chart.
    xAxis: {
      type: 'value',
      axisLabel: { color: p.text, fontSize: p.fontSize, hideOverlap: true },
      splitLine: { lineStyle: { color: p.split } },
    },
    yAxis: categoryAxis(
      rows.map((r) => rowLabel(r, ctx.locale)),
      ctx,
      labelWidth(ctx),
    ),
    series: [
      {
        type: 'bar',
        name: labels.planned,
        data: rows.map((r) => item(r, r.planned)),
        itemStyle: { color: p.planned, borderRadius: [0, 2, 2, 0] },
        barGap: '10%',
        barMaxWidth: 14,
      },
      {
        type: 'bar',
        name: labels.completed,
        data: rows.map((r) => item(r, r.completed)),
        itemStyle: { color: p.completed, borderRadius: [0, 2, 2, 0] },
        barMaxWidth: 14,
      },
    ],
  };
}

export function breakdownLightsOption(rows: BreakdownRow[], ctx: ChartContext, labels: Record<Light | 'none', string>): ChartOption {
  const p = palette(ctx);
  return {
    ...base(ctx),
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: p.text, fontSize: p.fontSize, hideOverlap: true },
      splitLine: { lineStyle: { color: p.split } },
    },
    yAxis: categoryAxis(
      rows.map((r) => rowLabel(r, ctx.locale)),
      ctx,
      labelWidth(ctx),
    ),
    series: LIGHT_ORDER.map((l) => ({
      type: 'bar' as const,
      name: labels[l],
      stack: 'lights',
      barMaxWidth: 18,
      itemStyle: {
        color: l === 'none' && p.dark ? '#64748b' : LIGHT_COLOR[l],
        borderColor: p.dark ? '#0b1526' : '#ffffff',
        borderWidth: 1,
      },
      label: {
        show: true,
        color: l === 'yellow' || (l === 'none' && !p.dark) ? '#1e293b' : '#ffffff',
        fontSize: p.dark ? 14 : 11,
        formatter: (tip: { value?: unknown }) => (Number(tip.value) > 0 ? String(tip.value) : ''),
      },
      data: rows.map((r) => ({ value: r.lights[l] ?? 0, href: lightHref(r.href, l) })),
    })),
  };
}

// ——— New-energy capacity ———

export function projectName(p: { nameZh: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' ? (p.nameEn ?? p.nameZh) : p.nameZh;
}

export function capacityOption(
  projects: CapacityProject[],
  ctx: ChartContext,
  labels: { connected: string; notConnected: string; unit: string },
): ChartOption {
  const p = palette(ctx);
  const sorted = [...projects].sort((a, b) => b.capacity - a.capacity);
  // Chinese: 万千瓦 as given; English: MW (1 万千瓦 = 10 MW), as lib/format shows it.
  const factor = ctx.locale === 'en' ? 10 : 1;
  const series = (connected: boolean, name: string, color: string) => ({
    type: 'bar' as const,
    name,
    stack: 'capacity',
    barMaxWidth: 16,
    itemStyle: { color, borderRadius: [0, 2, 2, 0] as [number, number, number, number] },
    // A project connected in batches shows its connected part and the rest.
    data: sorted.map((x) => {
      const raw = connected ? x.connectedCapacity : Math.max(0, x.capacity - x.connectedCapacity);
      return { value: round(raw * factor), href: x.href };
    }),
  });
  return {
    ...base(ctx),
    // The colours are explained by the figures above the chart (links), not a second legend.
    legend: { show: false },
    grid: { left: 8, right: p.dark ? 72 : 52, top: 8, bottom: 4, containLabel: true },
    xAxis: {
      type: 'value',
      name: labels.unit,
      nameTextStyle: { color: p.text, fontSize: p.fontSize, verticalAlign: 'top', padding: [8, 0, 0, 0] },
      axisLabel: { color: p.text, fontSize: p.fontSize, hideOverlap: true },
      splitLine: { lineStyle: { color: p.split } },
    },
    yAxis: categoryAxis(
      sorted.map((x) => projectName(x, ctx.locale)),
      ctx,
      p.dark ? 170 : 150,
    ),
    series: [series(true, labels.connected, '#10b981'), series(false, labels.notConnected, p.planned)],
  };
}

/** Height for a horizontal bar chart with `n` rows. */
export function barsHeight(n: number, ctx: ChartContext, min = 160): number {
  const per = ctx.theme === 'dark' ? 34 : 28;
  return Math.max(min, 48 + n * per);
}
