/**
 * scripts/test-prerequisites.sh, which `npm test` runs first: it finds the Chromium the
 * end-to-end tests use, stops with one line when a given CHROMIUM_PATH is not a program, and
 * says when the PostgreSQL pass will be skipped instead of letting anyone believe it ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function run(env: Record<string, string | undefined>) {
  const clean = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return spawnSync(
    'bash',
    ['-c', 'source scripts/test-prerequisites.sh && echo "CHROMIUM_PATH=$CHROMIUM_PATH" && echo "NOTE=${PG_SKIP_NOTE:-}"'],
    {
      cwd: root,
      env: clean,
      encoding: 'utf8',
    },
  );
}

describe('npm test prerequisites', () => {
  it('stops with one line naming the problem when CHROMIUM_PATH is not a program', () => {
    const r = run({ CHROMIUM_PATH: '/nonexistent/chromium', TEST_DATABASE_URL: 'postgres://x/kpd_test' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('finds Debian’s Chromium and hands it to Playwright', () => {
    const r = run({ CHROMIUM_PATH: undefined, TEST_DATABASE_URL: 'postgres://x/kpd_test' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('CHROMIUM_PATH=/usr/bin/chromium');
    expect(r.stdout).toContain('NOTE=\n');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('says that the PostgreSQL pass is skipped, and how to run it', () => {
    const r = run({ CHROMIUM_PATH: undefined, TEST_DATABASE_URL: undefined });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/NOTE=skipped: TEST_DATABASE_URL is not set/);
  });
});
