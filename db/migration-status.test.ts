import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDb } from '@/test/db';
import { MIGRATIONS_FOLDER } from './client';
import { migrationStatus } from './migration-status';

const getDb = useTestDb({ reset: 'file' });

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

let scratch: string;
let journal: Journal;

/** A copy of the committed migrations folder, changed by `edit`, so the test database is never touched. */
async function folderWith(name: string, edit: (dir: string, journal: Journal) => Promise<void>): Promise<string> {
  const dir = path.join(scratch, name);
  await cp(MIGRATIONS_FOLDER, dir, { recursive: true });
  const copy: Journal = structuredClone(journal);
  await edit(dir, copy);
  await writeFile(path.join(dir, 'meta', '_journal.json'), JSON.stringify(copy));
  return dir;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'kpd-migrations-'));
  journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('migration status against db/migrations/meta/_journal.json', () => {
  it('a database migrated with the committed migrations is current', async () => {
    const status = await migrationStatus(getDb());
    expect(status).toEqual({ state: 'current', expected: journal.entries.length, applied: journal.entries.length, pending: 0 });
  });

  it('a migration in the journal that the database does not have is pending', async () => {
    const dir = await folderWith('ahead', async (d, j) => {
      const last = j.entries.at(-1)!;
      j.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_next' });
      await writeFile(path.join(d, '9999_next.sql'), 'SELECT 1;');
    });
    expect(await migrationStatus(getDb(), dir)).toMatchObject({ state: 'pending', pending: 1, expected: journal.entries.length + 1 });
  });

  it('a database migrated further than the journal, or from a changed file, is a mismatch', async () => {
    const behind = await folderWith('behind', async (_d, j) => {
      j.entries.pop();
    });
    expect(await migrationStatus(getDb(), behind)).toMatchObject({ state: 'mismatch', pending: 0 });

    const edited = await folderWith('edited', async (d, j) => {
      const file = path.join(d, `${j.entries[0]!.tag}.sql`);
      await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited after it was applied\n`);
    });
    expect(await migrationStatus(getDb(), edited)).toMatchObject({ state: 'mismatch' });
  });
});
