import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { storageState, type RoleKey } from './users';

// Annual plans and the rule threshold, as of the demo year 2026 (like lights.spec.ts and
// cycle.spec.ts, this assumes the machine's clock is past October 2026).
//
// 1. The office splits TC2025-007's 2026 plan by month (a wrong sum is refused at the field) and
//    everyone sees it on the project page; a viewer cannot open the form.
// 2. From the overview, the office creates TC2025-007's 2027 plan; a stale second form gets the
//    conflict with the saved values and reloads.
// 3. TC2025-004 (construction, frozen seasonal baseline 94% due by the end of October and 100%
//    by the end of November; the demo history has it far behind, under 64% approved by October)
//    reports in November what brings its year to 72% of its plan: 22–28 points behind the
//    time-elapsed progress on any day of November → yellow under "≥10 yellow, >30 red". The
//    administrator lowers the red threshold to >20, the office recomputes November, and the
//    light turns red with "(>20)" in its reason, while October's entry keeps its old "(>30)".
//    The threshold is put back (and November recomputed) at the end, for the specs after this.
//
// Other specs: 2026 lights compare against the frozen baseline, so editing TC2025-007's current
// plan changes no light; TC2025-004's November report is not used by any other spec.

test.describe.configure({ mode: 'serial' });

async function as(browser: Browser, role: RoleKey): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState(role) });
  return ctx.newPage();
}

/** Opens a project from the registry by its code, as a user would, and returns its path. */
async function openProject(page: Page, code: string): Promise<string> {
  await page.goto(`/projects?q=${encodeURIComponent(code)}`);
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toContainText(code);
  return new URL(page.url()).pathname;
}

/** "12,300 万元" → 12300. */
function amountOf(text: string): number {
  return Number(text.replace(/[^\d.]/g, ''));
}

const money = (n: number) => n.toFixed(2);

/** Opens a reporting period on /reports, or finds it already open. */
async function ensurePeriod(office: Page, start: string, end: string, due: string) {
  await office.goto('/reports');
  const form = office.getByTestId('open-period-form');
  await form.locator('#period-kind').selectOption('monthly');
  await form.locator('#period-start').fill(start);
  await form.locator('#period-end').fill(end);
  await form.locator('#period-due').fill(due);
  await office.getByTestId('open-period-submit').click();
  // The confirmation says how many drafts and notifications opening creates.
  await expect(office.getByTestId('open-period-confirm')).toContainText('个项目创建填报草稿');
  await office.getByTestId('open-period-confirm-yes').click();
  await expect(office.getByTestId('report-row-TC2025-001').or(form.getByTestId('form-error'))).toBeVisible();
}

/** Computes a period's lights on /lights, confirming the recompute when the office is asked to. */
async function computeLights(office: Page, periodLabel: string): Promise<Locator> {
  await office.goto('/lights');
  await office.getByTestId('compute-lights-form').locator('#compute-period').selectOption({ label: periodLabel });
  await office.getByTestId('compute-lights-submit').click();
  const result = office.getByTestId('compute-result');
  const conflict = office.getByTestId('compute-conflict');
  await expect(result.or(conflict)).toBeVisible();
  if (await conflict.isVisible()) await office.getByTestId('compute-recompute').click();
  await expect(result).toContainText('已计算');
  return result;
}

