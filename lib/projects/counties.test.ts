/**
 * The project form's counties (project_counties) and responsible level (projects.county_id):
 * the rules of lib/projects/counties.ts through createProject and updateProject, the audit
 * event, the version, and the invariant (the responsible county is always one of them).
 */
import { and, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, counties, projectCounties } from '@/db/schema';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeUser } from '@/test/factories';
import { createProject, updateProject } from './actions';
import { auditCount, buildWorld, projectRow, type World } from './test-world';

const getDb = useTestDb();
let w: World;
beforeEach(async () => {
  w = await buildWorld();
});
const zh = translator('zh-CN');
const en = translator('en');

const touched = async (projectId: number) =>
  (await getDb().select().from(projectCounties).where(eq(projectCounties.projectId, projectId)))
    .map((r) => r.countyId)
    .sort((a, b) => a - b);
const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);
const newProject = (over: Record<string, unknown> = {}) => ({
  code: 'TC2025-950',
  name: 'S317裕民—托里公路',
  categoryCode: w.category.code,
  stage: 'construction',
  status: 'on_track',
  ...over,
});

describe('createProject: the counties a project touches', () => {
  it('several counties with the prefecture responsible (地区级): both touched, the audit names them', async () => {
    const res = await createProject.execute(
      w.actors.dispatch,
      newProject({ countyId: '', countyIds: [String(w.countyA.id), String(w.countyB.id)], location: '裕民县至托里县' }),
    );
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;
    expect(await touched(res.data.id)).toEqual(sorted(w.countyA.id, w.countyB.id));
    const row = await projectRow(getDb(), res.data.id);
    expect(row).toMatchObject({ countyId: null, location: '裕民县至托里县' });
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(res.data.id)));
    expect(event?.after).toMatchObject({ countyIds: sorted(w.countyA.id, w.countyB.id), location: '裕民县至托里县' });
  });

  it('a responsible county among them; without countyIds the project touches its responsible county', async () => {
    const both = await createProject.execute(
      w.actors.dispatch,
      newProject({ countyId: String(w.countyB.id), countyIds: [String(w.countyA.id), String(w.countyB.id)] }),
    );
    expect(both).toMatchObject({ ok: true });
    if (both.ok) expect(await touched(both.data.id)).toEqual(sorted(w.countyA.id, w.countyB.id));
    const one = await createProject.execute(w.actors.dispatch, newProject({ code: 'TC2025-951', countyId: String(w.countyA.id) }));
    expect(one).toMatchObject({ ok: true });
    if (one.ok) expect(await touched(one.data.id)).toEqual([w.countyA.id]);
    const none = await createProject.execute(w.actors.dispatch, newProject({ code: 'TC2025-952', countyId: '' }));
    expect(none).toMatchObject({ ok: true });
    if (none.ok) expect(await touched(none.data.id)).toEqual([]); // 未填报
  });

  it('refuses a responsible county outside the counties chosen (422, in the user’s language); nothing is written', async () => {
    const before = await auditCount(getDb());
    const res = await createProject.execute(
      w.actors.dispatch,
      newProject({ countyId: String(w.countyB.id), countyIds: [String(w.countyA.id)] }),
    );
    expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { countyId: [zh('validation.responsibleCountyNotChosen')] } });
    const english = await createProject.execute(
      w.actors.dispatch,
      newProject({ countyId: String(w.countyB.id), countyIds: [String(w.countyA.id)] }),
      en,
    );
    expect(english).toMatchObject({ ok: false, fieldErrors: { countyId: ['The responsible county must be one of the counties chosen'] } });
    expect(await auditCount(getDb())).toBe(before);
  });

  it('refuses an unknown or a retired county among them', async () => {
    const retired = await makeCounty({ active: false });
    for (const bad of ['999999', String(retired.id)]) {
      const res = await createProject.execute(w.actors.dispatch, newProject({ countyIds: [String(w.countyA.id), bad] }));
      expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { countyIds: [zh('validation.invalidChoice')] } });
    }
    for (const bad of [['abc'], [''], ['1.5'], 'not a list']) {
      const res = await createProject.execute(w.actors.dispatch, newProject({ countyIds: bad }));
      expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { countyIds: [zh('validation.invalidChoice')] } });
    }
  });

  it('a county user keeps their county among them (and may name another county the project crosses into)', async () => {
    const countyUser = actorOf(await makeUser({ role: 'dispatch', countyId: w.countyA.id }));
    const without = await createProject.execute(countyUser, newProject({ countyId: '', countyIds: [String(w.countyB.id)] }));
    expect(without).toMatchObject({ ok: false, code: 'INVALID' });
    const crossing = await createProject.execute(
      countyUser,
      newProject({ countyId: String(w.countyA.id), countyIds: [String(w.countyA.id), String(w.countyB.id)] }),
    );
    expect(crossing).toMatchObject({ ok: true });
  });
});

