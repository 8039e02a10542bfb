import { type Browser, expect, type Page, test } from '@playwright/test';
import { layoutProblems, measureLayout } from './phone-probe';
import { appRoutes, SAMPLE_URLS, type SampleIds, sampleGaps } from './phone-routes';
import { ROLES, type RoleKey, storageState } from './users';

// Every signed-in page fits a phone: at 390×844 and 360×780, in Chinese and English, for every
// role, the document is no wider than the screen, no element reaches past its right edge
// (outside a container that scrolls on purpose, such as a table wrapper) and the sticky header
// takes at most a tenth of the screen's height. The routes come from the app directory.

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 780 };
const LOCALES = ['zh-CN', 'en'] as const;

test('every page under app/(app) has a sample URL, and every sample URL still has its page', () => {
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(10);
  expect(sampleGaps(routes)).toEqual({ missing: [], stale: [] });
});

/** Static routes first, then the dynamic ones by depth: the ids come from the pages before. */
function visitOrder(routes: string[]): string[] {
  const depth = (r: string) => (r.match(/\[/g) ?? []).length * 100 + r.split('/').length;
  return [...routes].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

const ID_LINKS: [keyof SampleIds, RegExp][] = [
  ['project', /^\/projects\/(?!new$)([^/?#]+)$/],
  ['milestone', /^\/projects\/[^/]+\/milestones\/([^/?#]+)\/edit$/],
  ['report', /^\/reports\/([^/?#]+)$/],
  ['problem', /^\/problems\/(?!new$)([^/?#]+)$/],
  ['meeting', /^\/meetings\/(?!new$)([^/?#]+)$/],
  ['user', /^\/admin\/users\/(?!new$)([^/?#]+)$/],
];

/** Takes the first id of each kind the page links to, for the kinds still unknown. */
async function harvestIds(page: Page, ids: Partial<SampleIds>): Promise<void> {
  const hrefs = await page.locator('#main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const [kind, pattern] of ID_LINKS) {
    if (ids[kind]) continue;
    for (const href of hrefs) {
      const m = pattern.exec(href);
      if (m) {
        ids[kind] = m[1];
        break;
      }
    }
  }
}

async function openAs(browser: Browser, role: RoleKey, locale: (typeof LOCALES)[number]): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState(role), viewport: PHONE, locale: 'zh-CN' });
  const baseURL = test.info().project.use.baseURL as string;
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
  return ctx.newPage();
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

for (const role of Object.keys(ROLES) as RoleKey[]) {
  for (const locale of LOCALES) {
    test(`every page fits a phone for ${role} in ${locale}`, async ({ browser }) => {
      test.setTimeout(Math.max(test.info().timeout, 150_000));
      const page = await openAs(browser, role, locale);
      const ids: Partial<SampleIds> = {};
      const failures: string[] = [];
      const missingIds: string[] = [];
      for (const route of visitOrder(appRoutes())) {
        const sample = SAMPLE_URLS[route];
        if (!sample) continue; // named by the sample-URL test above
        const url = sample(ids as SampleIds);
        if (url.includes('undefined')) {
          // The role reaches no such record (a viewer has no milestone edit link): that page is
          // checked for the roles that reach it.
          missingIds.push(route);
          continue;
        }
        const response = await page.goto(url);
        const status = response?.status() ?? 0;
        if (status >= 500 || status === 0) {
          failures.push(`${url}: HTTP ${status}`);
          continue;
        }
        await settle(page);
        await harvestIds(page, ids);
        for (const viewport of [PHONE, SMALL_PHONE]) {
          if (viewport !== PHONE) await page.setViewportSize(viewport);
          const report = await measureLayout(page);
          const problems = layoutProblems(report);
          if (status === 200 && report.headerHeight === null) problems.push('no sticky header (data-testid=app-header)');
          expect.soft(problems, `${url} at ${viewport.width}px`).toEqual([]);
          for (const p of problems) failures.push(`${url} @${viewport.width}px: ${p}`);
        }
        await page.setViewportSize(PHONE);
      }
      expect(failures, failures.join('\n')).toEqual([]);
      // The seeded demo gives every role a project and a reporting period to look at.
      expect(missingIds.filter((r) => r === '/projects/[id]' || r === '/reports/[id]')).toEqual([]);
      await page.context().close();
    });
  }
}

test('the phone header is one row with a menu that opens, closes on Escape and on navigation', async ({ browser }) => {
  const page = await openAs(browser, 'admin', 'zh-CN');
  await page.goto('/dashboard');
  const header = page.getByTestId('app-header');
  const menu = page.getByTestId('nav-menu-button');
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // Closed, the navigation is out of the way (and out of the tab order).
  await expect(page.getByRole('navigation', { name: 'main' })).toBeHidden();
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(PHONE.height * 0.1);

  // Keyboard: the button opens the menu; Escape closes it and gives the focus back.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('navigation', { name: 'main' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByTestId('language-switch')).toBeVisible();
  await expect(page.getByTestId('sign-out')).toBeVisible();
  expect(layoutProblems(await measureLayout(page))).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  // A link in the menu navigates and the menu closes behind it.
  await menu.click();
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '调度填报' }).click();
  await expect(page).toHaveURL(/\/reports/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'main' })).toBeHidden();

  // On a desktop screen there is no menu button and the navigation is always there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'main' })).toBeVisible();
  await page.context().close();
});
