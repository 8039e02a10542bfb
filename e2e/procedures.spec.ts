import { expect, type Page, test } from '@playwright/test';
import { hydrated, storageState } from './users';

/**
 * 手续联办: the office makes a project's procedure plan from a template; the approving agency's
 * department user finds the step in its own queue, accepts it and approves it with its document
 * number; the plan shows it approved; an overdue procedure leads its agency's queue. (The demo
 * set's TC2025-006 has no plan; TC2025-007's EIA is past its committed limit.)
 */
test.describe.configure({ mode: 'serial' });

/** A procedure's card on the plan, by its own name (another card may name it as a dependency). */
const procedureCard = (page: Page, name: string) =>
  page.getByTestId('procedure').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

test.describe('the office', () => {
  test.use({ storageState: storageState('dispatch') });

  test('makes a project’s plan from the template proposed for its category', async ({ page }) => {
    await page.goto('/projects/6/procedures');
    await expect(page.getByText('TC2025-006')).toBeVisible();
    await expect(page.getByTestId('procedures-empty')).toBeVisible();
    await hydrated(page);
    await expect(page.locator('#templateId option').first()).toContainText('火电项目');
    await page.getByTestId('apply-template-submit').click();
    await expect(page.getByRole('status').filter({ hasText: '已生成' })).toBeVisible();
    await expect(page.getByTestId('procedure')).toHaveCount(14);
    const land = procedureCard(page, '用地预审与选址意见书');
    await expect(land).toContainText('塔城地区自然资源局');
    await expect(land.locator('[data-state]')).toHaveText('未启动');
    // 项目核准 waits for 用地预审 and 社会稳定风险评估.
    await expect(procedureCard(page, '项目核准').getByTestId('procedure-waits')).toContainText('用地预审与选址意见书');
    await expect(page.getByTestId('critical-path')).toContainText('最早');
  });
});

test.describe('the agency', () => {
  test.use({ storageState: storageState('department') });

  test('accepts and approves its step from its own queue, with the document number', async ({ page }) => {
    await page.goto('/procedures');
    await expect(page.getByRole('heading', { level: 1, name: '本部门待办手续' })).toBeVisible();
    await hydrated(page);
    const row = page.getByTestId('queue-row').filter({ hasText: 'TC2025-006' }).filter({ hasText: '用地预审与选址意见书' });
    await expect(row).toContainText('尚未受理');
    await row.getByRole('button', { name: '受理' }).click();
    await row.getByRole('button', { name: '确定受理' }).click();
    await expect(page.getByTestId('procedure-saved')).toContainText('用地预审与选址意见书');
    const accepted = page.getByTestId('queue-row').filter({ hasText: 'TC2025-006' }).filter({ hasText: '用地预审与选址意见书' });
    await expect(accepted.locator('[data-state]')).toHaveText('已受理');
    await accepted.getByRole('button', { name: '批复', exact: true }).click();
    // Without a document number the approval is refused and nothing is lost.
    await accepted.getByRole('button', { name: '确定批复' }).click();
    await expect(accepted.getByTestId(/^error-p\d+-documentNumber$/)).toHaveText('必填');
    await accepted.getByLabel('批复文号').fill('塔自然资预〔2026〕99号');
    await accepted.getByRole('button', { name: '确定批复' }).click();
    await expect(page.getByTestId('queue-row').filter({ hasText: 'TC2025-006' }).filter({ hasText: '用地预审与选址意见书' })).toHaveCount(
      0,
    );

    await page.goto('/projects/6/procedures');
    const land = procedureCard(page, '用地预审与选址意见书');
    await expect(land.locator('[data-state]')).toHaveText('已批复');
    await expect(land).toContainText('批复文号：塔自然资预〔2026〕99号');
    await land.getByText('办理记录').click();
    await expect(land.getByTestId('procedure-history')).toContainText('批复');
  });

  test('sees another agency’s procedure without a step to take', async ({ page }) => {
    await page.goto('/projects/7/procedures');
    const eia = procedureCard(page, '环境影响评价批复');
    await expect(eia.getByTestId('procedure-clock')).toHaveAttribute('data-standing', /over_/);
    await expect(eia.getByRole('button')).toHaveCount(0);
  });
});

test.describe('the office’s board', () => {
  test.use({ storageState: storageState('dispatch') });

  test('puts the overdue procedures first', async ({ page }) => {
    await page.goto('/procedures');
    const first = page.getByTestId('queue-row').first();
    await expect(first.getByTestId('procedure-clock')).toHaveAttribute('data-standing', /over_/);
    await expect(page.getByTestId('queue-count')).toContainText('超出承诺时限');
  });
});
