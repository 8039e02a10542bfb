/**
 * Every route handler and every mutation goes through one of the two wrappers: withRoute
 * (lib/http/route.ts) for the handlers under app/api, createAction (lib/actions/wrapper.ts) for
 * the server actions. The lists are read from the code on disk, so a new handler or action
 * written by hand fails here; the few deliberate exceptions are named, each with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isAction } from '@/lib/actions/wrapper';
import { isRoute } from '@/lib/http/route';

// next-auth does not load outside Next.js (it imports next/server); only the modules' exports matter here.
vi.mock('next-auth', () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => null, signIn: async () => {}, signOut: async () => {}, handlers: {} }));

const ROOT = path.resolve(__dirname, '..');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Route files whose handlers are not withRoute's, and why. */
const ROUTE_EXCEPTIONS: Record<string, string> = {
  'app/api/auth/[...nextauth]/route.ts': "next-auth's own sign-in, callback and sign-out handlers (the session is made there)",
};

/** Exported functions of 'use server' and action modules that are not createAction results, and why. */
const ACTION_EXCEPTIONS: Record<string, string> = {
  'app/(auth)/login/actions.ts#login': 'signs in through next-auth (there is no actor yet); lockout and audit are in lib/auth/login.ts',
  'lib/auth/actions.ts#signOutAction': "next-auth's sign-out; its signOut event revokes the session row",
  'lib/i18n/actions.ts#setLocale': 'remembers the interface language in a cookie; no data changes',
  'lib/notifications/actions.ts#fetchUnreadCount': 'a read (the header badge refreshes itself after client navigation); 0 signed out',
  'lib/reports/actions.ts#deleteReportPhoto':
    'runs the removeReportPhoto action, then removes the files once its transaction committed (deleteReportPhotoAs)',
  'lib/reports/photo-actions.ts#deleteReportPhotoAs': 'the same, for tests and scripts: removeReportPhoto.execute, then the files',
  'lib/reports/period-actions.ts#cancelPeriod':
    "runs the cancelPeriod action, then removes its drafts' photo files once its transaction committed (cancelPeriodAs)",
  'lib/reports/correct-period.ts#cancelPeriodAs': 'the same, for tests and scripts: cancelPeriod.execute, then the files',
  'lib/lights/compute.ts#computeAndStoreLights':
    "the computation the computeLights action runs, on a transaction its caller holds (the action's, the seed's); not an entry point",
  'lib/lights/rule-sets.ts#loadActiveRuleSet': 'a read, re-exported from rule-set-store.ts (takes the executor)',
  'lib/lights/rule-sets.ts#loadRuleSet': 'a read, re-exported from rule-set-store.ts (takes the executor)',
  'lib/lights/rule-sets.ts#listRuleSetVersions': 'a read, re-exported from rule-set-store.ts (takes the executor)',
  'lib/lights/rule-sets.ts#ensureDefaultRuleSet':
    'the active rule set, inserting the built-in default on an empty database (seed, first computation); on the caller’s executor',
  'lib/lights/overrides.ts#overrideApplies': 'a pure test of an override against a project and period (no database)',
  'lib/meetings/meeting-actions.ts#canCreateMeetings':
    'whether the actor may create meetings, for the page to show the button (can() only)',
  'lib/reports/open-period.ts#activeProjectsWhere': 'the SQL condition of the projects a period opens for (a query part, runs nothing)',
  'lib/reports/open-period.ts#periodReportsHref': 'the link to a period’s reports (a string)',
};

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...walk(rel, keep));
    } else if (keep(rel)) out.push(rel);
  }
  return out.sort();
}

const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || /(^|\/)test-(world|helpers)\.ts$/.test(file) || /-support\.ts$/.test(file);
const load = (file: string) => import(/* @vite-ignore */ path.join(ROOT, file)) as Promise<Record<string, unknown>>;

/** The text without its block and line comments (a comment may mention 'use server'). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/[^\n]*/g, '$1');

