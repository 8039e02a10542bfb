import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, listSettled, ROLES, storageState } from './users';

// Issue 13 (A3): a project lead starts at their work.
const totalOf = async (page: Page) => Number((await page.getByTestId('registry-total').innerText()).replace(/\D/g, ''));

test('a project lead signs in to 我的工作: this period’s reports, milestones due, open problems, then the notifications', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(ROLES.lead);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的工作' })).toBeVisible();
  const work = page.getByTestId('inbox-work');
  await expect(work.getByTestId('inbox-section-current')).toBeVisible();
  await expect(work.getByTestId('inbox-section-milestones')).toContainText('逾期及 30 天内到期的节点');
  await expect(work.getByTestId('inbox-section-my-problems')).toBeVisible();
  await expect(page.getByTestId('notifications')).toBeVisible();
  // The root sends them to the same place.
  await page.goto('/');
  await expect(page).toHaveURL(/\/inbox$/);
  await ctx.close();
});

test('a viewer still signs in to the dashboard', async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(ROLES.viewer);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await ctx.close();
});

test.describe('as the project lead', () => {
  test.use({ storageState: storageState('lead') });

  test('the registry opens at 我负责的项目, and switching it off is kept in the URL', async ({ page }) => {
    await page.goto('/projects');
    await expect(page).toHaveURL(/\/projects\?mine=1$/);
    const mine = page.getByTestId('registry-mine');
    await expect(mine).toHaveAttribute('aria-pressed', 'true');
    await expect(mine).toHaveText('我负责的项目');
    const own = await totalOf(page);
    expect(own).toBeGreaterThanOrEqual(1);

    await expect(page.getByRole('search')).toHaveAttribute('data-ready', 'true');
    await mine.click();
    await expect(page).toHaveURL(/mine=0/);
    await listSettled(page);
    await expect(mine).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => totalOf(page)).toBeGreaterThan(own);

    // A reload keeps it off; switching it on again brings back their own projects.
    await page.reload();
    await expect(page.getByTestId('registry-mine')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('search')).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('registry-mine').click();
    await expect(page).toHaveURL(/mine=1/);
    await listSettled(page);
    await expect.poll(() => totalOf(page)).toBe(own);
  });

  test('on a phone their project shows milestones, this period’s report and open problems before the field list', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/projects?mine=1');
    await page.getByTestId('registry-table').getByRole('link').first().click();
    await expect(page.getByTestId('project-code')).toBeVisible();
    const top = async (id: string) => (await page.getByTestId(id).boundingBox())?.y ?? Number.NaN;
    const fields = await top('project-fields-block');
    expect(await top('milestones')).toBeLessThan(fields);
    expect(await top('project-current-report')).toBeLessThan(fields);
    expect(await top('project-open-problems')).toBeLessThan(fields);
  });

  test('on a desktop the field list keeps its place before the milestones', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/projects?mine=1');
    await page.getByTestId('registry-table').getByRole('link').first().click();
    await expect(page.getByTestId('project-code')).toBeVisible();
    const fields = (await page.getByTestId('project-fields-block').boundingBox())!.y;
    expect((await page.getByTestId('milestones').boundingBox())!.y).toBeGreaterThan(fields);
  });

  test('after saving a milestone the project page says what was saved and shows that milestone', async ({ page }) => {
    await page.goto('/projects?q=TC2025-001');
    await page.getByTestId('registry-table').getByRole('link').first().click();
    await expect(page.getByTestId('project-code')).toContainText('TC2025-001');
    const edit = page.locator('[data-testid^="edit-milestone-"]').first();
    const milestoneId = (await edit.getAttribute('data-testid'))!.replace('edit-milestone-', '');
    await edit.click();
    const form = page.getByTestId('milestone-form');
    await expect(form).toBeVisible();
    // A date that differs from the stored one, so that the save changes something.
    const current = await form.getByLabel('预计完成日期').inputValue();
    const date = current === '2027-06-30' ? '2027-07-31' : '2027-06-30';
    await form.getByLabel('预计完成日期').fill(date);
    await page.getByTestId('milestone-submit').click();
    await expect(page).toHaveURL(new RegExp(`\\?saved=milestone-${milestoneId}#milestone-${milestoneId}$`));
    const notice = page.getByTestId('saved-notice');
    await expect(notice).toContainText('已保存：');
    // Dates read as the rest of the page shows them (lib/format formatDate: 2027年6月30日).
    const shown = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
    await expect(notice).toContainText(`预计完成日期 ${shown}`);
    const row = page.getByTestId(`milestone-row-${milestoneId}`);
    await expect(row).toHaveAttribute('data-saved', 'true');
    await expect(row).toBeInViewport();
  });
});