/** Sets the threshold of the default rule set's "investment behind → red" rule on /admin/rules. */
async function setRedInvestmentThreshold(admin: Page, from: string, to: string) {
  await admin.goto('/admin/rules');
  const editor = admin.getByTestId('rule-set-editor');
  const row = editor.getByTestId('rule-row').nth(1);
  await expect(row.getByLabel('指标')).toHaveValue('investment_behind_time_elapsed_pp');
  await expect(row.getByLabel('结果')).toHaveValue('red');
  await expect(row.getByLabel('比较')).toHaveValue('gt');
  const threshold = editor.getByTestId('rule-threshold-1');
  await expect(threshold).toHaveValue(from);
  await threshold.fill(to);
  const note = `投资落后红灯阈值 ${from} → ${to}（${Date.now()}）`;
  await editor.getByLabel('修改说明').fill(note);
  await admin.getByTestId('save-rules').click();
  // Saving first shows what the rules would change; the confirmation saves.
  await expect(admin.getByTestId('rule-preview-summary')).toBeVisible();
  await admin.getByTestId('confirm-rules').click();
  // The new version becomes the current one (the editor reopens on it).
  const newest = admin.getByTestId('rule-versions').locator('li').first();
  await expect(newest).toContainText(note);
  await expect(newest).toContainText('当前');
  await expect(editor.getByTestId('rule-threshold-1')).toHaveValue(to);
}

