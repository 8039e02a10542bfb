import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, categories, counties, milestones, projects, sessions, units, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { createTestDb, onPostgres, resetTestDb, useTestDb } from './db';
import { actorOf, makeCounty, makeMilestone, makeProject, makeUnit, makeUser } from './factories';

describe('the test database helpers', () => {
  const testDb = useTestDb();

  async function fill() {
    const county = await makeCounty();
    const unit = await makeUnit();
    const lead = await makeUser({ role: 'lead', countyId: county.id, unitId: unit.id });
    const project = await makeProject({ countyId: county.id, projectLeadId: lead.id, ownerUnitId: unit.id });
    const milestone = await makeMilestone({ projectId: project.id });
    await testDb()
      .insert(sessions)
      .values({ id: `s-${project.id}`, userId: lead.id, expiresAt: new Date(Date.now() + 3600_000) });
    await recordAudit(testDb(), actorOf(lead), { action: 'x', entityType: 'project', entityId: project.id });
    return { county, unit, lead, project, milestone };
  }

  it('getDb() returns the test database inside a useTestDb() file', async () => {
    expect(await getDb()).toBe(testDb());
  });

  it('factories insert related rows with usable defaults', async () => {
    const { county, lead, project, milestone } = await fill();
    expect(lead).toMatchObject({ role: 'lead', countyId: county.id, disabled: false });
    expect(project).toMatchObject({ countyId: county.id, projectLeadId: lead.id, stage: 'construction', version: 1 });
    const [category] = await testDb().select().from(categories).where(eq(categories.code, project.categoryCode));
    expect(category).toBeDefined();
    expect(milestone).toMatchObject({ projectId: project.id, status: 'not_started' });
    expect(actorOf(lead)).toEqual({
      id: lead.id,
      username: lead.username,
      displayName: lead.displayName,
      role: 'lead',
      countyId: county.id,
      unitId: lead.unitId,
    });
  });

  it('resetTestDb() empties every table (audit_events too) and restarts the ids', async () => {
    await fill();
    await fill();
    await resetTestDb(testDb());
    for (const table of [auditEvents, milestones, sessions, projects, users, units, counties, categories]) {
      expect(await testDb().select().from(table)).toEqual([]);
    }
    expect((await makeCounty()).id).toBe(1);
  });

  it('each test starts from empty tables', async () => {
    expect(await testDb().select().from(projects)).toEqual([]);
    expect(await testDb().select().from(auditEvents)).toEqual([]);
  });

  it('the append-only triggers are back on after a reset', async () => {
    await fill();
    await resetTestDb(testDb());
    await recordAudit(testDb(), null, { action: 'x', entityType: 'project', entityId: 1 });
    await expect(testDb().delete(auditEvents)).rejects.toThrow();
    expect(await testDb().select().from(auditEvents)).toHaveLength(1);
  });

  it.skipIf(onPostgres)('PGlite databases from createTestDb() are independent copies', async () => {
    const other = await createTestDb();
    try {
      await makeCounty({ code: 'only-here' }, other.db);
      expect(await other.db.select().from(counties)).toHaveLength(1);
      expect(await testDb().select().from(counties)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
