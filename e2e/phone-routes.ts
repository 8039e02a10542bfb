import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The signed-in pages, read from the app directory (app/(app)/**\/page.tsx), so a new page is
 * checked without anyone remembering to add it: a route pattern such as `/projects/[id]/edit`.
 */
export function appRoutes(root = path.join(process.cwd(), 'app', '(app)')): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Private folders (_components) hold no routes; route groups add no segment.
        if (entry.name.startsWith('_')) continue;
        const group = entry.name.startsWith('(') && entry.name.endsWith(')');
        walk(path.join(dir, entry.name), group ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        found.push(`/${segments.join('/')}`);
      }
    }
  };
  walk(root, []);
  return found.sort();
}

/** The ids a role's sample URLs need, read from the running (demo-seeded) app. */
export type SampleIds = {
  project: string;
  milestone: string;
  report: string;
  problem: string;
  meeting: string;
  user: string;
};

/** A sample URL for every route pattern; a pattern missing here fails the spec. */
export const SAMPLE_URLS: Record<string, (ids: SampleIds) => string> = {
  '/admin/reference': () => '/admin/reference',
  '/admin/rules': () => '/admin/rules',
  '/admin/users': () => '/admin/users',
  '/admin/users/[id]': (ids) => `/admin/users/${ids.user}`,
  '/admin/users/new': () => '/admin/users/new',
  '/dashboard': () => '/dashboard',
  '/dashboard/targets': () => '/dashboard/targets',
  '/inbox': () => '/inbox',
  '/lights': () => '/lights',
  '/lights/plans': () => '/lights/plans',
  '/lights/years': () => '/lights/years',
  '/meetings': () => '/meetings',
  '/meetings/[id]': (ids) => `/meetings/${ids.meeting}`,
  '/meetings/[id]/edit': (ids) => `/meetings/${ids.meeting}/edit`,
  '/meetings/new': () => '/meetings/new',
  '/problems': () => '/problems',
  '/problems/[id]': (ids) => `/problems/${ids.problem}`,
  '/problems/[id]/edit': (ids) => `/problems/${ids.problem}/edit`,
  '/problems/new': () => '/problems/new',
  '/procedures': () => '/procedures',
  '/projects': () => '/projects',
  '/projects/[id]': (ids) => `/projects/${ids.project}`,
  '/projects/[id]/edit': (ids) => `/projects/${ids.project}/edit`,
  '/projects/[id]/procedures': (ids) => `/projects/${ids.project}/procedures`,
  '/projects/[id]/milestones/[milestoneId]/edit': (ids) => `/projects/${ids.project}/milestones/${ids.milestone}/edit`,
  '/projects/[id]/plan': (ids) => `/projects/${ids.project}/plan`,
  '/projects/new': () => '/projects/new',
  '/reports': () => '/reports',
  '/reports/[id]': (ids) => `/reports/${ids.report}`,
};

/** Route patterns without a sample URL, and sample URLs whose page no longer exists. */
export function sampleGaps(routes: string[]): { missing: string[]; stale: string[] } {
  return {
    missing: routes.filter((r) => !(r in SAMPLE_URLS)),
    stale: Object.keys(SAMPLE_URLS).filter((r) => !routes.includes(r)),
  };
}
