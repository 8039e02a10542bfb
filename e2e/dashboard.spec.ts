import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { listSettled, type RoleKey, storageState } from './users';

// The leadership dashboard: scoped per role, every figure opens a list of exactly that many
// items, the presentation mode is dark and large, both languages; screenshots for review.

async function open(
  browser: Browser,
  role: RoleKey,
  opts: { locale?: 'zh-CN' | 'en'; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState(role), viewport: opts.viewport ?? { width: 1440, height: 900 } });
  if (opts.locale) {
    const baseURL = test.info().project.use.baseURL as string;
    await ctx.addCookies([{ name: 'NEXT_LOCALE', value: opts.locale, url: baseURL }]);
  }
  return ctx.newPage();
}

const countOf = async (figure: Locator) => Number(await figure.getAttribute('data-count'));
const totalIn = async (el: Locator) => Number(((await el.textContent()) ?? '').replace(/[^\d]/g, ''));

async function registryTotal(page: Page): Promise<number> {
  const total = page.getByTestId('registry-total');
  await expect(total).toBeVisible();
  return totalIn(total);
}

/**
 * The charts are drawn (SVG from the server, in the HTML: a bar on screen) and their clicks work
 * (`data-ready`: the page has hydrated and each chart listens for clicks on its bars and points).
 */
async function chartsReady(page: Page) {
  for (const id of ['echart-investment-trend', 'echart-problems-type']) {
    const chart = page.getByTestId(id);
    if ((await chart.count()) === 0) continue;
    await expect(chart).toHaveAttribute('data-rendered', 'true');
    await expect(chart.locator('svg').filter({ visible: true }).locator('[ecmeta_ssr_type="chart"]').first()).toBeAttached();
    await expect(chart).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  }
}

for (const role of ['admin', 'dispatch', 'leader', 'lead', 'viewer', 'county'] as RoleKey[]) {
  test(`the dashboard renders for ${role} with that user's scope`, async ({ browser }) => {
    const page = await open(browser, role);
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: '领导驾驶舱' })).toBeVisible();
    const projects = page.getByTestId('figure-projects');
    await expect(projects).toBeVisible();
    const count = await countOf(projects);
    expect(count).toBeGreaterThan(0);
    // Stages and lights add up to the projects in scope.
    const stages = await Promise.all(
      ['preliminary', 'construction', 'completed', 'operating'].map((s) => countOf(page.getByTestId(`figure-stage-${s}`))),
    );
    expect(stages.reduce((a, b) => a + b, 0)).toBe(count);
    const lights = await Promise.all(['red', 'yellow', 'green', 'none'].map((l) => countOf(page.getByTestId(`figure-light-${l}`))));
    expect(lights.reduce((a, b) => a + b, 0)).toBe(count);
    // The charts load and have accessible names.
    await chartsReady(page);
    await expect(page.getByRole('img', { name: /累计计划投资与完成投资/ })).toBeVisible();

    if (role === 'county') {
      await expect(page.getByTestId('dashboard-subtitle')).toContainText('额敏县');
      // The county breakdown (the table behind the chart): 额敏县, and 塔城市 for the 塔额 750 kV line that
      // crosses into it (a shared project counts in each county it touches, and the card says so).
      const rows = page.getByTestId('chart-by-county').locator('table').first().locator('tbody th');
      await expect(rows).toHaveText(['塔城市', '额敏县']);
      await expect(page.getByTestId('chart-by-county').getByTestId('cross-county-note')).toBeVisible();
      // The timeline offers no county filter to a county user.
      await expect(page.getByTestId('filter-tl-county')).toHaveCount(0);
    }

    // The project count is the registry's count for the same user.
    await projects.click();
    await expect(page).toHaveURL(/\/projects/);
    expect(await registryTotal(page)).toBe(count);
    await page.context().close();
  });
}

test('the county user sees fewer projects than the prefecture', async ({ browser }) => {
  const county = await open(browser, 'county');
  const prefecture = await open(browser, 'viewer');
  await county.goto('/dashboard');
  await prefecture.goto('/dashboard');
  const c = await countOf(county.getByTestId('figure-projects'));
  const p = await countOf(prefecture.getByTestId('figure-projects'));
  expect(c).toBeGreaterThan(0);
  expect(c).toBeLessThan(p);
  await county.context().close();
  await prefecture.context().close();
});

