import { type Browser, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { storageState, type RoleKey } from './users';

// The leader-responsibility cycle across three browser sessions: the office opens a period,
// the lead fills and submits with a photo, the leader returns it, the lead sees the comment in
// the inbox and resubmits, the leader approves; a problem raised in the report is resolved by
// the unit and closed by the office; an overdue problem shows as escalated.

/** A real PNG, made by the same image library the server checks uploads with. */
async function sitePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a9cc6' } })
    .png()
    .toBuffer();
}

test.describe.configure({ mode: 'serial' });

async function as(browser: Browser, role: RoleKey): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState(role) });
  return ctx.newPage();
}

test('a full reporting cycle with a returned report, a resolved and closed problem', async ({ browser }) => {
  test.setTimeout(180_000);
  const office = await as(browser, 'dispatch');
  const lead = await as(browser, 'lead');
  const leader = await as(browser, 'leader');

  // The office opens the November period.
  await office.goto('/reports');
  const form = office.getByTestId('open-period-form');
  await form.locator('#period-kind').selectOption('monthly');
  await form.locator('#period-start').fill('2026-11-01');
  await form.locator('#period-end').fill('2026-11-30');
  await form.locator('#period-due').fill('2026-12-05');
  await office.getByTestId('open-period-submit').click();
  // The confirmation says how many drafts and notifications opening creates.
  await expect(office.getByTestId('open-period-confirm')).toContainText('个项目创建填报草稿');
  await office.getByTestId('open-period-confirm-yes').click();
  // The page moves to the new period (before it, it shows the demo history's latest, October).
  await expect(office.getByTestId('period-summary').locator('#period-title')).toContainText('2026年11月');
  await expect(office.getByTestId('report-row-TC2025-001')).toBeVisible();

  // The lead fills the report of their project, with a photo, and submits it.
  await lead.goto('/reports');
  await lead.getByTestId('report-row-TC2025-001').getByRole('link').first().click();
  const report = lead.getByTestId('report-form');
  await expect(report).toBeVisible();
  const reportUrl = lead.url();
  await report.getByLabel('本期完成投资（万元）').fill('1250.5');
  await report.getByLabel('总体完成进度（%）').fill('62');
  await report.getByLabel('形象进度').fill('路基完成 85%，桥梁下部结构完成 70%。');
  await lead.getByTestId('photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: await sitePhoto() });
  await expect(lead.getByTestId('photo-thumb').first()).toBeVisible();
  await lead.getByTestId('save-draft').click();
  await expect(lead.getByTestId('save-state')).toContainText('已保存');

  // A problem raised from the report.
  await lead.getByTestId('raise-problem').click();
  const problemForm = lead.getByTestId('problem-form');
  await problemForm.getByTestId('problem-description').fill('K35 段征地补偿款未到位，影响路基施工。');
  await problemForm.locator('#type').selectOption('land');
  await problemForm.locator('#deadline').fill('2026-12-31');
  await lead.getByTestId('problem-submit').click();
  // Back on the report, which says what was raised and lists it.
  await expect(lead.getByTestId('saved-notice')).toContainText('已提交问题：K35 段征地补偿款未到位');
  await expect(lead.getByTestId('report-problems')).toContainText('征地补偿款');
  await lead.getByTestId('saved-problem-link').click();
  await expect(lead.getByTestId('problem-description-text')).toContainText('征地补偿款');
  const problemUrl = lead.url();

  await lead.goto(reportUrl);
  await lead.getByTestId('submit-report').click();
  await expect(lead.getByTestId('report-status')).toHaveText('已报送');

  // The responsible leader returns it with a comment.
  await leader.goto(reportUrl);
  await leader.getByTestId('return-comment').fill('请补充桥梁施工的现场照片说明。');
  await leader.getByTestId('review-return').click();
  await expect(leader.getByTestId('report-status')).toHaveText('已退回');

  // The lead finds the comment in their inbox, fixes the report and resubmits.
  await lead.goto('/inbox');
  const item = lead.getByTestId('inbox-item').filter({ hasText: '请补充桥梁施工的现场照片说明' }).first();
  await expect(item).toBeVisible();
  await item.getByRole('link').first().click();
  await expect(lead.getByTestId('return-comment-text')).toContainText('请补充桥梁施工的现场照片说明');
  await lead.getByTestId('report-form').getByLabel('形象进度').fill('路基完成 85%，桥梁下部结构完成 70%（照片为 3 号桥墩）。');
  await lead.getByTestId('submit-report').click();
  await expect(lead.getByTestId('report-status')).toHaveText('已报送');

  // The leader approves; the report is now the record and cannot be edited.
  await leader.goto(reportUrl);
  await leader.getByTestId('review-approve').click();
  await expect(leader.getByTestId('report-status')).toHaveText('已审核');
  await lead.goto(reportUrl);
  await expect(lead.getByTestId('report-form')).toHaveCount(0);
  await expect(lead.getByTestId('report-content')).toContainText('3 号桥墩');

  // The unit works on the problem and resolves it; the office verifies and closes it (销号).
  await lead.goto(problemUrl);
  await lead.getByTestId('problem-action-start').click();
  await expect(lead.getByTestId('problem-status')).toHaveText('督办中');
  await lead.getByTestId('resolution-input').fill('县自然资源局已拨付补偿款，现场恢复施工。');
  await lead.getByTestId('problem-action-resolve').click();
  await expect(lead.getByTestId('problem-status')).toHaveText('已办结');

  await office.goto(problemUrl);
  await office.getByTestId('problem-action-close').click();
  await expect(office.getByTestId('problem-status')).toHaveText('已销号');

  for (const p of [office, lead, leader]) await p.context().close();
});

test('an overdue problem shows as escalated', async ({ browser }) => {
  const office = await as(browser, 'dispatch');
  await office.goto('/problems?overdue=1');
  await expect(office.getByTestId('escalation-badge').first()).toBeVisible();
  await office.getByTestId('problems-table').getByRole('link').first().click();
  await expect(office.getByTestId('escalation-badge').first()).toContainText('升级');
  await office.context().close();
});

test('the lead updates a milestone from inside the report', async ({ browser }) => {
  const lead = await as(browser, 'lead');
  await lead.goto('/reports');
  await lead.getByTestId('report-row-TC2025-003').getByRole('link').first().click();
  const first = lead.locator('[data-testid^="inline-milestone-"]').first();
  await first.click();
  const form = lead.getByTestId('milestone-form');
  const note = `填报时更新 ${Date.now()}`;
  await form.getByLabel('备注').fill(note);
  await lead.getByTestId('milestone-submit').click();
  await expect(form).toHaveCount(0);
  await expect(lead.getByTestId('report-milestones')).toBeVisible();
  await lead.goto((await lead.getByRole('link', { name: '项目详情' }).first().getAttribute('href'))!);
  await expect(lead.getByTestId('history-list')).toContainText(note);
  await lead.context().close();
});
