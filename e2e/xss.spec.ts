import { expect, type Page, test } from '@playwright/test';
import { storageState } from './users';

// Stored XSS sweep: text that would run as script if any page rendered it as markup is saved
// into a project's name, a milestone note, a problem and a meeting title through the forms, and
// every page that shows user text is opened (as the office, and the project's views as a lead
// and a viewer). No dialog may open, and the payload must appear as the literal text it is.

const PAYLOAD = `<img src=x onerror=alert(1)>"><script>alert(2)</script><svg onload=alert(3)>'-alert(4)-'`;

test.describe.configure({ mode: 'serial' });
test.use({ storageState: storageState('dispatch') });

let projectPath = '';
let meetingPath = '';
let problemPath = '';

function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (d) => {
    opened.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  return opened;
}

test('the payload is stored through the forms, as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto('/projects?q=TC2025-010');
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toContainText('TC2025-010');
  projectPath = new URL(page.url()).pathname;

  // The project's name.
  await page.getByTestId('edit-project').click();
  const form = page.getByTestId('project-form');
  await form.locator('#name').fill(`风电项目 ${PAYLOAD}`);
  await page.getByTestId('project-submit').click();
  await expect(page.getByTestId('project-name')).toContainText(PAYLOAD);

  // A milestone note.
  await page.locator('[data-testid^="edit-milestone-"]').first().click();
  await page.getByTestId('milestone-form').getByLabel('备注').fill(PAYLOAD);
  await page.getByTestId('milestone-submit').click();
  await expect(page.getByTestId('history-list')).toContainText(PAYLOAD);

  // A problem raised on the project.
  await page.goto(`/problems/new?projectId=${projectPath.split('/').pop()}`);
  const problem = page.getByTestId('problem-form');
  await problem.getByTestId('problem-description').fill(`征地问题 ${PAYLOAD}`);
  await problem.locator('#type').selectOption('land');
  await problem.locator('#deadline').fill('2027-03-31');
  await page.getByTestId('problem-submit').click();
  // Back on the project, which names the problem raised (as text) and leads to it.
  await expect(page.getByTestId('saved-notice')).toContainText('已提交问题：征地问题');
  await page.getByTestId('saved-problem-link').click();
  await expect(page.getByTestId('problem-description-text')).toContainText(PAYLOAD);
  problemPath = new URL(page.url()).pathname;

  // A meeting's title.
  await page.goto('/meetings');
  await page.getByTestId('meeting-create').click();
  const meeting = page.getByTestId('meeting-form');
  await meeting.getByLabel('会议名称').fill(`调度会 ${PAYLOAD}`);
  await meeting.getByLabel('会议日期').fill('2027-01-15');
  await meeting.getByLabel('主持领导').selectOption({ index: 1 });
  await meeting.getByTestId('participants').getByRole('checkbox').first().check();
  await meeting.getByTestId('units').getByRole('checkbox').first().check();
  await page.getByTestId('meeting-submit').click();
  await expect(page.getByTestId('meeting-title')).toContainText(PAYLOAD);
  meetingPath = new URL(page.url()).pathname;

  expect(dialogs).toEqual([]);
});

test('no page that shows user text runs it', async ({ page, browser }) => {
  // Some thirty page loads, each waited on: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  expect(projectPath && problemPath && meetingPath).toBeTruthy();
  const pages = [
    '/dashboard',
    '/dashboard/screen',
    '/projects',
    `/projects?q=${encodeURIComponent(PAYLOAD)}`,
    projectPath,
    `${projectPath}/plan`,
    '/problems',
    problemPath,
    '/meetings',
    meetingPath,
    `${meetingPath}/print/table`,
    `${meetingPath}/print/minutes`,
    '/reports',
    '/lights',
    '/inbox',
  ];
  const dialogs = watchDialogs(page);
  for (const path of pages) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(400);
    await page.waitForTimeout(400);
  }
  for (const role of ['lead', 'viewer', 'leader'] as const) {
    const ctx = await browser.newContext({ storageState: storageState(role) });
    const other = await ctx.newPage();
    const theirs = watchDialogs(other);
    for (const path of ['/dashboard', '/projects', projectPath, '/problems', problemPath, '/inbox']) {
      await other.goto(path);
      await other.waitForTimeout(400);
    }
    dialogs.push(...theirs);
    await ctx.close();
  }
  expect(dialogs).toEqual([]);
  // Shown as the text it is.
  await page.goto(projectPath);
  await expect(page.getByTestId('project-name')).toContainText(PAYLOAD);
  await page.goto(problemPath);
  await expect(page.getByTestId('problem-description-text')).toContainText(PAYLOAD);
  await page.goto(meetingPath);
  await expect(page.getByTestId('meeting-title')).toContainText(PAYLOAD);
});