test('a user whose scope has no projects gets a clear message instead of empty charts', async ({ browser }) => {
  // The counties that have projects (the dispatch office's county breakdown) …
  const office = await open(browser, 'dispatch');
  await office.goto('/dashboard');
  const withProjects = await office.getByTestId('chart-by-county').locator('table').first().locator('tbody th').allTextContents();
  await office.context().close();
  // … and a new viewer scoped to a county that has none.
  const admin = await open(browser, 'admin');
  await admin.goto('/admin/users/new');
  const form = admin.getByTestId('user-form');
  const options = await form
    .locator('#countyId option')
    .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent?.trim() ?? '' })));
  const county = options.find((o) => o.value && !withProjects.includes(o.label));
  // The demo data leaves a county without projects (乌苏市): the test needs one.
  expect(county, 'a county without projects in the demo data').toBeDefined();
  if (!county) return;
  const username = `e2e_empty_${Date.now().toString(36)}`;
  const password = 'Site2025check';
  await form.locator('#username').fill(username);
  await form.locator('#displayName').fill('空范围 查看者');
  await form.locator('#role').selectOption('viewer');
  await form.locator('#countyId').selectOption(county!.value);
  await form.locator('#password').fill(password);
  await admin.getByTestId('user-form-submit').click();
  await expect(admin.getByTestId(`user-row-${username}`)).toBeVisible();
  await admin.context().close();

  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId('dashboard-empty')).toContainText('您的权限范围内暂无重点项目');
  await expect(page.getByTestId('dashboard-subtitle')).toContainText(county!.label);
  await expect(page.getByTestId('headline')).toHaveCount(0);
  await expect(page.getByRole('img')).toHaveCount(0);
  await page.goto('/dashboard/screen');
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await ctx.close();
});