test('the office splits a project’s annual plan by month; a wrong sum is refused; everyone sees the plan', async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await as(browser, 'dispatch');
  const path = await openProject(office, 'TC2025-007');

  const section = office.getByTestId('plan-section');
  await expect(section).toContainText('2026 年度计划');
  await expect(section.getByTestId('plan-basis')).toHaveText('红黄绿灯按冻结基线比较。');
  await section.getByTestId('edit-plan').click();
  await expect(office).toHaveURL(/\/projects\/\d+\/plan\?year=2026$/);
  await expect(office.getByTestId('plan-title')).toHaveText('2026 年度计划');

  // The year is frozen: the baseline is shown read-only, and the current plan can still change.
  const baseline = office.getByTestId('plan-baseline');
  await expect(baseline).toContainText('冻结基线');
  await expect(baseline).toContainText('红黄绿灯按基线数字比较');
  const form = office.getByTestId('plan-form');
  const annual = Number(await form.locator('#plannedInvestment').inputValue());
  expect(annual).toBeGreaterThan(0);
  await expect(baseline.getByTestId('baseline-investment')).toContainText(annual.toLocaleString('zh-CN'));

  // A preliminary project has no monthly split yet: split evenly, then move 50 from April to March.
  await expect(office.getByTestId('monthly-toggle')).not.toBeChecked();
  await office.getByTestId('monthly-toggle').check();
  await office.getByTestId('split-evenly').click();
  const remaining = office.getByTestId('monthly-remaining');
  await expect(remaining).toHaveText('合计等于年度计划');
  const march = Number(await form.locator('#month-3').inputValue());
  const april = Number(await form.locator('#month-4').inputValue());
  await form.locator('#month-3').fill(money(march + 50));
  await expect(remaining).toHaveText('超出 50.00 万元');
  await expect(remaining).toHaveAttribute('data-balanced', 'false');
  await form.locator('#targets').fill('完成可研批复，年内开工建设');
  await office.getByTestId('plan-submit').click();
  await expect(office.getByTestId('error-monthlyTargets')).toHaveText('12 个月的计划之和须等于年度计划投资');
  await expect(office.getByTestId('form-error')).toBeVisible();
  await expect(office.getByTestId('plan-saved')).toHaveCount(0);

  await form.locator('#month-4').fill(money(april - 50));
  await expect(remaining).toHaveText('合计等于年度计划');
  await office.getByTestId('plan-submit').click();
  await expect(office.getByTestId('plan-saved')).toContainText('已保存');
  await expect(office.getByTestId('error-monthlyTargets')).toHaveCount(0);

  // The project page shows the split to everyone; the lights still use the frozen baseline.
  await office.goto(path);
  const monthly = office.getByTestId('plan-section').getByTestId('plan-monthly');
  await expect(monthly).toBeVisible();
  await expect(monthly.locator('li').nth(2)).toContainText((march + 50).toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
  await expect(monthly.locator('li').nth(3)).toContainText((april - 50).toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
  await expect(office.getByTestId('plan-targets')).toHaveText('完成可研批复，年内开工建设');
  await expect(office.getByTestId('plan-elapsed')).toContainText('%');
  await office.context().close();

  const viewer = await as(browser, 'viewer');
  await viewer.goto(path);
  const theirs = viewer.getByTestId('plan-section');
  await expect(theirs.getByTestId('plan-monthly')).toBeVisible();
  await expect(theirs.getByTestId('plan-targets')).toHaveText('完成可研批复，年内开工建设');
  await expect(theirs.getByTestId('plan-cumulative')).toContainText('万元');
  await expect(theirs.getByTestId('edit-plan')).toHaveCount(0);
  const res = await viewer.goto(`${path}/plan?year=2026`);
  expect(res?.status()).toBe(403); // visible but not permitted: forbidden()
  await expect(viewer.getByTestId('forbidden')).toBeVisible();
  await expect(viewer.getByTestId('plan-form')).toHaveCount(0);
  await viewer.context().close();
});

test('from the overview the office creates a missing plan; a stale form gets the conflict and reloads', async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await as(browser, 'dispatch');
  await office.goto('/lights');
  await office.getByTestId('plans-link').click();
  await expect(office).toHaveURL(/\/lights\/plans\?year=2026$/);
  await expect(office.getByTestId('plan-row-TC2025-004')).toHaveAttribute('data-has-plan', 'yes');
  await expect(office.getByTestId('plans-summary')).toContainText('基线已于');

  await office.locator('#plans-year').selectOption('2027');
  await expect(office).toHaveURL(/year=2027/);
  await office
    .getByTestId('plans-filter')
    .getByRole('link', { name: /缺少计划/ })
    .click();
  await expect(office).toHaveURL(/filter=missing/);
  const row = office.getByTestId('plan-row-TC2025-007');
  await expect(row).toHaveAttribute('data-has-plan', 'no');
  await row.getByTestId('plan-edit-TC2025-007').click();
  await expect(office.getByTestId('plan-title')).toHaveText('2027 年度计划');
  await expect(office.getByTestId('plan-status')).toContainText('2027 年尚无年度计划');
  await expect(office.getByTestId('plan-baseline-none')).toContainText('2027 年基线尚未冻结');
  const url = office.url();

  // A second copy of the form, opened before the first save.
  const other = await office
    .context()
    .browser()!
    .newContext({ storageState: storageState('dispatch') });
  const stale = await other.newPage();
  await stale.goto(url);
  await expect(stale.getByTestId('plan-form')).toBeVisible();

  await office.locator('#plannedInvestment').fill('800');
  await office.locator('#targets').fill('完成主体工程招标');
  await office.getByTestId('plan-submit').click();
  await expect(office.getByTestId('plan-saved')).toContainText('第 1 版');

  await stale.locator('#plannedInvestment').fill('900');
  await stale.getByTestId('plan-submit').click();
  const conflict = stale.getByTestId('conflict-message');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('张伟（示例·调度办）');
  await expect(conflict.getByTestId('conflict-plannedInvestment')).toContainText('800.00');
  await expect(conflict.getByTestId('conflict-plannedInvestment')).toContainText('900');
  await stale.getByTestId('conflict-reload').click();
  await expect(stale.locator('#plannedInvestment')).toHaveValue('800.00');
  await expect(stale.locator('#targets')).toHaveValue('完成主体工程招标');
  await stale.locator('#plannedInvestment').fill('900');
  await stale.getByTestId('plan-submit').click();
  await expect(stale.getByTestId('plan-saved')).toContainText('第 2 版');
  await other.close();

  await office.goto('/lights/plans?year=2027&filter=planned');
  const planned = office.getByTestId('plan-row-TC2025-007');
  await expect(planned).toHaveAttribute('data-has-plan', 'yes');
  await expect(planned).toContainText('900');
  await office.context().close();
});

