import 'server-only';
/**
 * Dashboard charts drawn on the server: ECharts' server-side rendering turns an option into an
 * SVG string that goes out with the HTML, so a chart is on screen with the page and no chart
 * code goes to the browser. Only the parts the dashboard uses are registered.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
// Renamed: ECharts' `use` registers chart parts; it is not React's use() hook.
import { init, setPlatformAPI, use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart-types';

registerParts([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/**
 * Text widths without a canvas: ECharts' own estimate is for Arial, narrower than the fonts the
 * browsers draw with (DejaVu Sans, Roboto, SF), so labels laid out by it ran past the chart's left
 * edge. This one errs wide (a label is cut with "…" a little early rather than clipped): CJK and
 * full-width characters one em, narrow Latin ones less, the rest 0.64 em.
 */
function estimateWidth(text: string, font: string | undefined): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += code >= 0x2e80 ? 1 : /[\s.,:;'|!il1]/.test(ch) ? 0.34 : /[A-Zmw]/.test(ch) ? 0.72 : 0.62;
  }
  return em * size;
}
setPlatformAPI({ measureText: (text, font) => ({ width: estimateWidth(text ?? '', font) }) });

/**
 * The chart as an SVG document `width` × `height` (its viewBox; the page scales it to its box).
 * Data items keep ECharts' SSR metadata (ecmeta_series_index, ecmeta_data_index), which the
 * client reads to open a clicked item's drill-down (svg-chart.tsx). Text is escaped by ECharts.
 */
export function renderSvg(option: ChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Each series' drill-down links by data index (the `href` its data items carry), null where none. */
export function chartHrefs(option: ChartOption): (string | null)[][] {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return series.map((s) =>
    (Array.isArray(s.data) ? (s.data as unknown[]) : []).map((d) => {
      const href = d && typeof d === 'object' && 'href' in d ? (d as { href?: unknown }).href : null;
      return typeof href === 'string' ? href : null;
    }),
  );
}