/** 'use server' as the module's directive: its first statement, after comments. */
function isUseServer(text: string): boolean {
  const body = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^['"]use server['"]/.test(body);
}

describe('route handlers', () => {
  const routeFiles = walk('app/api', (f) => /(^|\/)route\.tsx?$/.test(f));

  it('finds the route files under app/api', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(7);
    for (const file of Object.keys(ROUTE_EXCEPTIONS)) expect(routeFiles, `exception ${file} no longer exists`).toContain(file);
  });

  it('every exported handler (GET, POST, PATCH, PUT, DELETE, ...) is made by withRoute', async () => {
    const offenders: string[] = [];
    let handlers = 0;
    for (const file of routeFiles) {
      if (ROUTE_EXCEPTIONS[file]) continue;
      const mod = await load(file);
      for (const method of HTTP_METHODS) {
        if (!(method in mod)) continue;
        handlers += 1;
        if (!isRoute(mod[method])) offenders.push(`${file}#${method}`);
      }
    }
    expect(offenders, 'route handlers written without withRoute').toEqual([]);
    expect(handlers).toBeGreaterThanOrEqual(6);
  });

  it('next-auth’s route is the one exception, and it only re-exports next-auth’s handlers', () => {
    expect(Object.keys(ROUTE_EXCEPTIONS)).toEqual(['app/api/auth/[...nextauth]/route.ts']);
    const text = source('app/api/auth/[...nextauth]/route.ts');
    expect(text).toMatch(/export const \{ GET, POST \} = handlers;/);
    expect(text).not.toMatch(/export (async )?function/);
  });
});

describe('server actions', () => {
  const code = [...walk('app', (f) => /\.tsx?$/.test(f) && !isTest(f)), ...walk('lib', (f) => /\.tsx?$/.test(f) && !isTest(f))];
  const useServer = code.filter((f) => isUseServer(source(f)));
  // Modules that define actions (lib/reports/edit-report.ts ...) hold no hand-written mutations either.
  const actionModules = code.filter(
    (f) => f.startsWith('lib/') && f !== 'lib/actions/wrapper.ts' && /\bcreateAction\s*\(/.test(source(f)) && !useServer.includes(f),
  );

  it('finds the modules', () => {
    expect(useServer.length).toBeGreaterThanOrEqual(10);
    expect(useServer).toContain('lib/milestones/actions.ts');
    expect(actionModules).toContain('lib/reports/edit-report.ts');
    for (const key of Object.keys(ACTION_EXCEPTIONS)) {
      const [file] = key.split('#');
      expect([...useServer, ...actionModules], `exception ${key}: the module is gone`).toContain(file);
    }
  });

  it("every function a 'use server' module exports is a createAction result (or a named exception)", async () => {
    const offenders: string[] = [];
    const seen = new Set<string>();
    let actions = 0;
    for (const file of useServer) {
      const mod = await load(file);
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== 'function') continue;
        const key = `${file}#${name}`;
        seen.add(key);
        if (isAction(value)) actions += 1;
        else if (!ACTION_EXCEPTIONS[key]) offenders.push(key);
      }
    }
    expect(offenders, "functions in 'use server' modules that are not createAction results").toEqual([]);
    expect(actions).toBeGreaterThanOrEqual(30);
    for (const key of Object.keys(ACTION_EXCEPTIONS)) {
      if (useServer.includes(key.split('#')[0]!)) expect(seen, `exception ${key} is no longer exported`).toContain(key);
    }
  });

  it('the action modules export no function that is not a createAction result (or a named exception)', async () => {
    // Async or not: a plain function returning a promise is a mutation as much as an async one.
    const offenders: string[] = [];
    for (const file of actionModules) {
      const mod = await load(file);
      for (const [name, value] of Object.entries(mod)) {
        const key = `${file}#${name}`;
        if (typeof value === 'function' && !isAction(value) && !ACTION_EXCEPTIONS[key]) offenders.push(key);
      }
    }
    expect(offenders, 'exported functions beside the actions').toEqual([]);
  });

  it("no server action is declared inline: 'use server' appears only as a module's directive", () => {
    // An inline action (a function with 'use server' in its body, in a page or component) is an
    // endpoint the walk above cannot see; every action lives in a 'use server' module instead.
    const offenders: string[] = [];
    for (const file of code) {
      const text = source(file);
      const count = (withoutComments(text).match(/['"]use server['"]/g) ?? []).length;
      if (count > (isUseServer(text) ? 1 : 0)) offenders.push(file);
    }
    expect(offenders, "files with an inline 'use server'").toEqual([]);
  });

  it('the inline check can fail: it finds a directive inside a function body', () => {
    const inline = "export default function Page() {\n  async function save() {\n    'use server';\n  }\n}\n";
    expect(isUseServer(inline)).toBe(false);
    expect((withoutComments(inline).match(/['"]use server['"]/g) ?? []).length).toBe(1);
    expect(withoutComments("/* no 'use server' here */\n// nor 'use server'\nexport {};\n")).not.toMatch(/use server/);
  });
});
