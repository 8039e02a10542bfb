import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// Debian's Chromium (npx playwright install cannot download on these machines).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const launchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './e2e',
  // E2E_DATA_DIR / E2E_OUTPUT_DIR / E2E_AUTH_DIR / E2E_PORT let two runs share a checkout.
  outputDir: process.env.E2E_OUTPUT_DIR ?? './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], locale: 'zh-CN', launchOptions },
      dependencies: ['setup'],
      testIgnore: /year-rollover\.spec\.ts/,
    },
    // The rollover of 2025 into 2026 makes 2026's list, which every later count would follow: it runs
    // last. E2E_ROLLOVER_ALONE=1 runs it right after the sign-ins (for a run of this spec alone).
    {
      name: 'rollover',
      use: { ...devices['Desktop Chrome'], locale: 'zh-CN', launchOptions },
      dependencies: process.env.E2E_ROLLOVER_ALONE ? ['setup'] : ['chromium'],
      testMatch: /year-rollover\.spec\.ts/,
    },
  ],
  webServer: {
    // The production build (scripts/test.sh builds it first), on a fresh embedded database.
    command: `node scripts/app.mjs --skip-build --fresh-data --port ${PORT}`,
    url: `${baseURL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PGLITE_DATA_DIR: process.env.E2E_DATA_DIR ?? path.join(process.cwd(), '.data', 'e2e-pglite'),
      DATABASE_URL: '',
      SEED_DEMO: '1',
      AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      AUTH_TRUST_HOST: 'true',
      // Each role signs in once (auth.setup.ts) and its session must outlast a long run; the
      // idle timeout itself is tested in lib/auth/session-lookup.test.ts.
      IDLE_TIMEOUT_MINUTES: '480',
    },
  },
});
