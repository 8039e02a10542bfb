/** The problem charts' options (by type, by age): one bar per figure, its count on top, each bar its drill-down. */
import type { Figure } from '@/lib/dashboard/types';
import { type ChartContext, base, palette } from './chart-options';
import type { ChartOption } from './chart-types';

export function figureBarOption<T extends Figure>(
  items: T[],
  label: (item: T) => string,
  ctx: ChartContext,
  opts: { name: string; colors: string[] },
): ChartOption {
  const p = palette(ctx);
  return {
    ...base(ctx),
    legend: { show: false },
    grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: items.map(label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: p.axis } },
      // English words are wider than the bars' slots: tilt them instead of breaking them mid-word.
      axisLabel:
        ctx.locale === 'en'
          ? { color: p.strong, fontSize: p.fontSize, interval: 0, hideOverlap: false, rotate: 35 }
          : {
              color: p.strong,
              fontSize: p.fontSize,
              interval: 0,
              hideOverlap: false,
              width: p.dark ? 96 : 60,
              overflow: 'breakAll',
              lineHeight: p.fontSize + 3,
            },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: p.text, fontSize: p.fontSize },
      splitLine: { lineStyle: { color: p.split } },
    },
    series: [
      {
        type: 'bar',
        name: opts.name,
        barMaxWidth: p.dark ? 44 : 32,
        label: { show: true, position: 'top', color: p.strong, fontSize: p.dark ? 16 : 12 },
        data: items.map((x, i) => ({
          value: x.count,
          href: x.href,
          itemStyle: { color: opts.colors[i % opts.colors.length], borderRadius: [3, 3, 0, 0] },
        })),
      },
    ],
  };
}
