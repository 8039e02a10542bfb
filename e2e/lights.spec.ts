import { type Browser, expect, type Page, test } from '@playwright/test';
import { storageState, type RoleKey } from './users';

// The dispatch office opens the October 2026 period if it is not open yet (the demo history has
// it; cycle.spec.ts opens November), computes its lights on /lights and sees the counts and the
// table; a viewer sees the table but no forms.

test.describe.configure({ mode: 'serial' });

async function as(browser: Browser, role: RoleKey): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState(role) });
  return ctx.newPage();
}

test('dispatch computes the lights of a period and sees them per project', async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await as(browser, 'dispatch');

  await office.goto('/reports');
  const form = office.getByTestId('open-period-form');
  await form.locator('#period-kind').selectOption('monthly');
  await form.locator('#period-start').fill('2026-10-01');
  await form.locator('#period-end').fill('2026-10-31');
  await form.locator('#period-due').fill('2026-11-05');
  await office.getByTestId('open-period-submit').click();
  // The confirmation says how many drafts and notifications opening creates.
  await expect(office.getByTestId('open-period-confirm')).toContainText('个项目创建填报草稿');
  await office.getByTestId('open-period-confirm-yes').click();
  // Opened (the page moves to the period) — or already open (the demo history, an earlier attempt).
  await expect(office.getByTestId('report-row-TC2025-001').or(form.getByTestId('form-error'))).toBeVisible();

  await office.goto('/lights');
  const compute = office.getByTestId('compute-lights-form');
  await expect(compute).toBeVisible();
  await expect(office.getByTestId('freeze-baseline-form')).toBeVisible();
  // The demo seed froze the 2026 baseline: the form says when and by whom.
  await expect(office.getByTestId('freeze-status')).toContainText('张伟（示例·调度办）');
  await expect(office.getByTestId('freeze-baseline-submit')).toBeDisabled();

  await compute.locator('#compute-period').selectOption({ label: '2026年10月' });
  await office.getByTestId('compute-lights-submit').click();
  const result = office.getByTestId('compute-result');
  const conflict = office.getByTestId('compute-conflict');
  await expect(result.or(conflict)).toBeVisible();
  if (await conflict.isVisible()) await office.getByTestId('compute-recompute').click();
  await expect(result).toContainText('已计算');
  await expect(result).toContainText('红灯');

  const table = office.getByTestId('lights-table');
  await expect(table).toBeVisible();
  await expect(table.locator('[data-testid^="light-row-"]').first()).toBeVisible();

  // The filter keeps only that light.
  await office.goto('/lights?light=red');
  await expect(office.getByTestId('light-filter').getByRole('link', { name: '红灯' })).toHaveAttribute('aria-current', 'page');
  const redRows = office.locator('[data-testid^="light-row-"]');
  for (const badge of await redRows.locator('[data-light]').all()) await expect(badge).toHaveAttribute('data-light', /red/);
  await office.context().close();
});

test('a viewer sees the lights table but neither form', async ({ browser }) => {
  const viewer = await as(browser, 'viewer');
  await viewer.goto('/lights');
  await expect(viewer.getByTestId('lights-table')).toBeVisible();
  await expect(viewer.locator('[data-testid^="light-row-"]').first()).toBeVisible();
  await expect(viewer.getByTestId('compute-lights-form')).toHaveCount(0);
  await expect(viewer.getByTestId('freeze-baseline-form')).toHaveCount(0);
  await viewer.context().close();
});
