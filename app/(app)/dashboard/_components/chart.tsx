import { chartHrefs, renderSvg } from './chart-svg';
import type { ChartOption } from './chart-types';
import { SvgChart, type SvgVariant } from './svg-chart';

/** The width phones draw a chart at: a 360–390 px screen less the page's and the card's padding. */
const PHONE_WIDTH = 340;

/**
 * A dashboard chart, drawn on the server as SVG. `width` × `height` is the drawing for wider
 * screens (about the chart's box on a desktop, so the type stays near its size); unless `phone`
 * is false, phones get a drawing of their own, `height` tall at their width.
 */
export function Chart({
  option,
  width,
  height,
  phone = true,
  label,
  testId,
}: {
  option: ChartOption;
  width: number;
  height: number;
  phone?: boolean;
  label: string;
  testId?: string;
}) {
  const variants: SvgVariant[] = phone
    ? [
        { media: 'phone', svg: renderSvg(option, PHONE_WIDTH, height) },
        { media: 'wide', svg: renderSvg(option, width, height) },
      ]
    : [{ media: 'all', svg: renderSvg(option, width, height) }];
  return <SvgChart variants={variants} hrefs={chartHrefs(option)} label={label} testId={testId} />;
}
