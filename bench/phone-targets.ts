/**
 * The pages bench/phone.ts loads on a slow phone, who opens each, how its record is found in the
 * demo data set, and what shows that its content is there.
 */
import type { Browser } from '@playwright/test';
import type { PageBudget } from './phone-budget';

export interface FindContext {
  base: string;
  /** The Cookie header of the target's user. */
  cookie: string;
  browser: Browser;
  /** The Cookie header of another demo user (signed in on first use). */
  cookieOf: (user: string) => Promise<string>;
}

/** A Cookie header as Playwright cookies for `base`. */
export function toCookies(header: string, base: string) {
  return header.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  });
}

export interface Target extends PageBudget {
  user: string;
  /** The page, or how to find it from what the user sees first. */
  path: string | ((ctx: FindContext) => Promise<string>);
  /** The page's main content (visible when this is on screen). */
  content: string;
  charts?: boolean;
  /** false: no client component marks hydration (the floor app). */
  hydrates?: false;
}

/** The first link of the form /<section>/<id> on a page the user opens: their own record. */
const firstLink =
  (listPath: string, section: string) =>
  async ({ base, cookie }: FindContext) => {
    const html = await (await fetch(`${base}${listPath}`, { headers: { cookie } })).text();
    const m = new RegExp(`href="(/${section}/\\d+)"`).exec(html);
    if (!m) throw new Error(`no /${section}/<id> link on ${listPath}`);
    return m[1]!;
  };

/** The first of the user's reports that opens as the form (a draft or a returned report). */
async function findEditableReport({ base, cookie }: FindContext): Promise<string | null> {
  const res = await fetch(`${base}/reports`, { headers: { cookie } });
  if (new URL(res.url).pathname !== '/reports') throw new Error(`/reports sent the lead to ${res.url}: is the session still valid?`);
  const html = await res.text();
  const links = [...new Set([...html.matchAll(/href="(\/reports\/\d+)"/g)].map((m) => m[1]!))];
  for (const link of links.slice(0, 60)) {
    const page = await (await fetch(`${base}${link}`, { headers: { cookie } })).text();
    if (page.includes('data-testid="report-form"')) return link;
  }
  return null;
}

/**
 * The dispatch office opens the next reporting period through its own form (the one the form
 * proposes), as it does at the start of a month: every project gets its draft.
 *
 * The confirmation disappears the moment "yes" is clicked, before the server action's request has
 * been answered, so it does not mean the period is open: closing the browser then aborts the
 * request, and the server drops an action whose request it had not read yet (no period, no
 * drafts). Done is what the form does once the action has answered: it moves to the new period,
 * or shows its error, which is thrown. The first click waits for hydration: a click on the
 * server-rendered form before it would be the browser's own submission.
 */
async function openNextPeriod({ base, browser, cookieOf }: FindContext): Promise<void> {
  const context = await browser.newContext();
  try {
    await context.addCookies(toCookies(await cookieOf('dispatch'), base));
    const page = await context.newPage();
    await page.goto(`${base}/reports`);
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 60_000 });
    const form = page.getByTestId('open-period-form');
    await form.getByTestId('open-period-submit').click();
    await form.getByTestId('open-period-confirm-yes').click();
    // Answered: the form moves to the new period (router.push on success) or shows its error.
    const error = form.getByTestId('form-error');
    const moved = page.waitForURL(/[?&]period=\d+/, { timeout: 60_000 }).then(() => null);
    const failed = error.waitFor({ state: 'visible', timeout: 60_000 }).then(() => error.innerText());
    moved.catch(() => {});
    failed.catch(() => {});
    const message = await Promise.race([moved, failed]);
    if (message !== null) throw new Error(`the dispatch office could not open the next period: ${message}`);
  } finally {
    await context.close();
  }
}

/** The first of the lead's reports that opens as the form; opens the next period if none does. */
const editableReport = async (ctx: FindContext): Promise<string> => {
  const first = await findEditableReport(ctx);
  if (first) return first;
  await openNextPeriod(ctx);
  const found = await findEditableReport(ctx);
  if (found) return found;
  throw new Error('no report of the lead opens as the form, even after the next period was opened');
};

export const TARGETS: Target[] = [
  { id: 'inbox', label: 'My work (lead)', user: 'lead', path: '/inbox', content: 'main h1' },
  {
    id: 'project',
    label: 'Project page (lead)',
    user: 'lead',
    path: firstLink('/projects', 'projects'),
    content: '[data-testid="milestones"]',
    jsBudgetKb: 150,
  },
  {
    id: 'report',
    label: 'Report form (lead)',
    user: 'lead',
    path: editableReport,
    content: '[data-testid="report-form"]',
    jsBudgetKb: 150,
  },
  {
    id: 'dashboard',
    label: 'Dashboard (leader)',
    user: 'leader',
    path: '/dashboard',
    content: 'main h1',
    charts: true,
    jsBudgetKb: 250,
    chartsBudgetS: 4,
  },
  { id: 'screen', label: '大屏 (leader)', user: 'leader', path: '/dashboard/screen', content: '[role="img"]', charts: true },
  { id: 'registry', label: 'Registry (dispatch)', user: 'dispatch', path: '/projects', content: 'table tbody tr' },
];

/** The framework floor (bench/floor): the JavaScript any App Router page sends, for scale. */
export const FLOOR_TARGET: Target = {
  id: 'floor',
  label: 'Framework floor (empty page)',
  user: '—',
  path: '/',
  content: 'p',
  hydrates: false,
};