describe('updateProject: the counties a project touches', () => {
  it('a new set moves the version on, rewrites project_counties and records before/after', async () => {
    const p = w.project;
    const res = await updateProject.execute(w.actors.dispatch, {
      id: p.id,
      version: p.version,
      countyIds: [String(w.countyA.id), String(w.countyB.id)],
    });
    expect(res).toMatchObject({ ok: true, data: { version: p.version + 1 } });
    expect(await touched(p.id)).toEqual(sorted(w.countyA.id, w.countyB.id));
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'project'), eq(auditEvents.action, 'project.update')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event?.before).toEqual({ countyIds: [w.countyA.id] });
    expect(event?.after).toEqual({ countyIds: sorted(w.countyA.id, w.countyB.id) });
    // The same set again is no change (no new version, no event).
    const again = await updateProject.execute(w.actors.dispatch, {
      id: p.id,
      version: p.version + 1,
      countyIds: [String(w.countyB.id), String(w.countyA.id)],
    });
    expect(again).toMatchObject({ ok: true, data: { version: p.version + 1 } });
  });

  it('refuses to drop the responsible county, or to make a county responsible that is not among them', async () => {
    const p = w.project; // responsible: county A, touches A
    const drop = await updateProject.execute(w.actors.dispatch, { id: p.id, version: p.version, countyIds: [String(w.countyB.id)] });
    expect(drop).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { countyId: [zh('validation.responsibleCountyNotChosen')] } });
    const move = await updateProject.execute(w.actors.dispatch, { id: p.id, version: p.version, countyId: String(w.countyB.id) });
    expect(move).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { countyId: [zh('validation.responsibleCountyNotChosen')] } });
    expect(await touched(p.id)).toEqual([w.countyA.id]);
    // Moving both together is allowed; 地区级 with the county kept too.
    const both = await updateProject.execute(w.actors.dispatch, {
      id: p.id,
      version: p.version,
      countyId: String(w.countyB.id),
      countyIds: [String(w.countyB.id)],
    });
    expect(both).toMatchObject({ ok: true });
    expect(await touched(p.id)).toEqual([w.countyB.id]);
    const prefecture = await updateProject.execute(w.actors.dispatch, { id: p.id, version: p.version + 1, countyId: '' });
    expect(prefecture).toMatchObject({ ok: true });
    expect(await touched(p.id)).toEqual([w.countyB.id]);
  });

  it('a retired county the project already touches stays; a stale version is a conflict with the current counties', async () => {
    const p = w.project;
    await updateProject.execute(w.actors.dispatch, {
      id: p.id,
      version: p.version,
      countyIds: [String(w.countyA.id), String(w.countyB.id)],
    });
    await getDb().update(counties).set({ active: false }).where(eq(counties.id, w.countyB.id));
    const kept = await updateProject.execute(w.actors.dispatch, { id: p.id, version: p.version + 1, location: '两县交界' });
    expect(kept).toMatchObject({ ok: true });
    const stale = await updateProject.execute(w.actors.dispatch, { id: p.id, version: p.version, countyIds: [String(w.countyA.id)] });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', current: { countyIds: sorted(w.countyA.id, w.countyB.id) } });
  });

  it('the database keeps the responsible county among them whatever writes', async () => {
    await expect(getDb().delete(projectCounties).where(eq(projectCounties.projectId, w.project.id))).rejects.toThrow();
    expect(await touched(w.project.id)).toEqual([w.countyA.id]);
  });
});
