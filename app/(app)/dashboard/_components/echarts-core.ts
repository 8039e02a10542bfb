/**
 * The parts of ECharts the dashboard uses, and nothing else (loaded lazily by <EChart>, so the
 * headline figures never wait for the chart code). SVG renderer: crisp text at any zoom, small.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
// Renamed: ECharts' `use` registers chart parts; it is not React's use() hook.
import { init, use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

registerParts([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { init };
