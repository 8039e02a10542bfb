/**
 * A page the actor may open but not use calls forbidden() (HTTP 403) and has a forbidden.tsx of
 * its own beside it, with its message and its way back; none renders a 403 message with 200.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.join(process.cwd(), 'app');

function pages(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(path.join(dir, e.name)) : e.name === 'page.tsx' ? [path.join(dir, e.name)] : [],
  );
}

const CALLERS = pages().filter((p) => /\bforbidden\(\)/.test(readFileSync(p, 'utf8')));
const rel = (p: string) => path.relative(process.cwd(), p);

describe('forbidden pages answer 403', () => {
  it('the six pages that refused with a 200 message call forbidden()', () => {
    expect(CALLERS.map(rel).sort()).toEqual(
      [
        'app/(app)/problems/[id]/edit/page.tsx',
        'app/(app)/problems/new/page.tsx',
        'app/(app)/projects/[id]/edit/page.tsx',
        'app/(app)/projects/[id]/milestones/[milestoneId]/edit/page.tsx',
        'app/(app)/projects/[id]/plan/page.tsx',
        'app/(app)/projects/new/page.tsx',
      ].sort(),
    );
  });

  it.each(CALLERS.map((p) => [rel(p)]))('%s has its own forbidden.tsx with a message and a way back', (page) => {
    const file = path.join(path.dirname(page), 'forbidden.tsx');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/<Forbidden message=\{t\('[\w.]+'\)\} backHref="\/[\w/[\]]+" \/>/);
  });

  it('no page renders the 403 panel itself (that answered HTTP 200)', () => {
    for (const page of pages()) expect(readFileSync(page, 'utf8'), rel(page)).not.toMatch(/<Forbidden\b/);
  });

  it('the root forbidden.tsx exists and authInterrupts is on (next.config.ts)', () => {
    expect(existsSync(path.join(APP, 'forbidden.tsx'))).toBe(true);
    expect(readFileSync(path.join(process.cwd(), 'next.config.ts'), 'utf8')).toMatch(/authInterrupts: true/);
  });
});
