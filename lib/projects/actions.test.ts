import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '@/db/schema';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { createProject, updateProject } from './actions';
import { auditCount, buildWorld, projectRow, type RoleKey, type World } from './test-world';

const getDb = useTestDb();
let w: World;

beforeEach(async () => {
  w = await buildWorld();
});

const projectCount = async () => (await getDb().select({ n: count() }).from(projects))[0]?.n;
const zh = translator('zh-CN');

const newProject = (over: Record<string, unknown> = {}) => ({
  code: 'TC2025-900',
  name: '测试新建项目',
  nameEn: 'New test project',
  categoryCode: w.category.code,
  countyId: String(w.countyA.id),
  constructionContent: '新建风电场 10 万千瓦',
  capacity: '10',
  capacityUnit: '万千瓦',
  totalInvestment: '123456789012.34',
  annualPlannedInvestment: '5000.5',
  startDate: '2025-04-01',
  plannedCompletionDate: '2026-10-31',
  stage: 'construction',
  status: 'on_track',
  responsibleLeaderId: String(w.users.leader.id),
  responsibleUnitId: String(w.responsibleUnit.id),
  ownerUnitId: String(w.ownerUnit.id),
  projectLeadId: String(w.users.leadOwn.id),
  targetYear: '2025',
  annualTarget: '建成投运',
  ...over,
});

describe('createProject: who may', () => {
  const table: [RoleKey, 'ok' | 'FORBIDDEN' | 'INVALID'][] = [
    ['admin', 'ok'],
    ['dispatch', 'ok'],
    ['leader', 'FORBIDDEN'],
    ['leadOwn', 'FORBIDDEN'],
    ['leadOther', 'FORBIDDEN'],
    ['viewer', 'FORBIDDEN'],
    // A county user may not place a project in another county (a forbidden field value: 422).
    ['countyB', 'INVALID'],
  ];
  it.each(table)('%s → %s', async (role, expected) => {
    const res = await createProject.execute(w.actors[role], newProject());
    if (expected === 'ok') {
      expect(res).toMatchObject({ ok: true, data: { version: 1 } });
      if (!res.ok) return;
      const row = await projectRow(getDb(), res.data.id);
      expect(row).toMatchObject({
        code: 'TC2025-900',
        countyId: w.countyA.id,
        totalInvestment: '123456789012.34',
        annualPlannedInvestment: '5000.50',
        capacity: '10.00',
        targetYear: 2025,
      });
      expect(row?.sources).toMatchObject({ name: { kind: 'user' }, totalInvestment: { kind: 'user' } });
      expect(row?.sources.nationalCode).toBeUndefined();
      const [event] = await getDb().select().from(auditEvents);
      expect(event).toMatchObject({ action: 'project.create', entityType: 'project', projectId: res.data.id, before: null });
      expect(event?.after).toMatchObject({ code: 'TC2025-900', totalInvestment: '123456789012.34' });
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      if (expected === 'INVALID' && !res.ok) expect(Object.keys(res.fieldErrors ?? {})).toEqual(['countyId']);
      expect(await projectCount()).toBe(1);
      expect(await auditCount(getDb())).toBe(0);
    }
  });

  it('a county user may create in their own county, not prefecture-wide', async () => {
    const own = await createProject.execute(w.actors.countyB, newProject({ countyId: String(w.countyB.id), projectLeadId: '' }));
    expect(own.ok).toBe(true);
    const wide = await createProject.execute(w.actors.countyB, newProject({ code: 'TC2025-901', countyId: '' }));
    expect(wide).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { countyId: expect.any(Array) } });
  });
});