test('each headline figure opens a list with exactly that many items', async ({ browser }) => {
  // Ten figures, each a dashboard load and a registry load (about 17 s each on a busy 2-core CI machine).
  test.setTimeout(240_000);
  const page = await open(browser, 'dispatch');
  const figures: { id: string; list: 'projects' | 'problems' }[] = [
    { id: 'figure-light-red', list: 'projects' },
    { id: 'figure-light-yellow', list: 'projects' },
    { id: 'figure-stage-construction', list: 'projects' },
    { id: 'figure-pipeline-new_start', list: 'projects' },
    { id: 'figure-pipeline-continuing', list: 'projects' },
    { id: 'figure-milestones-overdue', list: 'projects' },
    { id: 'figure-milestones-due', list: 'projects' },
    { id: 'figure-reports-missing', list: 'projects' },
    { id: 'figure-problems-open', list: 'problems' },
    { id: 'figure-problems-overdue', list: 'problems' },
  ];
  let nonZero = 0;
  for (const f of figures) {
    await page.goto('/dashboard');
    const figure = page.getByTestId(f.id);
    // Streamed in: wait until React has revealed it (an element still in the hidden stream
    // container cannot take the focus).
    await expect(figure).toBeVisible();
    const count = await countOf(figure);
    if (count > 0) nonZero++;
    // A real link, reachable by keyboard: focus it and press Enter.
    await figure.focus();
    await expect(figure).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${f.list}\\?`));
    const total = f.list === 'projects' ? await registryTotal(page) : await totalIn(page.getByTestId('problems-total'));
    expect(total, `${f.id} → ${page.url()}`).toBe(count);
  }
  // The demo data has red lights, projects in construction, open problems …: not all zero.
  expect(nonZero).toBeGreaterThan(2);
  await page.context().close();
});

test('a chart segment and a chart table row drill down to matching lists', async ({ browser }) => {
  const page = await open(browser, 'dispatch');
  await page.goto('/dashboard');
  await chartsReady(page);

  // The tallest bar of "problems by type" (SVG): the list it opens has as many problems as the bar says.
  const panel = page.getByTestId('chart-problems');
  const typeRows = panel.locator('table').first().locator('tbody tr');
  const counts: { label: string; count: number }[] = [];
  for (const row of await typeRows.all())
    counts.push({ label: (await row.locator('th').textContent()) ?? '', count: Number(await row.locator('td').textContent()) });
  const max = Math.max(...counts.map((c) => c.count));
  expect(max, 'the demo data has open problems').toBeGreaterThan(0);
  const chart = page.getByTestId('echart-problems-type');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute('data-ready', 'true');
  const box = await chart.evaluate((el) => {
    const bars = [...el.querySelectorAll('path')].filter((p) => (p.getAttribute('fill') ?? '').toLowerCase() === '#d97706');
    const rects = bars.map((b) => b.getBoundingClientRect()).filter((r) => r.height > 0);
    rects.sort((a, b) => b.height - a.height);
    const r = rects[0];
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  });
  expect(box).not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
  await expect(page).toHaveURL(/\/problems\?/);
  expect(await totalIn(page.getByTestId('problems-total'))).toBe(max);

  // The table behind the county chart: its first row's link lists that row's projects.
  await page.goto('/dashboard');
  const county = page.getByTestId('chart-by-county');
  await county.getByRole('button', { name: '表格' }).click();
  const first = county.locator('table').first().locator('tbody tr').first();
  await expect(first).toBeVisible();
  const projects = Number(await first.locator('td').first().textContent());
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/projects\?/);
  expect(await registryTotal(page)).toBe(projects);
  await page.context().close();
});

test('the timeline filters live in the URL and its total matches the registry', async ({ browser }) => {
  const page = await open(browser, 'dispatch');
  await page.goto('/dashboard');
  await expect(page.getByTestId('timeline-filters')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('timeline-row').first()).toBeVisible();
  await expect(page.getByTestId('timeline-today')).toHaveCount(1);

  await page.getByTestId('filter-tl-category').locator('summary').click();
  await page.getByTestId('filter-tl-category').getByRole('checkbox').first().check();
  await expect(page).toHaveURL(/\/dashboard\?category=/);
  // The URL changes before the server's answer: wait for the timeline to show it.
  await listSettled(page);
  await expect(page.getByTestId('timeline-loading')).toHaveCount(0);
  const counter = page.getByTestId('timeline-count');
  await expect(counter).toBeVisible();
  const total = Number(await counter.getAttribute('data-total'));
  const shown = Number(await counter.getAttribute('data-shown'));
  expect(shown).toBeLessThanOrEqual(total);
  await expect(page.getByTestId('timeline-row')).toHaveCount(shown);
  await counter.getByRole('link').click();
  await expect(page).toHaveURL(/\/projects\?category=/);
  expect(await registryTotal(page)).toBe(total);
  await page.context().close();
});

test('the presentation mode is dark, large and says when it was updated', async ({ browser }) => {
  const page = await open(browser, 'leader', { viewport: { width: 1920, height: 1080 } });
  await page.goto('/dashboard');
  await page.getByTestId('presentation-link').click();
  await expect(page).toHaveURL(/\/dashboard\/screen/);
  const screen = page.getByTestId('screen');
  await expect(screen).toBeVisible();
  // No app header (no navigation), a dark background, large figures.
  await expect(page.getByTestId('sign-out')).toHaveCount(0);
  const bg = await screen.evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
  const [r = 255, g = 255, b = 255] = (bg.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b).toBeLessThan(120);
  const size = await page
    .getByTestId('figure-projects')
    .locator('span')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(48);
  await expect(page.getByTestId('screen-updated')).toContainText('更新于');
  await expect(page.getByTestId('screen-fullscreen')).toBeVisible();
  await expect(page.getByTestId('echart-investment-trend')).toHaveAttribute('data-ready', 'true');

  // It refreshes itself (every minute by default; ?refresh=10 for this test): the time moves on.
  await page.goto('/dashboard/screen?refresh=10');
  const updated = page.getByTestId('screen-updated');
  await expect(page.getByText('每 10 秒自动刷新')).toBeVisible();
  const first = await updated.textContent();
  await expect(updated).not.toHaveText(first ?? '', { timeout: 25_000 });
  await expect(page.getByTestId('echart-investment-trend')).toHaveAttribute('data-ready', 'true');
  await page.context().close();
});

test('the English switch shows the dashboard in English', async ({ browser }) => {
  const page = await open(browser, 'viewer');
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: '领导驾驶舱' })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leadership dashboard' })).toBeVisible();
  await expect(page.getByTestId('figure-projects')).toContainText('projects');
  await expect(page.getByRole('heading', { level: 2, name: 'Milestone timeline' })).toBeVisible();
  await expect(page.getByTestId('headline')).toContainText('CNY');
  await chartsReady(page);
  await expect(page.getByRole('img', { name: /cumulative planned and completed investment/ })).toBeVisible();
  await page.context().close();
});

test('screenshots in both languages (desktop, phone, presentation)', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [name, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await open(browser, 'dispatch', { locale, viewport });
      await page.goto('/dashboard');
      await expect(page.getByTestId('timeline-row').first()).toBeVisible();
      await chartsReady(page);
      await page.screenshot({ path: test.info().outputPath(`dashboard-${name}-${locale}.png`), fullPage: true });
      await page.context().close();
    }
    const screen = await open(browser, 'dispatch', { locale, viewport: { width: 1920, height: 1080 } });
    await screen.goto('/dashboard/screen');
    await chartsReady(screen);
    await screen.screenshot({ path: test.info().outputPath(`dashboard-screen-${locale}.png`) });
    await screen.context().close();
  }
  const county = await open(browser, 'county');
  await county.goto('/dashboard');
  await chartsReady(county);
  await county.screenshot({ path: test.info().outputPath('dashboard-desktop-county.png'), fullPage: true });
  await county.context().close();
});
