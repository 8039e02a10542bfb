import { type Browser, expect, type Page, test } from '@playwright/test';
import { storageState } from './users';

// Issue 14 §5, as the office uses it: the report's portfolio targets on the dashboard and their
// progress recorded on /dashboard/targets; the two coal-power statements decided on the project
// page; screenshots of these pages and the year's list (/lights/years) in both languages, desktop
// and phone, kept in the test's output for review.

test.describe.configure({ mode: 'serial' });

async function open(browser: Browser, locale: 'zh-CN' | 'en', viewport: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState('dispatch'), viewport });
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: test.info().project.use.baseURL as string }]);
  return ctx.newPage();
}

test('the office records a target’s progress and the dashboard shows it against the report’s figure', async ({ browser }) => {
  const page = await open(browser, 'zh-CN', { width: 1440, height: 900 });
  await page.goto('/dashboard');
  const panel = page.getByTestId('portfolio-targets');
  await expect(panel).toContainText('2025年度目标');
  await expect(panel.getByTestId('target-new_industrial_enterprises')).toContainText('目标 20 家以上');
  await expect(panel.getByTestId('target-tourist_visits')).toContainText('目标 增长 10% 以上');

  await panel.getByTestId('targets-edit').click();
  const form = page.getByTestId('target-form-new_industrial_enterprises');
  await form.getByLabel('完成数（家）').fill('１２');
  await form.getByLabel('统计截至').fill('2025-10-31');
  await form.getByLabel('数据来源').fill('地区统计局 10 月统计月报');
  await page.getByTestId('target-save-new_industrial_enterprises').click();
  await expect(form.getByRole('status')).toContainText('已保存');

  // A count cannot be negative: the field says so and nothing changes.
  const smes = page.getByTestId('target-form-tech_smes');
  await smes.getByLabel('完成数（家）').fill('-3');
  await smes.getByLabel('统计截至').fill('2025-10-31');
  await page.getByTestId('target-save-tech_smes').click();
  await expect(smes.getByTestId('error-tech_smes-actual')).toContainText('不能为负');

  await page.goto('/dashboard');
  const card = page.getByTestId('portfolio-targets').getByTestId('target-new_industrial_enterprises');
  await expect(card.getByTestId('target-actual')).toContainText('12 家');
  await expect(card).toContainText('完成 60%');
  await expect(page.getByTestId('portfolio-targets').getByTestId('target-tech_smes').getByTestId('target-actual')).toHaveText('未填报');
  await page.context().close();
});

test('the two coal-power statements are one project or two by the office’s decision, shown on both pages', async ({ browser }) => {
  const page = await open(browser, 'zh-CN', { width: 1440, height: 900 });
  await page.goto('/projects?q=TC2025-030');
  await page.getByTestId('registry-table').getByRole('link').first().click();
  const notice = page.getByTestId('duplicate-notice');
  await expect(notice).toContainText('TC2025-006');
  await expect(notice.getByTestId('duplicate-decision')).toHaveText('待调度办确认');
  await notice.getByTestId('duplicate-distinct').click();
  await expect(notice.getByTestId('duplicate-decision')).toHaveText('已确认：不同项目');

  await notice.getByRole('link', { name: /TC2025-006/ }).click();
  await expect(page.getByTestId('project-code')).toContainText('TC2025-006');
  await expect(page.getByTestId('duplicate-notice').getByTestId('duplicate-decision')).toHaveText('已确认：不同项目');
  await page.getByTestId('duplicate-notice').getByTestId('duplicate-unconfirmed').click();
  await expect(page.getByTestId('duplicate-notice').getByTestId('duplicate-decision')).toHaveText('待调度办确认');
  await page.context().close();
});

test('screenshots: targets, the year’s list and a project with a possible duplicate (zh-CN, en; desktop, phone)', async ({ browser }) => {
  test.setTimeout(240_000);
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [name, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await open(browser, locale, viewport);
      for (const [shot, path, ready] of [
        ['targets', '/dashboard/targets', 'target-forms'],
        ['years', '/lights/years', 'year-select'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByTestId(ready).first()).toBeVisible();
        await page.screenshot({ path: test.info().outputPath(`${shot}-${name}-${locale}.png`), fullPage: true });
      }
      await page.goto('/projects?q=TC2025-030');
      await page.getByTestId('registry-table').getByRole('link').first().click();
      await expect(page.getByTestId('duplicate-notice')).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`duplicate-${name}-${locale}.png`) });
      await page.goto('/dashboard');
      await expect(page.getByTestId('portfolio-targets')).toBeVisible();
      await page.getByTestId('portfolio-targets').scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`dashboard-targets-${name}-${locale}.png`) });
      await page.context().close();
    }
  }
});
