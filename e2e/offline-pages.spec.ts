import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { PAGE_CACHE_PREFIX } from '../lib/offline/cacheable';
import { DEMO_PASSWORD, ROLES, storageState } from './users';

// Issue 13 (A1, last point): a project lead at a remote site opens, without a network, the
// report form and the project's milestones they loaded before (the service worker's kept copies,
// lib/offline/worker.ts), and is told plainly that they are offline. A page never loaded shows
// the offline page. After sign-out the kept pages are gone: nobody offline on the same device
// sees the lead's pages.

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker is active and controls this page. */
async function workerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
}

/** The paths (with query) held in the worker's page caches. */
function keptPages(page: Page): Promise<string[]> {
  return page.evaluate(async (prefix) => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith(prefix)) continue;
      for (const req of await (await caches.open(name)).keys()) {
        const u = new URL(req.url);
        out.push(u.pathname + u.search);
      }
    }
    return out;
  }, PAGE_CACHE_PREFIX);
}

async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator('#main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return href!;
}

async function signIn(context: BrowserContext, user: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/(inbox|dashboard)/);
  return page;
}

test('the lead opens the report form and the milestones offline, a page never loaded shows the offline page, sign-out clears them', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A session of its own: signing out must not end the shared lead session of other specs.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, serviceWorkers: 'allow' });
  const page = await signIn(context, ROLES.lead);
  await workerControls(page);

  // Online: the report form of the lead's project and the project's page with its milestones.
  await page.goto('/reports');
  const reportPath = await firstLink(page, /^\/reports\/[^/?#]+$/);
  await page.goto(reportPath);
  const reportHeading = await page.getByRole('heading', { level: 1 }).innerText();
  const reportHasForm = (await page.getByTestId('report-form').count()) > 0;

  await page.goto('/projects?q=TC2025-001&mine=0');
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toContainText('TC2025-001');
  const projectPath = new URL(page.url()).pathname;
  // Reached by a client-side link (an RSC request): the page asks the worker, which keeps the
  // project's full page in the background.
  await expect.poll(() => keptPages(page), { timeout: 20_000 }).toContain(projectPath);
  const milestones = page.getByTestId('milestones');
  await expect(milestones).toBeVisible();
  const firstMilestone = (await milestones.locator('tbody tr').first().locator('td, th').first().innerText()).split('\n')[0]!.trim();
  expect(firstMilestone.length).toBeGreaterThan(0);
  await expect(page.getByTestId('offline-indicator')).toHaveCount(0);

  // Both were kept by the worker (a full page load of each, network first).
  await expect.poll(() => keptPages(page)).toEqual(expect.arrayContaining([reportPath, projectPath]));

  // The network goes away.
  await context.setOffline(true);

  // A reload of the project page: the kept copy, with its milestones, saying it is offline.
  await page.reload();
  await expect(page.getByTestId('project-code')).toContainText('TC2025-001');
  await expect(page.getByTestId('milestones')).toContainText(firstMilestone);
  await expect(page.getByTestId('offline-indicator')).toHaveText('离线 — 显示的是上次加载的内容');
  await expect(page.getByTestId('error-page')).toHaveCount(0);

  // Going to the report form: the kept copy too.
  await page.goto(reportPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reportHeading);
  // The kept copy is the page as it was: the form when it had one, the read-only report when not.
  await expect(page.getByTestId('report-form')).toHaveCount(reportHasForm ? 1 : 0);
  await expect(page.getByTestId('offline-indicator')).toBeVisible();

  // A page never loaded on this device: the offline page, not the browser's error.
  await page.goto('/problems');
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByTestId('offline-page').getByRole('heading', { level: 1 })).toHaveText('您当前处于离线状态');

  // Back online, the lead signs out: the kept pages are deleted.
  await context.setOffline(false);
  await page.goto('/inbox');
  await expect(page.getByTestId('offline-indicator')).toHaveCount(0);
  const menu = page.getByTestId('nav-menu-button');
  if (await menu.isVisible()) await menu.click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => keptPages(page)).toEqual([]);

  // Another user of the device, offline, gets the offline page for the lead's pages.
  await context.setOffline(true);
  await page.goto(projectPath);
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByTestId('project-code')).toHaveCount(0);
  await page.goto(reportPath);
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByTestId('report-form')).toHaveCount(0);
  await context.close();
});

test('a page the lead loaded is not kept for someone signed out: the sign-in page clears what is left', async ({ browser }) => {
  // The session ends without the sign-out button (expired, cookies gone): the sign-in page,
  // which the next user sees first, deletes the kept pages.
  const context = await browser.newContext({ storageState: storageState('lead'), serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/inbox');
  await workerControls(page);
  await page.reload();
  await expect.poll(() => keptPages(page)).toContain('/inbox');
  await context.clearCookies();
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expect.poll(() => keptPages(page)).toEqual([]);
  await context.setOffline(true);
  await page.goto('/inbox');
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await context.close();
});
