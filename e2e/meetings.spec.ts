import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { storageState, type RoleKey } from './users';

// The dispatch meeting (调度会) from the office's side: create it, review the proposed agenda
// (reorder, remove, add), freeze the status table, hold it, record a decision that assigns a
// problem, publish the minutes and download every export; the next meeting's proposed agenda
// carries the open problem. The frozen table does not change when the data does.

test.describe.configure({ mode: 'serial' });

async function as(browser: Browser, role: RoleKey): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState(role) });
  return ctx.newPage();
}

async function createMeeting(page: Page, title: string, date: string): Promise<number> {
  await page.goto('/meetings');
  await page.getByTestId('meeting-create').click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('会议名称').fill(title);
  await form.getByLabel('会议日期').fill(date);
  await form.getByLabel('主持领导').selectOption({ index: 1 });
  await form.getByTestId('participants').getByRole('checkbox').first().check();
  await form.getByTestId('units').getByRole('checkbox').first().check();
  await page.getByTestId('meeting-submit').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(title);
  await expect(page.getByTestId('meeting-status')).toHaveText('筹备中');
  return Number(/\/meetings\/(\d+)/.exec(page.url())![1]);
}

async function agendaIds(page: Page): Promise<string[]> {
  return page.getByTestId('agenda-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
}

/** Downloads an export by clicking its link; returns the file's name and bytes. */
async function download(page: Page, testId: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path!) };
}

test('the office prepares, holds and publishes a meeting; the next one carries the open problem', async ({ browser }) => {
  test.setTimeout(240_000);
  const office = await as(browser, 'dispatch');
  const stamp = Date.now().toString(36);
  const title = `E2E调度会${stamp}`;
  const id = await createMeeting(office, title, '2026-12-01');

  // The proposed agenda: computed from the data (the demo set has overdue problems and slipping milestones).
  await office.getByTestId('meeting-propose').click();
  await expect(office.getByTestId('meeting-feedback-notice')).toContainText('项建议议题');
  await expect(office.getByTestId('agenda-item').first()).toBeVisible();
  // One item per project, listing its reasons: an overdue problem is a reason inside its project's item.
  const overdueReason = office.locator('[data-testid="agenda-item"] [data-testid="agenda-reason"][data-kind="overdue_problem"]').first();
  await expect(overdueReason).toBeVisible();
  await expect(overdueReason).toContainText('逾期问题：');
  await expect(overdueReason).toContainText('逾期');
  const proposedTitles = await office
    .locator('[data-testid="agenda-item"]:not([data-kind="custom"]) [data-testid="agenda-item-title"]')
    .allTextContents();
  expect(new Set(proposedTitles).size).toBe(proposedTitles.length);

  // Reorder: the first item moves down one place.
  const before = await agendaIds(office);
  expect(before.length).toBeGreaterThan(2);
  await office.getByTestId('agenda-item').first().getByTestId('agenda-down').click();
  await expect.poll(() => agendaIds(office)).toEqual([before[1], before[0], ...before.slice(2)]);
  // Remove the last item.
  await office.getByTestId('agenda-item').last().getByTestId('agenda-remove').click();
  await expect.poll(async () => (await agendaIds(office)).length).toBe(before.length - 1);
  // Add an item of the office's own, about a project.
  await office.getByTestId('agenda-add-title').fill('S317 裕民—托里公路通车准备');
  await office.getByTestId('agenda-add-project').selectOption({ index: 1 });
  await office.getByTestId('agenda-add-submit').click();
  const custom = office.locator('[data-testid="agenda-item"][data-kind="custom"]');
  await expect(custom).toHaveCount(1);
  await expect(custom).toContainText('S317 裕民—托里公路通车准备');

  // Freeze the status table (confirmed), then hold the meeting.
  await office.getByTestId('meeting-freeze').click();
  await office.getByTestId('meeting-confirm-yes').click();
  await expect(office.getByTestId('meeting-feedback-notice')).toContainText('调度表已冻结');
  await expect(office.getByTestId('meeting-frozen-info')).toBeVisible();
  // The frozen table, before anything else happens.
  const csvBefore = await download(office, 'export-status-table.csv');
  await office.getByTestId('meeting-hold').click();
  await expect(office.getByTestId('meeting-status')).toHaveText('已召开');

  // A decision on the office's item that assigns a problem (交办).
  await custom.getByTestId('agenda-decide').click();
  const form = custom.getByTestId('decision-form');
  await form.getByTestId('decision-text').fill('责成交通运输局于年底前完成通车验收准备。');
  await form.getByTestId('decision-assign').check();
  await form.getByTestId('decision-problem-description').fill(`通车验收准备 ${stamp}`);
  await form.getByTestId('decision-problem-deadline').fill('2027-01-31');
  await form.getByTestId('decision-problem-unit').selectOption({ index: 1 });
  await form.getByTestId('decision-problem-leader').selectOption({ index: 1 });
  await form.getByTestId('decision-save').click();
  const assigned = custom.getByTestId('agenda-decision-problem');
  await expect(assigned).toContainText('已交办');
  const problemHref = await assigned.getByRole('link').getAttribute('href');
  const problemId = Number(/\/problems\/(\d+)/.exec(problemHref ?? '')![1]);
  expect(problemId).toBeGreaterThan(0);

  // The problem is on the problem list, as assigned (已交办).
  await office.goto(`/problems/${problemId}`);
  await expect(office.getByTestId('problem-description-text')).toHaveText(`通车验收准备 ${stamp}`);
  await expect(office.getByTestId('problem-status')).toHaveText('已交办');

  // Publish the minutes (confirmed).
  await office.goto(`/meetings/${id}`);
  await office.getByTestId('meeting-publish').click();
  await office.getByTestId('meeting-confirm-yes').click();
  await expect(office.getByTestId('meeting-status')).toHaveText('纪要已发布');
  await expect(office.getByTestId('meeting-published-info')).toBeVisible();
  await expect(office.getByTestId('meeting-propose')).toHaveCount(0);

  // Every export: the right type and name, not empty, with the meeting's content. The deployment
  // holds the demo set, so each name says 示例数据 (lib/demo/marker.ts).
  const marked = `${title}（示例数据）`;
  const exportsMeta = [
    { testId: 'export-status-table.xlsx', file: 'status-table.xlsx', type: 'spreadsheetml.sheet', name: `${marked}-调度表.xlsx` },
    { testId: 'export-status-table.csv', file: 'status-table.csv', type: 'text/csv', name: `${marked}-调度表.csv` },
    { testId: 'export-minutes.docx', file: 'minutes.docx', type: 'wordprocessingml.document', name: `${marked}-会议纪要.docx` },
  ];
  for (const x of exportsMeta) {
    const res = await office.request.get(`/api/exports/meetings/${id}/${x.file}`);
    expect(res.status(), x.file).toBe(200);
    expect(res.headers()['content-type']).toContain(x.type);
    const got = await download(office, x.testId);
    expect(got.name).toBe(x.name);
    expect(got.bytes.length).toBeGreaterThan(200);
    if (x.file.endsWith('x')) expect(got.bytes.subarray(0, 2).toString()).toBe('PK');
  }
  // The CSV is the frozen table: it names the meeting and the projects, and is byte for byte
  // what it was at freezing, although a problem was assigned since.
  const csvAfter = await download(office, 'export-status-table.csv');
  const csvText = csvAfter.bytes.toString('utf8');
  expect(csvText).toContain('项目名称');
  expect(csvText).toContain('S317');
  expect(csvText).not.toContain(`通车验收准备 ${stamp}`);
  expect(csvAfter.bytes.equals(csvBefore.bytes)).toBe(true);
  // The print views open.
  const print = await office.request.get(`/meetings/${id}/print/minutes`);
  expect(print.status()).toBe(200);
  expect(await print.text()).toContain('责成交通运输局于年底前完成通车验收准备');

  // The next meeting's proposed agenda carries the open problem from this one.
  await createMeeting(office, `${title}-下次`, '2026-12-15');
  await office.getByTestId('meeting-propose').click();
  // It is a reason inside its project's item (the project has one item), not an item of its own.
  const carried = office.locator('[data-testid="agenda-reason"][data-kind="carried_over"]').filter({ hasText: `通车验收准备 ${stamp}` });
  await expect(carried).toHaveCount(1);
  await expect(carried).toContainText('上次遗留：');
  const nextTitles = await office
    .locator('[data-testid="agenda-item"]:not([data-kind="custom"]) [data-testid="agenda-item-title"]')
    .allTextContents();
  expect(new Set(nextTitles).size).toBe(nextTitles.length);
  await expect(carried).toContainText(`“${title}”`);
  await expect(carried.getByRole('link', { name: `#${problemId}` })).toBeVisible();
  // And the changes since that meeting are shown once frozen.
  await office.getByTestId('meeting-freeze').click();
  await office.getByTestId('meeting-confirm-yes').click();
  await expect(office.getByTestId('changes')).toContainText(`与“${title}”`);
  await expect(office.getByTestId('changes-opened').locator('dd')).toHaveText('1');
});