describe('createProject: rules', () => {
  it('a code already used is a CONFLICT with an error on the code field', async () => {
    const res = await createProject.execute(w.actors.dispatch, newProject({ code: w.project.code }));
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { code: [expect.any(String)] } });
    if (!res.ok) expect(res.current).toBeUndefined();
    expect(await projectCount()).toBe(1);
  });

  it.each([
    ['totalInvestment', 'three decimals', { totalInvestment: '12.345' }, zh('validation.invalidMoney')],
    ['totalInvestment', 'a float, not a string', { totalInvestment: 12.5 }, zh('validation.invalidMoney')],
    ['totalInvestment', 'negative', { totalInvestment: '-1' }, zh('validation.negativeMoney')],
    [
      'annualPlannedInvestment',
      'over the total',
      { totalInvestment: '100', annualPlannedInvestment: '100.01' },
      zh('validation.annualOverTotal'),
    ],
    [
      'plannedCompletionDate',
      'before the start',
      { startDate: '2026-01-01', plannedCompletionDate: '2025-12-31' },
      zh('validation.dateOrder'),
    ],
    ['startDate', 'not a real date', { startDate: '2025-02-29' }, zh('validation.invalidDate')],
    ['name', 'blank', { name: '   ' }, zh('validation.required')],
    ['stage', 'not a stage', { stage: 'planning' }, zh('validation.invalidChoice')],
    ['capacityUnit', 'capacity without unit', { capacityUnit: '' }, zh('validation.required')],
    ['nationalCode', 'not the platform shape', { nationalCode: '2025-6542-44-01' }, zh('validation.invalidNationalCode')],
  ])('%s: %s', async (field, _why, over, message) => {
    const res = await createProject.execute(w.actors.dispatch, newProject(over));
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (res.ok) return;
    expect(Object.keys(res.fieldErrors ?? {})).toEqual([field]);
    expect(res.fieldErrors?.[field]).toEqual([message]);
    expect(await projectCount()).toBe(1);
  });

  it('stores a national project code typed with a Chinese IME in its canonical form', async () => {
    const res = await createProject.execute(
      w.actors.dispatch,
      newProject({ nationalCode: '２０２５－６５４２００－４４－０１－０１２３４５' }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect((await projectRow(getDb(), res.data.id))?.nationalCode).toBe('2025-654200-44-01-012345');
  });

  it.each([
    ['categoryCode', { categoryCode: 'no-such-category' }],
    ['countyId', { countyId: '99999' }],
    ['responsibleLeaderId', { responsibleLeaderId: '99999' }],
    ['projectLeadId', { projectLeadId: 'VIEWER' }],
    ['ownerUnitId', { ownerUnitId: 'RESPONSIBLE_UNIT' }],
  ])('a reference that does not exist (or is of the wrong kind) is refused: %s', async (field, over) => {
    const fix = (v: string) => (v === 'VIEWER' ? String(w.users.viewer.id) : v === 'RESPONSIBLE_UNIT' ? String(w.responsibleUnit.id) : v);
    const input = Object.fromEntries(Object.entries(over).map(([k, v]) => [k, fix(v)]));
    const res = await createProject.execute(w.actors.admin, newProject(input));
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res.ok) expect(Object.keys(res.fieldErrors ?? {})).toEqual([field]);
    expect(await projectCount()).toBe(1);
  });
});

describe('updateProject: who may', () => {
  const table: [RoleKey, 'ok' | 'FORBIDDEN' | 'NOT_FOUND'][] = [
    ['admin', 'ok'],
    ['dispatch', 'ok'],
    ['leader', 'FORBIDDEN'],
    ['leadOwn', 'FORBIDDEN'],
    ['leadOther', 'FORBIDDEN'],
    ['viewer', 'FORBIDDEN'],
    ['countyB', 'NOT_FOUND'],
  ];
  it.each(table)('%s → %s', async (role, expected) => {
    const db = getDb();
    const before = await projectRow(db, w.project.id);
    const res = await updateProject.execute(w.actors[role], { id: w.project.id, version: 1, name: '改名后的项目', status: 'at_risk' });
    const after = await projectRow(db, w.project.id);
    if (expected === 'ok') {
      expect(res).toMatchObject({ ok: true, data: { id: w.project.id, version: 2 } });
      expect(after).toMatchObject({ name: '改名后的项目', status: 'at_risk', version: 2 });
      const events = await db.select().from(auditEvents);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'project.update',
        entityType: 'project',
        projectId: w.project.id,
        actorId: w.actors[role].id,
        before: { name: before?.name, status: 'on_track' },
        after: { name: '改名后的项目', status: 'at_risk' },
      });
    } else {
      expect(res).toMatchObject({ ok: false, code: expected });
      expect(after).toEqual(before);
      expect(await auditCount(db)).toBe(0);
    }
  });
});

