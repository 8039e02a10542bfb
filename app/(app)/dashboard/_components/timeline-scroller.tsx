'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The timeline's horizontal scroll box. When the timeline is wider than the screen (phones), it
 * starts scrolled so that today is in view, a third of the way in: what is due next matters most.
 */
export function TimelineScroller({
  todayPct,
  label,
  className,
  children,
}: {
  todayPct: number;
  label: string;
  className: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || el.scrollWidth <= el.clientWidth) return;
    const labelWidth = el.querySelector<HTMLElement>('[data-tl-label]')?.offsetWidth ?? 0;
    const track = el.scrollWidth - labelWidth;
    const visible = el.clientWidth - labelWidth;
    el.scrollLeft = Math.max(0, (track * todayPct) / 100 - visible / 3);
  }, [todayPct]);
  return (
    <div ref={ref} className={className} role="group" aria-label={label}>
      {children}
    </div>
  );
}