test('a viewer reads meetings but runs nothing; a county user reads only their county’s part', async ({ browser }) => {
  const viewer = await as(browser, 'viewer');
  await viewer.goto('/meetings');
  await expect(viewer.getByTestId('meeting-create')).toHaveCount(0);
  await viewer.getByTestId('meetings-table').getByRole('link').first().click();
  await expect(viewer.getByTestId('meeting-title')).toBeVisible();
  await expect(viewer.getByTestId('meeting-steps')).toHaveCount(0);
  await expect(viewer.getByTestId('agenda-up')).toHaveCount(0);

  const county = await as(browser, 'county');
  await county.goto('/meetings');
  await county.getByTestId('meetings-table').getByRole('link').first().click();
  await county.waitForURL(/\/meetings\/\d+$/);
  await expect(county.getByTestId('meeting-title')).toBeVisible();
  const id = Number(/\/meetings\/(\d+)/.exec(county.url())![1]);
  await expect(county.getByTestId('meeting-steps')).toHaveCount(0);
  const [all, own] = await Promise.all([
    viewer.request.get(`/api/exports/meetings/${id}/status-table.csv`).then((r) => r.text()),
    county.request.get(`/api/exports/meetings/${id}/status-table.csv`).then((r) => r.text()),
  ]);
  // The prefecture viewer gets every county's projects; the 额敏县 user only 额敏县's.
  expect(all).toContain('额敏140万千瓦抽水蓄能项目');
  expect(all).toContain('S350托里—克拉玛依公路');
  expect(own).toContain('额敏140万千瓦抽水蓄能项目');
  expect(own).not.toContain('S350托里—克拉玛依公路');
  expect(own.split('\n').length).toBeLessThan(all.split('\n').length);
});