test('a lower red threshold turns a light red with the new threshold in its reason; the history keeps the old one', async ({ browser }) => {
  test.setTimeout(240_000);
  const office = await as(browser, 'dispatch');
  const lead = await as(browser, 'lead');
  const leader = await as(browser, 'leader');
  const admin = await as(browser, 'admin');

  // October (history) and November (this test's period); both may be open already (lights, cycle specs).
  await ensurePeriod(office, '2026-10-01', '2026-10-31', '2026-11-05');
  await ensurePeriod(office, '2026-11-01', '2026-11-30', '2026-12-05');

  // TC2025-004's November report brings its year to 72% of its (frozen) annual plan; its leader approves.
  const path = await openProject(lead, 'TC2025-004');
  const plan = amountOf((await lead.getByTestId('plan-baseline-amount').textContent()) ?? '');
  expect(plan).toBeGreaterThan(0);
  await lead.goto('/reports');
  await lead.getByTestId('report-row-TC2025-004').getByRole('link').first().click();
  const report = lead.getByTestId('report-form');
  await expect(report).toBeVisible();
  const reportUrl = lead.url();
  // The year so far (the demo history's approved reports), as the form shows it with nothing entered.
  await report.getByLabel('本期完成投资（万元）').fill('0');
  const before = amountOf((await lead.getByTestId('live-cumulative').locator('span').nth(1).textContent()) ?? '');
  expect(before).toBeLessThan((plan * 64) / 100);
  const invested = money((plan * 72) / 100 - before);
  await report.getByLabel('本期完成投资（万元）').fill(invested);
  await report.getByLabel('总体完成进度（%）').fill('72');
  await report.getByLabel('形象进度').fill('大坝填筑完成，溢洪道衬砌完成 80%。');
  await lead.getByTestId('submit-report').click();
  await expect(lead.getByTestId('report-status')).toHaveText('已报送');
  await leader.goto(reportUrl);
  await leader.getByTestId('review-approve').click();
  await expect(leader.getByTestId('report-status')).toHaveText('已审核');

  // Lights under the rules as they are: October red (>30 behind), November yellow.
  await computeLights(office, '2026年10月');
  await computeLights(office, '2026年11月');
  await office.goto(path);
  const computed = office.getByTestId('light-computed');
  await expect(computed.locator('[data-light]').first()).toHaveAttribute('data-light', 'yellow');
  await expect(computed.getByTestId('light-reasons')).toContainText(/落后 [\d.]+ 个百分点 \(≥10\) → 黄灯/);

  // The administrator lowers the red threshold from >30 to >20; the office recomputes November.
  await setRedInvestmentThreshold(admin, '30', '20');
  const result = await computeLights(office, '2026年11月');
  await expect(result).toContainText('红灯');

  await office.goto(path);
  await expect(computed.locator('[data-light]').first()).toHaveAttribute('data-light', 'red');
  await expect(computed.getByTestId('light-reasons')).toContainText(/完成率 72\.0%，序时进度 [\d.]+%，落后 [\d.]+ 个百分点 \(>20\) → 红灯/);
  await expect(computed.getByTestId('light-reasons')).not.toContainText('(>30)');
  const history = office.getByTestId('light-history');
  const october = history.locator('tr', { hasText: '2026年10月1日' });
  const november = history.locator('tr', { hasText: '2026年11月1日' });
  await expect(october).toContainText(/落后 [\d.]+ 个百分点 \(>30\) → 红灯/);
  await expect(october).not.toContainText('(>20)');
  await expect(november).toContainText('(>20) → 红灯');
  // Each entry names the rule set version that produced it: November's is newer than October's.
  const version = async (row: Locator) => Number(/v(\d+)\s*$/.exec((await row.locator('td').last().textContent()) ?? '')?.[1]);
  expect(await version(november)).toBeGreaterThan(await version(october));

  // Put the threshold back and recompute November, for the specs that run after this one.
  await setRedInvestmentThreshold(admin, '20', '30');
  await computeLights(office, '2026年11月');
  await office.goto(path);
  await expect(computed.locator('[data-light]').first()).toHaveAttribute('data-light', 'yellow');

  for (const p of [office, lead, leader, admin]) await p.context().close();
});
