import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option type of the charts the dashboard draws (only the installed parts). */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption
>;

export type ChartTheme = 'light' | 'dark';

/** A table fallback for a chart: the same numbers, each row with its drill-down. */
export interface ChartTable {
  caption: string;
  head: string[];
  rows: { key: string; cells: string[]; href?: string }[];
}
