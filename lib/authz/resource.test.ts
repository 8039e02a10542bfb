/**
 * authorize(): the one load-and-check step of both wrappers, on records held in memory (the
 * resource decides what is visible; the audit trail for a CONFLICT answer is the test database's),
 * and createAction's `related` loads, which go through the same step for a second record.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAction } from '@/lib/actions/wrapper';
import { AppError } from '@/lib/errors';
import { useTestDb } from '@/test/db';
import type { Actor } from './actor';
import { authorize, defineResource, keyOf, type ResourceKey } from './resource';

interface Rec {
  id: number | null;
  version: number | null;
  countyId: number;
  projectLeadId: number;
}

/** Records by key; a county user sees only its county's. */
function memoryResource<K extends ResourceKey>(rows: Map<string, Rec>, keyText: (key: K) => string) {
  return defineResource<Rec, K>({
    entity: 'memory_record',
    load: async (_db, actor, key) => {
      const row = rows.get(keyText(key)) ?? null;
      return row && (actor.countyId === null || actor.countyId === row.countyId) ? row : null;
    },
    subject: (r) => ({ countyId: r.countyId, projectLeadId: r.projectLeadId }),
    version: (r) => r.version,
    id: (r) => r.id,
    current: async (_db, id) => ({ id, state: 'as it is now' }),
  });
}

const lead = (id: number, countyId: number | null = 1): Actor => ({
  id,
  username: `lead${id}`,
  displayName: `Lead ${id}`,
  role: 'lead',
  countyId,
  unitId: null,
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('authorize()', () => {
  const getDb = useTestDb();
  const rows = new Map<string, Rec>([
    ['1', { id: 1, version: 3, countyId: 1, projectLeadId: 10 }],
    ['2', { id: 2, version: 1, countyId: 2, projectLeadId: 11 }],
  ]);
  const byId = memoryResource<number>(rows, String);

  it('the record for its project lead, at the version the lead saw', async () => {
    const rec = await authorize(
      await getDb(),
      lead(10),
      'report.edit',
      { resource: byId, id: 'id', version: 'version' },
      { id: 1, version: 3 },
    );
    expect(rec.id).toBe(1);
  });

  it('not visible (another county, or no such record) is NOT_FOUND, named on the field when the form chose it', async () => {
    const db = await getDb();
    expect((await failure(authorize(db, lead(11, 2), 'report.edit', { resource: byId, id: 'id' }, { id: 1 }))).code).toBe('NOT_FOUND');
    const chosen = await failure(
      authorize(db, lead(10), 'report.edit', { resource: byId, id: 'projectId', field: true }, { projectId: 99 }),
    );
    expect(chosen.code).toBe('NOT_FOUND');
    expect(chosen.fieldErrors).toEqual({ projectId: ['validation.invalidChoice'] });
  });

  it('visible but the grant does not cover it (a lead of another project) is FORBIDDEN', async () => {
    const err = await failure(authorize(await getDb(), lead(12), 'report.edit', { resource: byId, id: 'id' }, { id: 1 }));
    expect(err.code).toBe('FORBIDDEN');
  });

  it('a stale version is CONFLICT with the record as it is now', async () => {
    const err = await failure(
      authorize(await getDb(), lead(10), 'report.edit', { resource: byId, id: 'id', version: 'version' }, { id: 1, version: 2 }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.current).toMatchObject({ id: 1, state: 'as it is now', changedBy: null });
  });

  it('a natural key reads each part from its field; a missing part is NOT_FOUND, not a load', async () => {
    const plans = new Map<string, Rec>([['5:2026', { id: 7, version: 1, countyId: 1, projectLeadId: 10 }]]);
    const byKey = memoryResource<{ projectId: number; year: number }>(plans, (k) => `${k.projectId}:${k.year}`);
    const spec = { resource: byKey, id: { projectId: 'projectId', year: 'year' } } as const;
    expect(keyOf(spec, { projectId: 5, year: 2026 })).toEqual({ projectId: 5, year: 2026 });
    expect(keyOf(spec, { projectId: 5 } as { projectId: number; year: number })).toBeNull();
    expect((await authorize(await getDb(), lead(10), 'report.edit', spec, { projectId: 5, year: 2026 })).id).toBe(7);
    expect((await failure(authorize(await getDb(), lead(10), 'report.edit', spec, { projectId: 5, year: 2025 }))).code).toBe('NOT_FOUND');
  });

  it('creates: a record not created yet passes; a create (no version) that meets a created record is CONFLICT', async () => {
    const plans = new Map<string, Rec>([
      ['new', { id: null, version: null, countyId: 1, projectLeadId: 10 }],
      ['made', { id: 8, version: 1, countyId: 1, projectLeadId: 10 }],
    ]);
    const res = memoryResource<number>(plans, (k) => (k === 1 ? 'new' : 'made'));
    const spec = { resource: res, id: 'id', version: 'version', creates: true } as const;
    const db = await getDb();
    const create = (id: number): { id: number; version?: number } => ({ id });
    expect((await authorize(db, lead(10), 'report.edit', spec, create(1))).id).toBeNull();
    expect((await failure(authorize(db, lead(10), 'report.edit', spec, create(2)))).code).toBe('CONFLICT');
    // With the version the user saw, an update of the created record passes.
    expect((await authorize(db, lead(10), 'report.edit', spec, { id: 2, version: 1 })).id).toBe(8);
  });
});

describe('createAction related loads', () => {
  useTestDb();
  const main = memoryResource<number>(new Map([['1', { id: 1, version: 1, countyId: 1, projectLeadId: 10 }]]), String);
  const others = memoryResource<number>(
    new Map([
      ['20', { id: 20, version: 1, countyId: 1, projectLeadId: 10 }],
      ['21', { id: 21, version: 1, countyId: 1, projectLeadId: 11 }],
      ['22', { id: 22, version: 1, countyId: 2, projectLeadId: 10 }],
    ]),
    String,
  );
  const touched: number[] = [];
  const action = createAction({
    name: 'test.related',
    schema: z.object({ id: z.number(), otherId: z.number().optional() }),
    permission: 'report.edit',
    load: { resource: main, id: 'id' },
    related: { other: { resource: others, permission: 'problem.create', field: 'otherId', key: (input) => input.otherId ?? null } },
    run: async ({ record, related }) => {
      touched.push(related.other?.id ?? 0);
      return { main: record.id, other: related.other?.id ?? null };
    },
  });

  it('loads the second record and checks its own permission before run; none named, none loaded', async () => {
    expect(await action.execute(lead(10), { id: 1, otherId: 20 })).toEqual({ ok: true, data: { main: 1, other: 20 } });
    expect(await action.execute(lead(10), { id: 1 })).toEqual({ ok: true, data: { main: 1, other: null } });
    expect(action.meta.related).toEqual({ other: 'problem.create' });
  });

  it('refuses before run: not visible → NOT_FOUND on its field, not granted → FORBIDDEN', async () => {
    touched.length = 0;
    const hidden = await action.execute(lead(10), { id: 1, otherId: 22 });
    expect(hidden).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(hidden.ok ? null : hidden.fieldErrors).toHaveProperty('otherId');
    expect(await action.execute(lead(10), { id: 1, otherId: 21 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(touched).toEqual([]);
  });
});
