#!/usr/bin/env node
// Takes screenshots of pages at desktop and phone width, in Chinese and English, into
// screenshots/ (git-ignored), for looking at what was built.
//   node scripts/screenshots.mjs [baseURL] [user] [path ...]
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:3000', user = 'dispatch', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/projects'];
const password = process.env.SCREENSHOT_PASSWORD ?? 'demo2025';
mkdirSync('screenshots', { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
for (const locale of ['zh-CN', 'en']) {
  for (const [vpName, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.screenshot({ path: `screenshots/login-${vpName}-${locale}.png` });
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    for (const p of pages) {
      await page.goto(`${base}${p}`);
      // Not 'networkidle': the inbox count polls, and the presentation mode refreshes itself.
      await page.waitForLoadState('load');
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(800);
      const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root';
      await page.screenshot({ path: `screenshots/${name}-${vpName}-${locale}.png`, fullPage: !process.env.VIEWPORT_ONLY });
    }
    await context.close();
  }
}
await browser.close();
console.log('screenshots written to screenshots/');
