import { type Browser, expect, type Page, test } from '@playwright/test';
import { listSettled, type RoleKey, storageState } from './users';

// Issue 13: leadership sees which projects are red and why. The dashboard's 红灯项目 list is the
// lights page's red (then yellow) list of the same period, with the same reason sentences; the
// 大屏 rotates through it; the registry filtered by light shows the light and never an
// unexplained 正常推进 beside a red light. Runs on the demo data set (its lights are computed
// for the latest period; lights.spec.ts may recompute October, which changes nothing here).

async function open(browser: Browser, role: RoleKey, opts: { reducedMotion?: 'reduce' } = {}): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageState(role),
    viewport: { width: 1920, height: 1080 },
    reducedMotion: opts.reducedMotion ?? 'no-preference',
  });
  return ctx.newPage();
}

interface Row {
  code: string;
  light: string;
  reason: string;
}

async function dashboardRows(page: Page): Promise<{ rows: Row[]; red: number; yellow: number; period: string }> {
  await page.goto('/dashboard');
  const section = page.getByTestId('red-list');
  await expect(section.getByRole('heading', { name: '红灯项目' })).toBeVisible();
  const period = section.getByTestId('red-list-period');
  await expect(period).toBeVisible();
  const rows: Row[] = [];
  for (const li of await section.locator('[data-testid^="red-row-"][data-light]').all()) {
    const code = ((await li.getAttribute('data-testid')) ?? '').replace('red-row-', '');
    rows.push({
      code,
      light: (await li.getAttribute('data-light')) ?? '',
      reason: (await li.getByTestId('red-row-reason').innerText()).trim(),
    });
  }
  return {
    rows,
    red: Number(await period.getAttribute('data-red')),
    yellow: Number(await period.getAttribute('data-yellow')),
    period: await period.innerText(),
  };
}

/** The lights page filtered by one light: code → the reason cell's text. */
async function lightsPage(page: Page, light: 'red' | 'yellow'): Promise<Map<string, string>> {
  await page.goto(`/lights?light=${light}`);
  await expect(page.getByTestId('light-filter')).toBeVisible();
  const out = new Map<string, string>();
  for (const tr of await page.locator('[data-testid^="light-row-"]').all()) {
    const code = ((await tr.getAttribute('data-testid')) ?? '').replace('light-row-', '');
    await expect(tr.locator(`[data-light="${light}"]`)).toBeVisible();
    out.set(code, (await tr.locator('td').nth(1).innerText()).trim());
  }
  return out;
}

for (const role of ['dispatch', 'county'] as RoleKey[]) {
  test(`the dashboard's red list matches the lights page for the same period (${role})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await open(browser, role);
    const dash = await dashboardRows(page);
    // A named period (e.g. 2026年10月), red rows before yellow rows.
    expect(dash.period).toMatch(/\d{4}年/);
    const lights = dash.rows.map((r) => r.light);
    expect(lights).toEqual([...lights].sort((a, b) => (a === b ? 0 : a === 'red' ? -1 : 1)));
    expect(dash.rows.filter((r) => r.light === 'red').length).toBe(Math.min(dash.red, dash.rows.length));

    for (const light of ['red', 'yellow'] as const) {
      const onPage = await lightsPage(page, light);
      const mine = dash.rows.filter((r) => r.light === light);
      // Every project the dashboard names is on the lights page with that light and the same reason.
      for (const r of mine) {
        expect(onPage.has(r.code), `${r.code} on /lights?light=${light}`).toBe(true);
        expect(r.reason).toContain(onPage.get(r.code)!);
      }
      // The counts are the lights page's (all the demo's lights are of the latest period).
      expect(onPage.size).toBe(light === 'red' ? dash.red : dash.yellow);
    }

    if (role === 'county') {
      // A county user's list holds only their county's projects: each row opens in scope.
      const first = dash.rows[0];
      if (first) {
        await page.goto('/dashboard');
        await page.getByTestId(`red-row-${first.code}`).getByRole('link').first().click();
        await expect(page).toHaveURL(/\/projects\/\d+$/);
        await expect(page.getByText('额敏县').first()).toBeVisible();
      }
    }
    await page.context().close();
  });
}

test('the 大屏 rotates through the red list, pauses on hover, and keeps still under reduced motion', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await open(browser, 'dispatch');
  await page.clock.install();
  await page.goto('/dashboard/screen');
  const list = page.getByTestId('screen-red-list');
  await expect(list.getByRole('heading', { name: /红灯项目/ })).toBeVisible();
  const pager = list.getByTestId('screen-red-list-pager');
  // The demo period has 16 red and yellow projects: four pages of four.
  await expect(pager).toBeVisible();
  const first = await pager.innerText();
  expect(first).toMatch(/^第 1–4 条/);
  await page.clock.fastForward(8_500);
  await expect(pager).not.toHaveText(first);
  await expect(pager).toContainText('第 5–');
  // Hover pauses: the page stays.
  await list.hover();
  const paused = await pager.innerText();
  expect(paused).toContain('已暂停');
  await page.clock.fastForward(20_000);
  await expect(pager).toHaveText(paused);
  await page.context().close();

  const still = await open(browser, 'dispatch', { reducedMotion: 'reduce' });
  await still.clock.install();
  await still.goto('/dashboard/screen');
  const stillPager = still.getByTestId('screen-red-list-pager');
  await expect(stillPager).toContainText('第 1–4 条');
  await still.clock.fastForward(20_000);
  await expect(stillPager).toContainText('第 1–4 条');
  // The buttons still turn the page.
  await still.getByTestId('screen-red-list').getByRole('button', { name: '下一页' }).click();
  await expect(stillPager).toContainText('第 5–');
  await still.context().close();
});

test('the registry filtered by red shows the light with its reason, and explains an on-track status', async ({ browser }) => {
  const page = await open(browser, 'dispatch');
  await page.goto('/projects?light=red');
  await listSettled(page);
  const table = page.getByTestId('registry-table');
  const lights = table.getByTestId('registry-light');
  await expect(lights.first()).toBeVisible();
  for (const l of await lights.all()) {
    await expect(l).toHaveAttribute('data-light', 'red');
    await expect(l.locator('summary')).toHaveAttribute('title', /→ 红灯|人工调整/);
  }
  // A row whose status pill reads 正常推进 carries the note that says why the light disagrees.
  for (const tr of await table.locator('tbody tr').all()) {
    if ((await tr.getByText('正常推进', { exact: true }).count()) > 0) {
      await expect(tr.getByTestId('status-light-note')).toContainText('但本期亮红灯');
    }
  }
  // On a phone the reason opens on tap.
  await page.setViewportSize({ width: 390, height: 844 });
  const firstLight = lights.first();
  await firstLight.locator('summary').click();
  await expect(firstLight.locator('p')).toBeVisible();
  await page.context().close();
});
