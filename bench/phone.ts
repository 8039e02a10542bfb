/**
 * Weight on a slow phone: what a cold page load costs a user at a remote site.
 *
 * Debian's Chromium, driven by Playwright, loads each page with an empty cache under the
 * emulation the field reports describe (Chrome DevTools Protocol): 150 ms latency, 1.6 Mbit/s
 * down, 750 kbit/s up, 4× CPU slowdown, a 390 × 844 phone screen. Per page it records
 *
 *   - visible: navigation start → the page's main content is on screen;
 *   - interactive: → React has hydrated the page (`<html data-hydrated>`, app/_components/hydration-marker.tsx);
 *   - charts: → every chart on the page is drawn (data-rendered: server-drawn SVG, in the HTML);
 *   - bytes on the wire (compressed, as sent) in all and of JavaScript alone,
 *
 * the median of --runs loads, against the budgets: the report form and the project page ≤ 150 KB
 * of compressed JavaScript, the dashboard ≤ 250 KB with its charts drawn within 4 s.
 *
 * The app is the production build (`next build` first; `npm run bench` does it) on a fresh
 * embedded database with the demo data set, signed in as the demo users.
 *
 *   npx tsx bench/phone.ts [--runs 3] [--port 3400] [--no-docs]
 *
 * `npm run bench` runs it last and writes the result into docs/benchmarks.md ("bench:phone").
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { killRunningApp, startApp } from './app-server';
import { freePort } from './common';
import { signIn } from './sign-in';
import { budgetVerdict, median, PHONE, type PageBudget } from './phone-budget';
import { buildFloor, startFloor, stopFloor, type FloorServer } from './floor-server';
import { FLOOR_TARGET, TARGETS, toCookies, type Target } from './phone-targets';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(ROOT, 'bench', '.data');
const DOCS = path.join(ROOT, 'docs', 'benchmarks.md');
const DEMO_PASSWORD = 'demo2025';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number of at least 1`);
  return v;
};
const OPTS = { runs: option('--runs', 3), port: argv.includes('--port') ? option('--port', 3400) : 0, docs: !argv.includes('--no-docs') };
const log = (msg: string) => console.log(`[phone] ${msg}`);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killRunningApp();
    process.exit(130);
  });
}

interface Load {
  visibleMs: number;
  interactiveMs: number;
  chartsMs: number | null;
  bytes: number;
  jsBytes: number;
  requests: number;
}

/** One cold load of `url` under the phone emulation. */
async function load(context: BrowserContext, url: string, t: Target): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downBytesPerS,
    uploadThroughput: PHONE.upBytesPerS,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  const types = new Map<string, string>();
  let bytes = 0;
  let jsBytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    requests++;
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(t.content).first().waitFor({ state: 'visible', timeout: 120_000 });
  const visibleMs = Date.now() - t0;
  // The floor app has no client component to hydrate: its page is interactive once loaded.
  if (t.hydrates === false) await page.waitForLoadState('load', { timeout: 120_000 });
  else await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 120_000 });
  const interactiveMs = Date.now() - t0;
  let chartsMs: number | null = null;
  if (t.charts) {
    await page.waitForFunction(
      () => {
        const charts = [...document.querySelectorAll('[data-rendered]')];
        return charts.length > 0 && charts.every((c) => c.getAttribute('data-rendered') === 'true');
      },
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    chartsMs = Date.now() - t0;
  }
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await page.close();
  return { visibleMs, interactiveMs, chartsMs, bytes, jsBytes, requests };
}

interface Result extends PageBudget {
  user: string;
  path: string;
  visibleS: number;
  interactiveS: number;
  chartsS: number | null;
  kb: number;
  jsKb: number;
  requests: number;
  verdict: string;
}