describe('updateProject: versions, sources, rules', () => {
  it('the second of two updates from the same version gets CONFLICT with the current values; the first survives', async () => {
    const db = getDb();
    const first = await updateProject.execute(w.actors.dispatch, { id: w.project.id, version: 1, totalInvestment: '20000' });
    const second = await updateProject.execute(w.actors.admin, { id: w.project.id, version: 1, totalInvestment: '30000' });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      current: { id: w.project.id, version: 2, totalInvestment: '20000.00', changedBy: w.users.dispatch.displayName },
    });
    expect(await projectRow(db, w.project.id)).toMatchObject({ version: 2, totalInvestment: '20000.00' });
    expect(await auditCount(db)).toBe(1);
  });

  it('marks the changed fields as user-entered and keeps the sources of the others', async () => {
    const res = await updateProject.execute(w.actors.dispatch, {
      id: w.project.id,
      version: 1,
      name: w.project.name, // unchanged: keeps its report source
      annualTarget: '年内全容量并网',
      totalInvestment: '10000', // same value as stored (10000.00): unchanged
    });
    expect(res.ok).toBe(true);
    const row = await projectRow(getDb(), w.project.id);
    expect(row?.sources).toEqual({
      name: { kind: 'report', section: '二、关于2025年工作', quote: '测试原文' },
      annualTarget: { kind: 'user' },
      totalInvestment: { kind: 'demo' },
    });
    const [event] = await getDb().select().from(auditEvents);
    expect(event?.after).toEqual({ annualTarget: '年内全容量并网' });
  });

  it('a code used by another project is a CONFLICT on the code field', async () => {
    const other = await createProject.execute(w.actors.dispatch, newProject());
    expect(other.ok).toBe(true);
    const res = await updateProject.execute(w.actors.dispatch, { id: w.project.id, version: 1, code: 'TC2025-900' });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { code: [expect.any(String)] } });
    expect(await projectRow(getDb(), w.project.id)).toMatchObject({ code: w.project.code, version: 1 });
  });

  it('checks rules across fields against the stored values', async () => {
    // Stored: start 2025-03-01, planned completion 2027-12-31, total 10000, annual 2000.
    const late = await updateProject.execute(w.actors.dispatch, { id: w.project.id, version: 1, startDate: '2028-01-01' });
    expect(late).toMatchObject({ ok: false, code: 'INVALID' });
    if (!late.ok) expect(Object.keys(late.fieldErrors ?? {})).toEqual(['plannedCompletionDate']);
    const tooMuch = await updateProject.execute(w.actors.dispatch, { id: w.project.id, version: 1, annualPlannedInvestment: '10000.01' });
    expect(tooMuch).toMatchObject({ ok: false, code: 'INVALID' });
    if (!tooMuch.ok) expect(Object.keys(tooMuch.fieldErrors ?? {})).toEqual(['annualPlannedInvestment']);
    expect(await projectRow(getDb(), w.project.id)).toMatchObject({ version: 1, startDate: '2025-03-01' });
    expect(await auditCount(getDb())).toBe(0);
  });

  it('validation errors are per field', async () => {
    const res = await updateProject.execute(w.actors.dispatch, {
      id: w.project.id,
      version: 1,
      totalInvestment: '1,00',
      plannedCompletionDate: '2027-02-31',
      status: 'late',
    });
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res.ok) expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['plannedCompletionDate', 'status', 'totalInvestment']);
  });

  it('a county user may not move a project out of their county', async () => {
    const own = await createProject.execute(w.actors.countyB, newProject({ countyId: String(w.countyB.id), projectLeadId: '' }));
    if (!own.ok) throw new Error(own.message);
    const res = await updateProject.execute(w.actors.countyB, { id: own.data.id, version: 1, countyId: String(w.countyA.id) });
    expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { countyId: expect.any(Array) } });
    expect(await projectRow(getDb(), own.data.id)).toMatchObject({ countyId: w.countyB.id, version: 1 });
  });
});
