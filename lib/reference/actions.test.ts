import { and, eq, getTableName } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import {
  auditEvents,
  categories,
  counties,
  meetingParticipants,
  meetings,
  problems,
  projectProcedures,
  projects,
  units,
  users,
} from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import { assertReferences } from '@/lib/projects/write-rules';
import { useTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeProject, makeUnit, makeUser } from '@/test/factories';
import {
  createCategory,
  createCounty,
  createUnit,
  deleteCategory,
  deleteCounty,
  deleteUnit,
  mergeCategory,
  mergeUnit,
  renameCounty,
  renameUnit,
  setLeaderTitle,
  setUnitActive,
} from './actions';
import { USES } from './usage';

const getDb = useTestDb();

function ok<T>(res: ActionResult<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.code}: ${res.message} ${JSON.stringify(res.fieldErrors ?? {})}`);
  return res.data;
}
function failed(res: ActionResult<unknown>) {
  if (res.ok) throw new Error('expected a failure');
  return res;
}

const office = async () => actorOf(await makeUser({ role: 'dispatch' }));
const audits = async (entityType: string, entityId: number) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(auditEvents.id);

describe('reference data: create, rename, retire', () => {
  it('the dispatch office creates a unit, renames it and retires it, each with its audit event', async () => {
    const actor = await office();
    const unit = ok(await createUnit.execute(actor, { kind: 'responsible', nameZh: '地区水利局', nameEn: '' }));
    expect(unit).toMatchObject({ nameZh: '地区水利局', nameEn: '地区水利局', active: true, version: 1 });
    const renamed = ok(await renameUnit.execute(actor, { id: unit.id, version: 1, nameZh: '地区水利局（改）', nameEn: 'Water Bureau' }));
    expect(renamed).toMatchObject({ nameZh: '地区水利局（改）', nameEn: 'Water Bureau', version: 2 });
    const retired = ok(await setUnitActive.execute(actor, { id: unit.id, version: 2, active: false }));
    expect(retired).toMatchObject({ active: false, version: 3 });
    const trail = await audits('unit', unit.id);
    expect(trail.map((e) => e.action)).toEqual(['reference.unit.create', 'reference.unit.rename', 'reference.unit.retire']);
    expect(trail[1]).toMatchObject({ before: { nameZh: '地区水利局', version: 1 }, after: { nameZh: '地区水利局（改）', version: 2 } });
  });

  it('a duplicate name or code is a field error, and nothing is written', async () => {
    const actor = await office();
    await makeUnit({ nameZh: '地区发改委' });
    const dup = failed(await createUnit.execute(actor, { kind: 'owner', nameZh: '地区发改委' }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fieldErrors?.nameZh?.[0]).toBe('已有同名条目');
    await makeCategory({ code: 'water' });
    const code = failed(await createCategory.execute(actor, { code: 'water', nameZh: '水利（新）' }));
    expect(code.fieldErrors?.code).toBeDefined();
    const badCode = failed(await createCounty.execute(actor, { code: 'Bad Code!', nameZh: '新县' }));
    expect(badCode.code).toBe('INVALID');
    expect(await getDb().select().from(counties)).toHaveLength(0);
  });

  it('a stale version is a conflict that answers the entry as it is now and who changed it', async () => {
    const actor = await office();
    const county = await makeCounty({ nameZh: '额敏县' });
    ok(await renameCounty.execute(actor, { id: county.id, version: 1, nameZh: '额敏县（一）' }));
    const stale = failed(await renameCounty.execute(actor, { id: county.id, version: 1, nameZh: '额敏县（二）' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.current).toMatchObject({ nameZh: '额敏县（一）', version: 2, changedBy: actor.displayName });
    const [row] = await getDb().select().from(counties).where(eq(counties.id, county.id));
    expect(row?.nameZh).toBe('额敏县（一）');
  });

  it('a county-scoped dispatcher and a project lead are refused', async () => {
    const county = await makeCounty();
    const countyDispatch = actorOf(await makeUser({ role: 'dispatch', countyId: county.id }));
    expect(failed(await createUnit.execute(countyDispatch, { kind: 'owner', nameZh: '某公司' })).code).toBe('FORBIDDEN');
    const lead = actorOf(await makeUser({ role: 'lead' }));
    expect(failed(await createUnit.execute(lead, { kind: 'owner', nameZh: '某公司' })).code).toBe('FORBIDDEN');
    expect(await getDb().select().from(units)).toHaveLength(0);
  });

  it("sets a leader's title with its version; a user who is not a leader is not found", async () => {
    const actor = await office();
    const leader = await makeUser({ role: 'leader' });
    const done = ok(await setLeaderTitle.execute(actor, { id: leader.id, version: leader.version, title: ' 行署副专员 ' }));
    expect(done).toMatchObject({ title: '行署副专员', version: leader.version + 1 });
    expect(failed(await setLeaderTitle.execute(actor, { id: leader.id, version: leader.version, title: 'x' })).code).toBe('CONFLICT');
    const viewer = await makeUser({ role: 'viewer' });
    expect(failed(await setLeaderTitle.execute(actor, { id: viewer.id, version: viewer.version, title: 'x' })).code).toBe('NOT_FOUND');
  });
});

describe('reference data in use', () => {
  it('an entry in use cannot be deleted: the refusal says where it is used; an unused one is deleted', async () => {
    const actor = await office();
    const unit = await makeUnit({ nameZh: '地区交通运输局' });
    await makeProject({ responsibleUnitId: unit.id });
    await makeUser({ role: 'lead', unitId: unit.id });
    const refused = failed(await deleteUnit.execute(actor, { id: unit.id, version: unit.version }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('项目 1 个');
    expect(refused.message).toContain('用户 1 个');
    expect(await getDb().select().from(units).where(eq(units.id, unit.id))).toHaveLength(1);

    const county = await makeCounty();
    await makeProject({ countyId: county.id });
    expect(failed(await deleteCounty.execute(actor, { id: county.id, version: county.version })).code).toBe('CONFLICT');

    const spare = await makeCategory();
    ok(await deleteCategory.execute(actor, { id: spare.id, version: spare.version }));
    expect(await getDb().select().from(categories).where(eq(categories.id, spare.id))).toHaveLength(0);
    expect((await audits('category', spare.id)).map((e) => e.action)).toEqual(['reference.category.delete']);
  });

  it('a retired unit stays on the project that holds it, but cannot be newly chosen', async () => {
    const actor = await office();
    const unit = await makeUnit();
    const project = await makeProject({ responsibleUnitId: unit.id });
    ok(await setUnitActive.execute(actor, { id: unit.id, version: unit.version, active: false }));
    const [kept] = await getDb().select().from(projects).where(eq(projects.id, project.id));
    expect(kept?.responsibleUnitId).toBe(unit.id);
    const db = getDb();
    const values = { ...kept!, responsibleUnitId: unit.id } as Parameters<typeof assertReferences>[1];
    await expect(db.transaction((tx) => assertReferences(tx, values, ['responsibleUnitId']))).rejects.toMatchObject({
      code: 'INVALID',
      fieldErrors: { responsibleUnitId: ['validation.invalidChoice'] },
    });
    // Unchanged, it is not checked (an edit of another field keeps it).
    await db.transaction((tx) => assertReferences(tx, values, ['name']));
  });
});

describe('reference data: merge', () => {
  it('moves every reference to the survivor in one transaction, retires the merged unit, and the audit says so', async () => {
    const actor = await office();
    const from = await makeUnit({ nameZh: '塔城地区发改委' });
    const into = await makeUnit({ nameZh: '塔城地区发展和改革委员会' });
    const p1 = await makeProject({ responsibleUnitId: from.id });
    const p2 = await makeProject({ ownerUnitId: from.id });
    const lead = await makeUser({ role: 'lead', unitId: from.id });
    const leader = await makeUser({ role: 'leader' });
    const [problem] = await getDb()
      .insert(problems)
      .values({
        projectId: p1.id,
        description: '用地指标未落实',
        type: 'land',
        responsibleUnitId: from.id,
        responsibleLeaderId: leader.id,
        deadline: '2025-07-31',
        raisedById: lead.id,
      })
      .returning();
    const [m1] = await getDb().insert(meetings).values({ title: '调度会一', meetingDate: '2025-06-20' }).returning();
    const [m2] = await getDb().insert(meetings).values({ title: '调度会二', meetingDate: '2025-06-27' }).returning();
    await getDb()
      .insert(meetingParticipants)
      .values([
        { meetingId: m1!.id, unitId: from.id },
        { meetingId: m1!.id, unitId: into.id },
        { meetingId: m2!.id, unitId: from.id },
      ]);
    const [proc] = await getDb()
      .insert(projectProcedures)
      .values({
        projectId: p1.id,
        nameZh: '用地预审',
        nameEn: 'Land',
        agencyKind: 'natural_resources',
        agencyUnitId: from.id,
        statutoryDays: 20,
        committedDays: 10,
      })
      .returning();

    const res = ok(await mergeUnit.execute(actor, { id: from.id, version: from.version, intoId: into.id }));
    expect(res.moved).toEqual({
      projects: [p1.id, p2.id],
      problems: [problem!.id],
      users: [lead.id],
      meetings: [m2!.id],
      procedures: [proc!.id],
    });
    expect((await getDb().select().from(projectProcedures).where(eq(projectProcedures.id, proc!.id)))[0]).toMatchObject({
      agencyUnitId: into.id,
      version: 2,
    });

    const db = getDb();
    const [q1] = await db.select().from(projects).where(eq(projects.id, p1.id));
    const [q2] = await db.select().from(projects).where(eq(projects.id, p2.id));
    expect(q1).toMatchObject({ responsibleUnitId: into.id, version: p1.version + 1 });
    expect(q2).toMatchObject({ ownerUnitId: into.id, version: p2.version + 1 });
    expect((await db.select().from(problems).where(eq(problems.id, problem!.id)))[0]?.responsibleUnitId).toBe(into.id);
    expect((await db.select().from(users).where(eq(users.id, lead.id)))[0]?.unitId).toBe(into.id);
    const invited = await db.select().from(meetingParticipants).where(eq(meetingParticipants.unitId, into.id));
    expect(invited.map((r) => r.meetingId).sort()).toEqual([m1!.id, m2!.id].sort());
    expect(await db.select().from(meetingParticipants).where(eq(meetingParticipants.unitId, from.id))).toHaveLength(0);
    const [merged] = await db.select().from(units).where(eq(units.id, from.id));
    expect(merged).toMatchObject({ active: false, version: from.version + 1 });

    const [event] = await audits('unit', from.id);
    expect(event).toMatchObject({ action: 'reference.unit.merge', after: { active: false, mergedInto: { id: into.id } } });
    const projectEvents = await audits('project', p1.id);
    expect(projectEvents.at(-1)).toMatchObject({ before: { responsibleUnitId: from.id }, after: { responsibleUnitId: into.id } });
  });

  it('refuses a survivor that is retired, of another kind, or itself, and changes nothing', async () => {
    const actor = await office();
    const from = await makeUnit();
    const owner = await makeUnit({ kind: 'owner' });
    const retired = await makeUnit({ active: false });
    const project = await makeProject({ responsibleUnitId: from.id });
    for (const intoId of [owner.id, retired.id, from.id, 999999]) {
      const res = failed(await mergeUnit.execute(actor, { id: from.id, version: from.version, intoId }));
      expect(res.code).toBe('INVALID');
      expect(res.fieldErrors?.intoId).toBeDefined();
    }
    const [kept] = await getDb().select().from(projects).where(eq(projects.id, project.id));
    expect(kept).toMatchObject({ responsibleUnitId: from.id, version: project.version });
    expect(await audits('unit', from.id)).toHaveLength(0);
  });

  it('merges categories: projects move to the survivor', async () => {
    const actor = await office();
    const from = await makeCategory();
    const into = await makeCategory();
    const project = await makeProject({ categoryCode: from.code });
    ok(await mergeCategory.execute(actor, { id: from.id, version: from.version, intoId: into.id }));
    expect((await getDb().select().from(projects).where(eq(projects.id, project.id)))[0]?.categoryCode).toBe(into.code);
    expect((await getDb().select().from(categories).where(eq(categories.id, from.id)))[0]?.active).toBe(false);
  });

  it('knows every column of the schema that references a unit, a category or a county', () => {
    const referencing = (target: string) =>
      Object.values(schema)
        .filter((v): v is typeof projects => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v)
        .flatMap((table) =>
          getTableConfig(table)
            .foreignKeys.filter((fk) => getTableName(fk.reference().foreignTable) === target)
            .map((fk) => `${getTableName(table)}.${fk.reference().columns[0]!.name}`),
        )
        .sort();
    const listed = (kind: keyof typeof USES) => USES[kind].map((u) => `${getTableName(u.column.table)}.${u.column.name}`).sort();
    expect(listed('unit')).toEqual(referencing('units'));
    expect(listed('category')).toEqual(referencing('categories'));
    expect(listed('county')).toEqual(referencing('counties'));
  });
});
