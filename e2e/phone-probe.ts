import type { Page } from '@playwright/test';

export type LayoutReport = {
  innerWidth: number;
  innerHeight: number;
  scrollWidth: number;
  /** Elements reaching past the right edge, outside any container that scrolls or clips. */
  offenders: string[];
  /** The sticky header's height in px, or null when the page has none. */
  headerHeight: number | null;
};

/**
 * Measures the page in the browser: the document's width, every element that overflows the
 * viewport horizontally (named by a short CSS path, outermost offenders only, so the element
 * that pushes the page is named once rather than with each of its descendants) and the height
 * of the sticky header. An element inside a container with its own horizontal overflow (a
 * table wrapper with overflow-x:auto, a clipped strip) is that container's business, not the
 * page's, and is left out; the container itself is still measured.
 */
export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const testId = e.getAttribute('data-testid');
        const cls = typeof e.className === 'string' ? e.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
        parts.unshift(
          `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${testId ? `[data-testid=${testId}]` : ''}${cls ? `.${cls}` : ''}`,
        );
      }
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const right = Math.round(el.getBoundingClientRect().right);
      return `${parts.join(' > ')} (right ${right}px${text ? `, "${text}"` : ''})`;
    };
    const ownsOverflow = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
    const offenders: string[] = [];
    const visit = (el: Element) => {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0 && rect.right > vw + 1) {
        offenders.push(describe(el));
        return;
      }
      if (ownsOverflow(el)) return;
      for (const child of Array.from(el.children)) visit(child);
    };
    for (const child of Array.from(document.body.children)) visit(child);
    const header = document.querySelector('[data-testid="app-header"]');
    return {
      innerWidth: vw,
      innerHeight: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      offenders: offenders.slice(0, 6),
      headerHeight: header ? Math.round(header.getBoundingClientRect().height) : null,
    };
  });
}

/** What is wrong with a measurement, in words (empty when the page fits). */
export function layoutProblems(r: LayoutReport): string[] {
  const problems: string[] = [];
  if (r.scrollWidth > r.innerWidth) problems.push(`scrollWidth ${r.scrollWidth} > innerWidth ${r.innerWidth}`);
  for (const o of r.offenders) problems.push(`overflows: ${o}`);
  if (r.headerHeight !== null && r.headerHeight > r.innerHeight * 0.1) {
    problems.push(`header ${r.headerHeight}px > 10% of ${r.innerHeight}px`);
  }
  return problems;
}
