'use client';

// ECharts' SSR client: a few hundred bytes that read the metadata the server wrote into the SVG.
import { hydrate } from 'echarts/ssr/client/index';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

/** One drawing of the chart: for phones (below 640 px), for wider screens, or for all. */
export interface SvgVariant {
  svg: string;
  media: 'phone' | 'wide' | 'all';
}

const MEDIA: Record<SvgVariant['media'], string> = { phone: 'sm:hidden', wide: 'hidden sm:block', all: '' };

/** The SVG elements already listening (a re-render with the same markup keeps its elements). */
const hydrated = new WeakSet<Element>();

/**
 * A chart drawn on the server (chart-svg.ts), as SVG in the HTML: on screen with the page, scaled
 * to the width of its box. Once the page runs, a click on a bar or point opens its drill-down
 * (`hrefs[series][dataIndex]`); `data-ready` says the clicks work. The numbers and their links
 * are also in the table beside the chart (keyboard, screen readers).
 */
export function SvgChart({
  variants,
  hrefs,
  label,
  testId,
}: {
  variants: SvgVariant[];
  hrefs: (string | null)[][];
  /** The accessible name (the chart is an image; its numbers are in the table beside it). */
  label: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const links = useRef({ hrefs, router });
  useEffect(() => {
    links.current = { hrefs, router };
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    for (const part of el.querySelectorAll<HTMLElement>('[data-variant]')) {
      const svg = part.querySelector('svg');
      if (!svg || hydrated.has(svg)) continue;
      hydrated.add(svg);
      hydrate(part, {
        on: {
          click: (params) => {
            if (params.ssrType !== 'chart' || params.seriesIndex === undefined || params.dataIndex === undefined) return;
            const href = links.current.hrefs[params.seriesIndex]?.[params.dataIndex];
            if (href) links.current.router.push(href);
          },
        },
      });
    }
    el.setAttribute('data-ready', 'true');
  }, [variants]);

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} data-rendered="true" className="w-full">
      {variants.map((v) => (
        <div
          key={v.media}
          data-variant={v.media}
          className={`${MEDIA[v.media]} [&_svg]:block [&_svg]:h-auto [&_svg]:w-full`}
          dangerouslySetInnerHTML={{ __html: v.svg }}
        />
      ))}
    </div>
  );
}
