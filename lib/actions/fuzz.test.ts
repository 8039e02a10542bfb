/**
 * Any text into every write path (property-based, fast-check). For EVERY action the authorization
 * matrix discovers (lib/actions/matrix/harness.ts: no list of actions here either) and every route
 * that takes a body, a valid input (the matrix's fixture, called by an actor the permission table
 * allows) gets arbitrary strings in each of its text fields: binary strings (any UTF-16 code
 * unit, so NUL, lone surrogates and control characters), and on purpose NUL, lone surrogates,
 * very long text, right-to-left text, emoji and control characters, alone or inside the valid
 * value. Whatever the text:
 * - the answer is never INTERNAL / UNAVAILABLE (a 5xx);
 * - text the database cannot store (NUL, a lone surrogate) is INVALID (422) naming the field;
 * - a refused input stores nothing: every table's row count, the last audit event and the
 *   target row are as before (the matrix's snapshot).
 * Each action's record is built once in a transaction that is rolled back at the end; every
 * case runs in a savepoint of it, rolled back too. FUZZ_RUNS sets the runs per field (default
 * below), FUZZ_SEED replays a failure (fast-check prints the seed and the counterexample).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, setDbForTests, type Tx } from '@/db/client';
import { ROLES } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { patchMilestoneRoute } from '@/lib/milestones/http';
import { uploadPhotoRoute } from '@/lib/reports/photo-http';
import { useTestDb } from '@/test/db';
import { actorOf, makeMilestone, makeProject, makeUser } from '@/test/factories';
import { FIXTURES } from './matrix/fixtures';
import { type Case, casesFor, discoverActions, expectedOutcome, snapshot, visibleIn } from './matrix/harness';
import { buildWorld, type Fixture, peopleFor, type World } from './matrix/world';
import type { ActionResult } from './result';
import type { Action } from './wrapper';

const getDb = useTestDb({ reset: 'file' });
const discovery = await discoverActions();
const names = [...discovery.actions.keys()].filter((n) => FIXTURES[n]).sort();

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (numRuns: number) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });

const LONG = 'x'.repeat(100_000);
/** What a user (or an attacker) can paste: the classes the database or the UI may choke on. */
const NASTY = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '\uDC00\uD800',
  '👷\uD83D',
  LONG,
  `${LONG}\u0000`,
  '\u202Eevil\u202C',
  'مشروع الطريق',
  'עברית',
  '👷‍♀️🚧🏗️',
  '🚧'.repeat(20_000),
  '\u0001\u0007\u001B[31m\u007F\u0085\u009F',
  '\uFEFF\u200B\u2028\u2029',
  '\r\n\t',
  '   ',
  '',
  "'; drop table projects; --",
  '%s%n{{7*7}}<script>',
  '\\u0000',
];
const nasty = fc.constantFrom(...NASTY);
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: nasty },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ unit: 'binary', maxLength: 10 }), nasty, fc.string({ unit: 'grapheme', maxLength: 10 }))
      .map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
);
/** The valid value with something appended or prepended (a valid-looking field with a bad byte). */
const around = (valid: string) => fc.tuple(nasty, fc.boolean()).map(([bad, before]) => (before ? bad + valid : valid + bad));

type Path = (string | number)[];
function textFields(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'string') out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => textFields(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) textFields(v, [...path, k], out);
  return out;
}
function setAt<T>(value: T, path: Path, leaf: string): T {
  if (!path.length) return leaf as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, leaf);
  return copy as T;
}
const getAt = (value: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);

