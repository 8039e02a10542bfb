import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { counties, projects, users } from '@/db/schema';
import { AppError, ERROR_STATUS, forbidden, fromDatabaseError, notFound, type ErrorCode } from '@/lib/errors';
import { useTestDb } from '@/test/db';
import { makeCategory, makeCounty, makeProject, makeUser } from '@/test/factories';

describe('AppError status mapping', () => {
  const expected: Record<ErrorCode, number> = {
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    INVALID: 422,
    LOCKED: 423,
    IDEMPOTENCY_MISMATCH: 422,
    INTERNAL: 500,
    UNAVAILABLE: 503,
  };

  it('knows exactly these codes', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected) as [ErrorCode, number][])('%s → HTTP %i', (code, status) => {
    const err = new AppError(code);
    expect(err.status).toBe(status);
    expect(err.code).toBe(code);
    expect(err).toBeInstanceOf(Error);
  });

  it('carries field errors and the current record', () => {
    const err = new AppError('CONFLICT', 'stale', { current: { version: 3 }, fieldErrors: { name: ['x'] } });
    expect(err.message).toBe('stale');
    expect(err.current).toEqual({ version: 3 });
    expect(err.fieldErrors).toEqual({ name: ['x'] });
  });

  it('notFound() is a 404 and forbidden() a 403', () => {
    expect(notFound('project').status).toBe(404);
    expect(notFound('project').message).toBe('project not found');
    expect(forbidden().status).toBe(403);
  });
});

describe('fromDatabaseError with errors raised by the database', () => {
  const getDb = useTestDb();

  /** Runs a statement that must fail and returns what the driver threw. */
  async function failure(run: () => Promise<unknown>): Promise<unknown> {
    try {
      await run();
    } catch (err) {
      return err;
    }
    throw new Error('expected the database to refuse the statement');
  }

  it('a unique violation (duplicate county code) is a CONFLICT', async () => {
    await makeCounty({ code: 'emin' });
    const err = await failure(() => getDb().insert(counties).values({ code: 'emin', nameZh: '额敏县', nameEn: 'Emin' }));
    const app = fromDatabaseError(err);
    expect(app?.code).toBe('CONFLICT');
    expect(app?.status).toBe(409);
    // Not "someone else changed this record": the user is told the value already exists.
    expect(app?.messageKey).toBe('errors.DUPLICATE');
    expect(app?.cause).toBe(err);
  });

  it('a duplicate username is a CONFLICT', async () => {
    await makeUser({ role: 'viewer', username: 'zhang.san' });
    const err = await failure(() => makeUser({ role: 'lead', username: 'zhang.san' }));
    expect(fromDatabaseError(err)?.code).toBe('CONFLICT');
  });

  it('a check violation (negative total investment) is INVALID', async () => {
    const cat = await makeCategory();
    const err = await failure(() =>
      getDb()
        .insert(projects)
        .values({ code: 'NEG-1', name: '负投资', categoryCode: cat.code, stage: 'preliminary', totalInvestment: '-1' }),
    );
    const app = fromDatabaseError(err);
    expect(app?.code).toBe('INVALID');
    expect(app?.status).toBe(422);
    expect(app?.message).toBe('constraint');
  });

  it('a check violation on update (completion before start) is INVALID', async () => {
    const p = await makeProject({ startDate: '2025-05-01', plannedCompletionDate: '2026-05-01' });
    const err = await failure(() =>
      getDb()
        .update(projects)
        .set({ plannedCompletionDate: '2025-01-01' })
        .where(sql`${projects.id} = ${p.id}`),
    );
    expect(fromDatabaseError(err)?.code).toBe('INVALID');
  });

  it('a foreign-key violation (unknown county) is INVALID (reference)', async () => {
    const err = await failure(() => makeUser({ role: 'viewer', countyId: 999_999 }));
    const app = fromDatabaseError(err);
    expect(app?.code).toBe('INVALID');
    expect(app?.message).toBe('reference');
  });

  it('a NOT NULL violation is INVALID', async () => {
    const err = await failure(() =>
      getDb().execute(sql`insert into ${users} (username, display_name, password_hash, role) values ('nn', null, 'x', 'viewer')`),
    );
    expect(fromDatabaseError(err)?.code).toBe('INVALID');
  });

  it('a character the database cannot store (NUL) is INVALID, not INTERNAL', async () => {
    const err = await failure(() => getDb().insert(counties).values({ code: 'nul', nameZh: 'a\u0000b', nameEn: 'x' }));
    expect(fromDatabaseError(err)?.code).toBe('INVALID');
  });

  it('other database errors are not mapped (they become INTERNAL upstream)', async () => {
    const err = await failure(() => getDb().execute(sql`select * from no_such_table`));
    expect(fromDatabaseError(err)).toBeNull();
  });

  it('non-database errors are not mapped', () => {
    expect(fromDatabaseError(new Error('boom'))).toBeNull();
    expect(fromDatabaseError(undefined)).toBeNull();
    expect(fromDatabaseError({ code: 'ENOENT' })).toBeNull();
  });

  it('serialization failures and deadlocks are CONFLICT (with the generic conflict message)', () => {
    expect(fromDatabaseError({ code: '40001' })?.code).toBe('CONFLICT');
    expect(fromDatabaseError({ code: '40001' })?.messageKey).toBeUndefined();
    expect(fromDatabaseError(new Error('wrapped', { cause: { code: '40P01' } }))?.code).toBe('CONFLICT');
  });
});