/** The median of --runs cold loads of one page, judged against its budgets. */
async function measurePage(browser: Browser, base: string, pagePath: string, t: Target, cookie: string | null): Promise<Result> {
  const loads: Load[] = [];
  for (let i = 0; i < OPTS.runs; i++) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    if (cookie) await context.addCookies(toCookies(cookie, base));
    loads.push(await load(context, `${base}${pagePath}`, t));
    await context.close();
  }
  const charts = loads.map((l) => l.chartsMs).filter((v): v is number => v !== null);
  const r: Result = {
    id: t.id,
    label: t.label,
    jsBudgetKb: t.jsBudgetKb,
    chartsBudgetS: t.chartsBudgetS,
    user: t.user,
    path: pagePath,
    visibleS: median(loads.map((l) => l.visibleMs)) / 1000,
    interactiveS: median(loads.map((l) => l.interactiveMs)) / 1000,
    chartsS: charts.length ? median(charts) / 1000 : null,
    kb: median(loads.map((l) => l.bytes)) / 1024,
    jsKb: median(loads.map((l) => l.jsBytes)) / 1024,
    requests: median(loads.map((l) => l.requests)),
    verdict: '',
  };
  r.verdict = budgetVerdict(r);
  log(
    `${t.label}: visible ${r.visibleS.toFixed(1)} s, interactive ${r.interactiveS.toFixed(1)} s, ${r.jsKb.toFixed(0)} KB JS of ${r.kb.toFixed(0)} KB ${r.verdict}`,
  );
  return r;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID')))
    throw new Error('there is no production build in .next/: run `npx next build` first');
  const dir = path.join(DATA_DIR, 'phone-pglite');
  mkdirSync(DATA_DIR, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  const server = await startApp(
    OPTS.port || (await freePort(3400)),
    {
      PGLITE_DATA_DIR: dir,
      DATABASE_URL: undefined,
      SEED_DEMO: '1',
      ESCALATION_JOB: 'off',
      AUTH_SECRET: 'bench-phone-secret-0123456789abcdef',
    },
    { args: ['--fresh-data'], log },
  );
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const results: Result[] = [];
  let browser: Browser | undefined;
  let floor: FloorServer | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    const cookies = new Map<string, string>();
    const cookieOf = async (user: string) => {
      if (!cookies.has(user)) cookies.set(user, await signIn(server.base, user, DEMO_PASSWORD));
      return cookies.get(user)!;
    };
    for (const t of TARGETS) {
      const cookie = await cookieOf(t.user);
      const pagePath = typeof t.path === 'string' ? t.path : await t.path({ base: server.base, cookie, browser, cookieOf });
      results.push(await measurePage(browser, server.base, pagePath, t, cookie));
    }
    // What every App Router page sends: the floor app (no session, no client component).
    buildFloor(true, log);
    floor = await startFloor();
    results.push(await measurePage(browser, floor.url.replace(/\/$/, ''), '/', FLOOR_TARGET, null));
  } finally {
    await browser?.close();
    await server.stop();
    if (floor) stopFloor(floor);
  }
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const text = section(results, when);
  console.log(`\n${text}`);
  writeFileSync(path.join(DATA_DIR, 'results-phone.json'), JSON.stringify({ when, options: OPTS, phone: PHONE, results }, null, 2));
  if (OPTS.docs) writeDocs(text);
}

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));

function section(results: Result[], when: string): string {
  const rows = results.map(
    (r) =>
      `| ${r.label} | \`${r.path}\` | ${fmt(r.visibleS)} | ${fmt(r.interactiveS)} | ${fmt(r.chartsS)} | ${fmt(r.kb, 0)} | ${fmt(r.jsKb, 0)} | ${r.requests} | ${r.verdict} |`,
  );
  return [
    `### On a slow phone (${when})`,
    '',
    `Cold cache, ${PHONE.latencyMs} ms latency, ${(PHONE.downBytesPerS * 8) / 1e6} Mbit/s down, ${(PHONE.upBytesPerS * 8) / 1e3} kbit/s up, ${PHONE.cpuSlowdown}× CPU slowdown, 390 × 844; the median of ${OPTS.runs} loads per page (bench/phone.ts). Seconds from navigation start; KB as sent on the wire (compressed). Budgets: JavaScript ≤ 150 KB for the report form and the project page, ≤ 250 KB for the dashboard, its charts drawn within 4 s.`,
    '',
    '| page | path | visible s | interactive s | charts drawn s | KB | JS KB | requests | budget |',
    '| ---- | ---- | --------: | ------------: | -------------: | -: | ----: | -------: | ------ |',
    ...rows,
  ].join('\n');
}

function writeDocs(text: string): void {
  const start = '<!-- bench:phone:start -->';
  const end = '<!-- bench:phone:end -->';
  let doc = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  const block = `${start}\n${text}\n${end}`;
  doc =
    a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + end.length) : `${doc.trimEnd()}\n\n## Weight on a slow phone\n\n${block}\n`;
  writeFileSync(DOCS, doc);
  log(`wrote ${path.relative(ROOT, DOCS)}`);
}

await main();
process.exit(0);