const ROLLBACK = new Error('rollback');
/** Runs fn in a savepoint that is rolled back, with getDb() inside the code under test being it. */
async function inSavepoint<T>(tx: Tx, fn: (sp: Tx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await tx.transaction(async (sp) => {
      setDbForTests(sp as unknown as Db);
      out = await fn(sp);
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  } finally {
    setDbForTests(tx as unknown as Db);
  }
  return out as T;
}
async function rolledBack(fn: (tx: Tx) => Promise<void>): Promise<void> {
  const db = getDb();
  try {
    await db.transaction(async (tx) => {
      setDbForTests(tx as unknown as Db);
      await fn(tx);
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  } finally {
    setDbForTests(db);
  }
}

/** The oracle, independent of the code under test: NUL, or a UTF-16 string that is not well formed (a lone surrogate). */
const unstorable = (s: string) => s.includes('\u0000') || !s.isWellFormed();

/** What every answer must be for text `s` in field `field` (a problem, or null). */
function problemOf(
  res: ActionResult<unknown> | { status: number; body: Record<string, unknown> },
  field: string,
  s: string,
): string | null {
  const status = 'status' in res ? res.status : null;
  const body = ('status' in res ? res.body : res) as { ok?: boolean; code?: string; fieldErrors?: Record<string, string[]> };
  if ((status !== null && status >= 500) || body.code === 'INTERNAL' || body.code === 'UNAVAILABLE')
    return `a server error: ${status ?? ''} ${JSON.stringify(body).slice(0, 300)}`;
  if (unstorable(s)) {
    if (body.ok !== false || body.code !== 'INVALID' || !body.fieldErrors?.[field]?.length)
      return `unstorable text not refused as INVALID naming '${field}': ${JSON.stringify(body).slice(0, 300)}`;
    if (status !== null && status !== 422) return `unstorable text answered ${status}, not 422`;
  }
  return null;
}

/** A case the table allows (preferring a prefecture-wide actor: prefecture-only actions need one). */
function allowedCase(action: Action<unknown>, fixture: Fixture): Case | undefined {
  const cases = ROLES.flatMap((role) => casesFor(fixture, role));
  const ok = cases.filter((c) => expectedOutcome(action.meta.permission, c, visibleIn(fixture, c)) === 'ok');
  return ok.find((c) => c.scope === 'prefecture') ?? ok[0];
}

let world: World;
let cases = 0;
const started = Date.now();
beforeAll(async () => {
  setClockForTests(new Date('2025-06-15T04:00:00Z'));
  world = await buildWorld(getDb());
});
afterAll(() => {
  setClockForTests(null);
  console.info(`fuzz: ${cases} cases over ${names.length} actions and 2 routes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe('every action: any text in any text field', () => {
  it('finds the actions (the matrix’s discovery) and each has a case the table allows', () => {
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !allowedCase(discovery.actions.get(n)!.action, FIXTURES[n]!))).toEqual([]);
  });

  it.each(names)('%s', async (name) => {
    const action = discovery.actions.get(name)!.action;
    const fixture = FIXTURES[name]!;
    const c = allowedCase(action, fixture)!;
    await rolledBack(async (tx) => {
      const countyId = c.scope === 'prefecture' ? null : world.countyA.id;
      const actor = actorOf(await makeUser({ role: c.role, countyId, unitId: world.actorUnit.id }, tx));
      const built = await fixture.build({ tx, world, actor, people: peopleFor(world, actor, c.held), countyId: world.countyA.id });
      // The fixture's input is valid: the property starts from a success.
      const valid = await inSavepoint(tx, () => action.execute(actor, built.input));
      expect(valid, 'the valid input').toMatchObject({ ok: true });
      const before = JSON.stringify(await snapshot(tx, built.target));
      const fields = textFields(built.input);
      for (const path of fields) {
        const field = path.join('.');
        const original = String(getAt(built.input, path));
        await fc.assert(
          fc.asyncProperty(fc.oneof(text, around(original)), async (s) => {
            cases++;
            const problem = await inSavepoint(tx, async (sp) => {
              const res = await action.execute(actor, setAt(built.input, path, s));
              const p = problemOf(res, field, s);
              if (p || res.ok) return p;
              const after = JSON.stringify(await snapshot(sp, built.target));
              return after === before ? null : `refused (${res.code}) but the database changed`;
            });
            expect(problem, `${name}.${field} = ${JSON.stringify(s).slice(0, 120)}`).toBeNull();
          }),
          params(RUNS),
        );
      }
    });
  });
});

describe('every route that takes a body', () => {
  it('PATCH /api/milestones/:id: any text in each field, and any bytes as the body, never a 5xx', async () => {
    await rolledBack(async (tx) => {
      const actor = actorOf(await makeUser({ role: 'dispatch' }, tx));
      const p = await makeProject({ countyId: world.countyA.id, categoryCode: world.category.code }, tx);
      const m = await makeMilestone({ projectId: p.id, status: 'not_started' }, tx);
      const base = { version: m.version, status: 'in_progress', forecastDate: '2025-09-30', actualDate: '', note: '路基开工' };
      const send = (body: BodyInit, type = 'application/json') =>
        patchMilestoneRoute.execute(
          actor,
          new Request(`http://localhost/api/milestones/${m.id}`, { method: 'PATCH', headers: { 'content-type': type }, body }),
          { id: String(m.id) },
        );
      const before = JSON.stringify(await snapshot(tx, { table: (await import('@/db/schema')).milestones, id: m.id }));
      for (const field of ['status', 'forecastDate', 'actualDate', 'note'] as const) {
        await fc.assert(
          fc.asyncProperty(fc.oneof(text, around(base[field])), async (s) => {
            cases++;
            const problem = await inSavepoint(tx, async (sp) => {
              const res = await send(JSON.stringify({ ...base, [field]: s }));
              const body = (await res.json()) as Record<string, unknown>;
              const pr = problemOf({ status: res.status, body }, field, s);
              if (pr || res.status === 200) return pr;
              const after = JSON.stringify(await snapshot(sp, { table: (await import('@/db/schema')).milestones, id: m.id }));
              return after === before ? null : `refused (${res.status}) but the database changed`;
            });
            expect(problem, `${field} = ${JSON.stringify(s).slice(0, 120)}`).toBeNull();
          }),
          params(RUNS),
        );
      }
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 200 }),
          fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1'),
          async (bytes, type) => {
            cases++;
            const status = await inSavepoint(tx, async () => (await send(new Uint8Array(bytes), type)).status);
            expect(status).toBeLessThan(500);
          },
        ),
        params(RUNS),
      );
    });
  });

  it('POST /api/reports/:id/photos: any text as the caption and the file name, never a 5xx, NUL refused naming the field', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kpd-fuzz-'));
    process.env.PHOTO_DIR = dir;
    try {
      await rolledBack(async (tx) => {
        const fixture = FIXTURES['report.photo.add']!;
        const lead = actorOf(await makeUser({ role: 'lead', countyId: world.countyA.id, unitId: world.actorUnit.id }, tx));
        const built = await fixture.build({
          tx,
          world,
          actor: lead,
          people: peopleFor(world, lead, ['projectLead']),
          countyId: world.countyA.id,
        });
        const reportId = Number(built.input.reportId);
        const send = (caption: string, name: string) => {
          const form = new FormData();
          form.append('file', new File([new Uint8Array(png)], name, { type: 'image/png' }));
          form.append('caption', caption);
          return uploadPhotoRoute.execute(
            lead,
            new Request(`http://localhost/api/reports/${reportId}/photos`, { method: 'POST', body: form }),
            {
              id: String(reportId),
            },
          );
        };
        expect((await inSavepoint(tx, () => send('现场照片', 'a.png'))).status).toBe(201);
        // Cut to 200 / 255 units, never between the halves of an emoji (that would be unstorable).
        expect((await inSavepoint(tx, () => send(`x${'🚧'.repeat(150)}`, `y${'📷'.repeat(200)}.png`))).status).toBe(201);
        for (const field of ['caption', 'originalName'] as const) {
          await fc.assert(
            fc.asyncProperty(text, async (s) => {
              cases++;
              const res = await inSavepoint(tx, () => (field === 'caption' ? send(s, 'a.png') : send('现场照片', s)));
              const body = (await res.json()) as Record<string, unknown>;
              // A form field is a USV string (the client's encoding replaces a lone surrogate with
              // U+FFFD), and the route keeps the first 200 / 255 units, never half a pair.
              const cut = s.toWellFormed().slice(0, field === 'caption' ? 200 : 255);
              const sent = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
              expect(problemOf({ status: res.status, body }, field, sent), `${field} = ${JSON.stringify(s).slice(0, 120)}`).toBeNull();
            }),
            params(Math.ceil(RUNS / 2)),
          );
        }
      });
    } finally {
      delete process.env.PHOTO_DIR;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
