'use client';

import type { ECharts } from 'echarts/core';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ChartOption, ChartTheme } from './chart-types';

/**
 * One ECharts instance in a div. The chart code is imported on first mount (its own chunk),
 * the chart follows the container's size, and is disposed on unmount. A click on a data item
 * that carries an `href` opens that drill-down.
 */
export function EChart({
  option,
  label,
  height,
  theme = 'light',
  testId,
}: {
  option: ChartOption;
  /** The accessible name (the chart is an image; its numbers are in the table beside it). */
  label: string;
  height: number;
  theme?: ChartTheme;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const router = useRouter();
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    import('./echarts-core').then(({ init }) => {
      const el = ref.current;
      if (cancelled || !el) return;
      const c = init(el, null, { renderer: 'svg' });
      chart.current = c;
      c.on('click', (params) => {
        const data = params.data as { href?: unknown } | null | undefined;
        if (data && typeof data === 'object' && typeof data.href === 'string') router.push(data.href);
      });
      // Drawn and done animating (tests and screenshots wait for it).
      c.on('finished', () => el.setAttribute('data-rendered', 'true'));
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el);
      setReady(true);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the instance lives as long as the component; option changes go through setOption below
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    ref.current?.setAttribute('data-rendered', 'false');
    chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      style={{ height }}
      className={`w-full ${ready ? '' : `animate-pulse rounded-md ${theme === 'dark' ? 'bg-white/5' : 'bg-slate-100'}`}`}
    />
  );
}
