import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { onPostgres, useTestDb } from '@/test/db';
import { actorOf, makeUser } from '@/test/factories';

/** The PostgreSQL error inside whatever the driver and drizzle wrapped it in. */
function pgError(err: unknown): { code?: string; message?: string } {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    if (typeof (e as { code?: unknown }).code === 'string') return e as { code: string; message: string };
    e = (e as { cause?: unknown }).cause;
  }
  return {};
}

async function refusal(run: () => Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await run();
  } catch (err) {
    return pgError(err);
  }
  throw new Error('expected the database to refuse the statement');
}

describe(`audit_events is append-only (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  const getDb = useTestDb();

  async function seedEvent() {
    const user = await makeUser({ role: 'dispatch' });
    await recordAudit(getDb(), actorOf(user), {
      action: 'project.update',
      entityType: 'project',
      entityId: 42,
      projectId: null,
      before: { name: '旧名称' },
      after: { name: '新名称' },
    });
    const rows = await getDb().select().from(auditEvents);
    expect(rows).toHaveLength(1);
    return { user, event: rows[0]! };
  }

  it('INSERT works and keeps who, what and before/after', async () => {
    const { user, event } = await seedEvent();
    expect(event).toMatchObject({
      actorId: user.id,
      actorName: user.displayName,
      action: 'project.update',
      entityType: 'project',
      entityId: '42',
      before: { name: '旧名称' },
      after: { name: '新名称' },
    });
    expect(event.at).toBeInstanceOf(Date);
  });

  it('UPDATE is refused by the database and the event is unchanged', async () => {
    const { event } = await seedEvent();
    const err = await refusal(() => getDb().update(auditEvents).set({ actorName: 'someone else' }).where(eq(auditEvents.id, event.id)));
    expect(err.code).toBe('42501');
    expect(err.message).toMatch(/append-only/);
    expect(await getDb().select().from(auditEvents)).toEqual([event]);
  });

  it('DELETE is refused by the database and the event is still there', async () => {
    const { event } = await seedEvent();
    const err = await refusal(() => getDb().delete(auditEvents).where(eq(auditEvents.id, event.id)));
    expect(err.code).toBe('42501');
    expect(err.message).toMatch(/append-only/);
    expect(await getDb().select().from(auditEvents)).toEqual([event]);
  });

  it('TRUNCATE is refused by the database', async () => {
    const { event } = await seedEvent();
    const err = await refusal(() => getDb().execute(sql`TRUNCATE TABLE audit_events`));
    expect(err.code).toBe('42501');
    expect(err.message).toMatch(/append-only/);
    expect(await getDb().select().from(auditEvents)).toEqual([event]);
  });

  it('a refused change inside a transaction rolls the whole transaction back', async () => {
    const { event } = await seedEvent();
    await refusal(() =>
      getDb().transaction(async (tx) => {
        await recordAudit(tx, null, { action: 'x', entityType: 'project', entityId: 1 });
        await tx.delete(auditEvents);
      }),
    );
    expect(await getDb().select().from(auditEvents)).toEqual([event]);
  });
});
