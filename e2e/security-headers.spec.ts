import { type Browser, expect, type Page, type Response, test } from '@playwright/test';
import { DEMO_PASSWORD, storageState, type RoleKey } from './users';

// The browser-facing edge (proxy.ts, next.config.ts, lib/http/security-headers.ts):
// 1. the sign-in page and one page per area carry the security headers, with a nonce CSP under
//    which every page (the dashboard's ECharts included) renders without a single violation;
// 2. the API answers with nosniff and its own default-src 'none' policy;
// 3. a sign-in with a hostile callbackUrl stays on the site;
// 4. a server action from another site is 403, a page the actor may not open is 403.

/** Collects CSP violations (the DOM event and Chromium's "Refused to …" console lines). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Refused to|Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.exposeFunction('__reportCsp', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} on ${location.pathname} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return violations;
}

async function as(browser: Browser, role: RoleKey | null): Promise<{ page: Page; violations: string[] }> {
  const ctx = await browser.newContext(role ? { storageState: storageState(role) } : {});
  const page = await ctx.newPage();
  return { page, violations: await watchCsp(page) };
}

function directives(res: Response): Map<string, string> {
  const csp = res.headers()['content-security-policy'] ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/, 1)[0]!, d] as const),
  );
}

async function expectPageHeaders(res: Response | null, url: string): Promise<void> {
  expect(res, url).not.toBeNull();
  const h = res!.headers();
  expect(h['x-content-type-options'], url).toBe('nosniff');
  expect(h['x-frame-options'], url).toBe('DENY');
  expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], url).toContain('camera=(self)');
  expect(h['permissions-policy'], url).toContain('geolocation=(self)');
  const csp = directives(res!);
  expect(csp.get('script-src'), url).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  expect(csp.get('frame-ancestors'), url).toBe("frame-ancestors 'none'");
  expect(csp.get('object-src'), url).toBe("object-src 'none'");
  expect(csp.get('base-uri'), url).toBe("base-uri 'self'");
  // Plain HTTP here: no HSTS.
  expect(h['strict-transport-security'], url).toBeUndefined();
  // The nonce of the header is the one on the page's scripts.
  const nonce = /'nonce-([^']+)'/.exec(csp.get('script-src')!)![1];
  expect(await res!.text(), url).toContain(`nonce="${nonce}"`);
}

test('the sign-in page: headers, no CSP violation, and it refuses to be framed', async ({ browser }) => {
  const { page, violations } = await as(browser, null);
  const res = await page.goto('/login');
  await expectPageHeaders(res, '/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  // A foreign page framing the sign-in page gets nothing (frame-ancestors 'none').
  const framed = await browser.newPage();
  await framed.route('http://framing.example/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<iframe id="f" src="${new URL('/login', page.url()).href}"></iframe>` }),
  );
  await framed.goto('http://framing.example/');
  await framed.waitForLoadState('load'); // the parent's load waits for its frame, refused or not
  const inner = framed.frames().find((f) => f.url().includes('/login'));
  expect(inner ? await inner.locator('button').count() : 0).toBe(0);
  await framed.close();
  expect(violations).toEqual([]);
  await page.context().close();
});

const AREAS: { role: RoleKey; url: string; ready: (page: Page) => Promise<void>; noNav?: true }[] = [
  {
    role: 'dispatch',
    url: '/dashboard',
    // The charts: SVG drawn on the server (with its own <style>), listening for clicks once the page runs.
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: '领导驾驶舱' })).toBeVisible();
      await expect(page.getByTestId('echart-investment-trend').locator('svg').filter({ visible: true })).toBeVisible();
      await expect(page.getByTestId('echart-investment-trend')).toHaveAttribute('data-ready', 'true');
    },
  },
  {
    role: 'leader',
    url: '/dashboard/screen',
    noNav: true,
    ready: async (page) => {
      await expect(page.getByTestId('echart-investment-trend').locator('svg').filter({ visible: true })).toBeVisible();
      await expect(page.getByTestId('echart-investment-trend')).toHaveAttribute('data-ready', 'true');
    },
  },
  { role: 'dispatch', url: '/projects', ready: (page) => expect(page.getByTestId('registry-table')).toBeVisible() },
  { role: 'lead', url: '/inbox', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { role: 'lead', url: '/reports', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { role: 'viewer', url: '/problems', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { role: 'dispatch', url: '/lights', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { role: 'dispatch', url: '/meetings', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { role: 'admin', url: '/admin/users', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { role: 'admin', url: '/admin/rules', ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
];

for (const area of AREAS) {
  test(`${area.url} as ${area.role}: headers, it renders and works, no CSP violation`, async ({ browser }) => {
    const { page, violations } = await as(browser, area.role);
    const res = await page.goto(area.url);
    expect(res?.status()).toBe(200);
    await expectPageHeaders(res, area.url);
    await area.ready(page);
    if (!area.noNav) {
      // Client navigation (RSC requests through the proxy) keeps working under the policy.
      await page.getByRole('banner').getByRole('link', { name: '项目库' }).click();
      await expect(page).toHaveURL(/\/projects/);
      await expect(page.getByTestId('registry-table')).toBeVisible();
    }
    expect(violations).toEqual([]);
    await page.context().close();
  });
}

test('a project page and a print view render under the policy', async ({ browser }) => {
  const { page, violations } = await as(browser, 'dispatch');
  await page.goto('/projects');
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toBeVisible();
  // A meeting of its own (the demo set has none), so the print view is always there to check.
  await page.goto('/meetings');
  await page.getByTestId('meeting-create').click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('会议名称').fill(`安全策略检查 ${Date.now()}`);
  await form.getByLabel('会议日期').fill('2027-02-10');
  await form.getByLabel('主持领导').selectOption({ index: 1 });
  await form.getByTestId('participants').getByRole('checkbox').first().check();
  await form.getByTestId('units').getByRole('checkbox').first().check();
  await page.getByTestId('meeting-submit').click();
  await expect(page.getByTestId('meeting-title')).toBeVisible();
  const meeting = new URL(page.url()).pathname;
  expect(meeting).toMatch(/^\/meetings\/\d+$/);
  const res = await page.goto(`${meeting}/print/table`);
  expect(res?.status()).toBe(200);
  await expectPageHeaders(res, `${meeting}/print/table`);
  expect(violations).toEqual([]);
  await page.context().close();
});

test('the API: nosniff and its own policy, no page nonce', async ({ request }) => {
  const res = await request.get('/api/health');
  const h = res.headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(h['cache-control']).toBe('no-store');
});

test('a hostile callbackUrl after sign-in stays on the site', async ({ browser }) => {
  for (const cb of ['%2F%09%2Fevil.example%2Fc', '%2F.%2F%2Fevil.example%2Fi', '%2F%5Cevil.example', 'https%3A%2F%2Fevil.example%2F']) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const res = await page.goto(`/login?callbackUrl=${cb}`);
    expect(res?.status(), cb).toBe(200);
    await page.getByLabel('用户名').fill('viewer');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    expect(new URL(page.url()).host, cb).toBe(new URL(res!.url()).host);
    await ctx.close();
  }
  // A same-site destination is kept.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto('/projects?page=2');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprojects%3Fpage%3D2/);
  await page.getByLabel('用户名').fill('viewer');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/projects\?page=2$/);
  await ctx.close();
});

test('a server action from another site is 403, a malformed one 400, both with a message', async ({ request }) => {
  const cross = await request.post('/login', {
    headers: { origin: 'https://evil.example', 'next-action': '0123456789abcdef', 'content-type': 'text/plain' },
    data: '[]',
  });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).message).toBe('此请求并非来自本系统的页面，已被拒绝。请在本系统中打开页面后重试。');
  const base = new URL(cross.url()).origin;
  const garbage = await request.post('/login', {
    headers: { origin: base, 'next-action': '0123456789abcdef', 'content-type': 'text/plain' },
    data: 'garbage{{',
  });
  expect(garbage.status()).toBe(400);
  expect((await garbage.json()).code).toBe('INVALID');
});

test('a page the actor may not open is 403 with its message and a way back; an unknown record stays 404', async ({ browser }) => {
  const { page, violations } = await as(browser, 'viewer');
  const res = await page.goto('/projects/new');
  expect(res?.status()).toBe(403);
  await expectPageHeaders(res, '/projects/new');
  await expect(page.getByTestId('forbidden')).toContainText('只有调度办和管理员可以新建或编辑项目。');
  await page.getByTestId('forbidden').getByRole('link', { name: '返回' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  const missing = await page.goto('/projects/999999/edit');
  expect(missing?.status()).toBe(404);
  expect(violations).toEqual([]);
  await page.context().close();
});
