import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, procedureEvents, projectProcedureDeps, projectProcedures } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import {
  acceptProcedure,
  addProcedure,
  applyProcedureTemplate,
  approveProcedure,
  markProcedureNotApplicable,
  processProcedure,
  reinstateProcedure,
  returnProcedure,
  startProcedure,
} from './actions';
import { buildProcedureWorld, planOf, procedureRow, type ProcedureWorld } from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
let w: ProcedureWorld;

beforeAll(() => setClockForTests(new Date('2026-05-11T04:00:00Z'))); // Monday 11 May 2026, Asia/Shanghai
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildProcedureWorld(getDb());
});

describe('a plan from a template', () => {
  it('makes each step a procedure with its agency’s unit and serial order, and changes nothing the second time', async () => {
    const first = await applyProcedureTemplate.execute(w.actors.office, { projectId: w.project.id, templateId: w.template.id });
    expect(first).toMatchObject({ ok: true, data: { created: 3, skipped: 0 } });
    const rows = await getDb()
      .select()
      .from(projectProcedures)
      .where(eq(projectProcedures.projectId, w.project.id))
      .orderBy(projectProcedures.sort);
    expect(rows.map((r) => [r.nameZh, r.agencyUnitId, r.state])).toEqual([
      ['用地预审与选址意见书', w.units.zrj.id, 'not_started'],
      ['可行性研究报告批复', w.units.fgw.id, 'not_started'],
      ['环境影响评价批复', w.units.sthj.id, 'not_started'],
    ]);
    const deps = await getDb().select().from(projectProcedureDeps);
    expect(deps).toEqual([{ procedureId: rows[1]!.id, dependsOnId: rows[0]!.id }]);
    const again = await applyProcedureTemplate.execute(w.actors.office, { projectId: w.project.id, templateId: w.template.id });
    expect(again).toMatchObject({ ok: true, data: { created: 0, skipped: 3 } });
    expect((await getDb().select().from(projectProcedures)).length).toBe(3);
  });

  it('leaves the unit open where two units are of the agency’s kind', async () => {
    const { makeUnit } = await import('@/test/factories');
    await makeUnit({ nameZh: '另一自然资源局', agencyKind: 'natural_resources' });
    const { land } = await planOf(getDb(), w);
    expect(land.agencyUnitId).toBeNull();
  });

  it('is the office’s: a lead, a department user and another county’s office are refused', async () => {
    const input = { projectId: w.project.id, templateId: w.template.id };
    expect(await applyProcedureTemplate.execute(w.actors.lead, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await applyProcedureTemplate.execute(w.actors.zrj, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await applyProcedureTemplate.execute(w.actors.countyB, input)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await getDb().select().from(projectProcedures)).toEqual([]);
  });
});

describe('the steps of a procedure', () => {
  it('runs from 未启动 to 已批复 with its dates and document number, each step in its history and the audit trail', async () => {
    const { land } = await planOf(getDb(), w);
    const started = await startProcedure.execute(w.actors.lead, { id: land.id, version: land.version, note: '材料准备中' });
    expect(started).toMatchObject({ ok: true, data: { state: 'preparing', version: 2 } });
    const accepted = await acceptProcedure.execute(w.actors.zrj, {
      id: land.id,
      version: 2,
      acceptedOn: '2026-04-30',
      submittedOn: '2026-04-29',
    });
    expect(accepted).toMatchObject({ ok: true, data: { state: 'accepted' } });
    expect((await processProcedure.execute(w.actors.zrj, { id: land.id, version: 3 })).ok).toBe(true);
    const approved = await approveProcedure.execute(w.actors.zrj, {
      id: land.id,
      version: 4,
      approvedOn: '2026-05-08',
      documentNumber: '塔自然资预〔2026〕12号',
    });
    expect(approved).toMatchObject({ ok: true, data: { state: 'approved', version: 5 } });
    expect(await procedureRow(getDb(), land.id)).toMatchObject({
      submittedOn: '2026-04-29',
      acceptedOn: '2026-04-30',
      approvedOn: '2026-05-08',
      documentNumber: '塔自然资预〔2026〕12号',
    });
    const history = await getDb()
      .select()
      .from(procedureEvents)
      .where(eq(procedureEvents.procedureId, land.id))
      .orderBy(procedureEvents.id);
    expect(history.map((e) => [e.step, e.toState])).toEqual([
      ['created', 'not_started'],
      ['start', 'preparing'],
      ['accept', 'accepted'],
      ['process', 'in_progress'],
      ['approve', 'approved'],
    ]);
    expect(history[1]!.note).toBe('材料准备中');
    const audits = await getDb().select().from(auditEvents).where(eq(auditEvents.entityType, 'procedure')).orderBy(auditEvents.id);
    expect(audits.map((a) => a.action)).toEqual(['procedure.start', 'procedure.accept', 'procedure.process', 'procedure.approve']);
  });

  it('accepts a procedure only after those it depends on are approved (the message names them); the database refuses it too', async () => {
    const { land, feasibility } = await planOf(getDb(), w);
    const early = await acceptProcedure.execute(w.actors.fgw, { id: feasibility.id, version: 1, acceptedOn: '2026-05-06' });
    expect(early).toMatchObject({
      ok: false,
      code: 'INVALID',
      message: zh('procedures.error.dependenciesOpen', { names: '用地预审与选址意见书' }),
    });
    expect(await procedureRow(getDb(), feasibility.id)).toMatchObject({ state: 'not_started', version: 1 });
    await expect(
      getDb().execute(sql`UPDATE project_procedures SET state = 'accepted', accepted_on = '2026-05-06' WHERE id = ${feasibility.id}`),
    ).rejects.toThrow();
    // 不涉及 settles it as approval does.
    expect(
      (await markProcedureNotApplicable.execute(w.actors.office, { id: land.id, version: 1, reason: '已取得国有土地使用权' })).ok,
    ).toBe(true);
    expect((await acceptProcedure.execute(w.actors.fgw, { id: feasibility.id, version: 1, acceptedOn: '2026-05-06' })).ok).toBe(true);
  });

  it('a return for correction needs what to correct; the next acceptance restarts the clock and keeps the first submission', async () => {
    const { eia } = await planOf(getDb(), w);
    await acceptProcedure.execute(w.actors.sthj, { id: eia.id, version: 1, acceptedOn: '2026-04-01' });
    const noNote = await returnProcedure.execute(w.actors.sthj, { id: eia.id, version: 2, note: ' ' });
    expect(noNote).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { note: [zh('validation.required')] } });
    expect((await returnProcedure.execute(w.actors.sthj, { id: eia.id, version: 2, note: '补充公众参与说明' })).ok).toBe(true);
    expect((await acceptProcedure.execute(w.actors.sthj, { id: eia.id, version: 3, acceptedOn: '2026-05-06' })).ok).toBe(true);
    expect(await procedureRow(getDb(), eia.id)).toMatchObject({ state: 'accepted', submittedOn: '2026-04-01', acceptedOn: '2026-05-06' });
  });

  it('refuses a step its state does not allow, a date in the future, an approval without a document number or before acceptance', async () => {
    const { eia } = await planOf(getDb(), w);
    expect(await processProcedure.execute(w.actors.sthj, { id: eia.id, version: 1 })).toMatchObject({
      ok: false,
      code: 'INVALID',
      message: zh('procedures.error.wrongState'),
    });
    expect(await acceptProcedure.execute(w.actors.sthj, { id: eia.id, version: 1, acceptedOn: '2026-05-12' })).toMatchObject({
      ok: false,
      fieldErrors: { acceptedOn: [zh('validation.dateInFuture')] },
    });
    await acceptProcedure.execute(w.actors.sthj, { id: eia.id, version: 1, acceptedOn: '2026-05-06' });
    expect(
      await approveProcedure.execute(w.actors.sthj, { id: eia.id, version: 2, approvedOn: '2026-05-08', documentNumber: '' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { documentNumber: [zh('validation.required')] },
    });
    expect(
      await approveProcedure.execute(w.actors.sthj, {
        id: eia.id,
        version: 2,
        approvedOn: '2026-05-05',
        documentNumber: '环审〔2026〕1号',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { approvedOn: [zh('procedures.error.approvedBeforeAccepted')] },
    });
    expect(await procedureRow(getDb(), eia.id)).toMatchObject({ state: 'accepted', version: 2 });
  });

  it('a stale version is the conflict answer with the procedure as it is now', async () => {
    const { eia } = await planOf(getDb(), w);
    await acceptProcedure.execute(w.actors.sthj, { id: eia.id, version: 1, acceptedOn: '2026-05-06' });
    const stale = await markProcedureNotApplicable.execute(w.actors.office, { id: eia.id, version: 1, reason: '不涉及' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', current: { state: 'accepted', version: 2 } });
  });

  it('only the procedure’s own agency handles it; another agency, the lead and another county change nothing', async () => {
    const { land } = await planOf(getDb(), w);
    const input = { id: land.id, version: 1, acceptedOn: '2026-05-06' };
    expect(await acceptProcedure.execute(w.actors.sthj, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await acceptProcedure.execute(w.actors.lead, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await acceptProcedure.execute(w.actors.countyB, input)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await startProcedure.execute(w.actors.otherLead, { id: land.id, version: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await markProcedureNotApplicable.execute(w.actors.zrj, { id: land.id, version: 1, reason: 'x' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await procedureRow(getDb(), land.id)).toMatchObject({ state: 'not_started', version: 1 });
    // The office may record the agency's step on its behalf.
    expect((await acceptProcedure.execute(w.actors.office, input)).ok).toBe(true);
  });

  it('不涉及 needs a reason and can be reinstated', async () => {
    const { eia } = await planOf(getDb(), w);
    expect(await markProcedureNotApplicable.execute(w.actors.office, { id: eia.id, version: 1, reason: '' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: [zh('validation.required')] },
    });
    expect((await markProcedureNotApplicable.execute(w.actors.office, { id: eia.id, version: 1, reason: '报告表项目，已并入' })).ok).toBe(
      true,
    );
    expect((await reinstateProcedure.execute(w.actors.office, { id: eia.id, version: 2 })).ok).toBe(true);
    expect(await procedureRow(getDb(), eia.id)).toMatchObject({ state: 'not_started', notApplicableReason: null });
  });
});

describe('a procedure added by hand', () => {
  it('joins the plan after the procedures it names; a taken name, a committed limit over the statutory one or a stranger dependency is refused', async () => {
    const { feasibility } = await planOf(getDb(), w);
    const base = { projectId: w.project.id, agencyKind: 'water', statutoryDays: 45, committedDays: 20, beforeStart: true };
    const added = await addProcedure.execute(w.actors.office, { ...base, nameZh: '取水许可', dependsOn: [feasibility.id] });
    expect(added).toMatchObject({ ok: true });
    expect(await getDb().select().from(projectProcedureDeps).where(eq(projectProcedureDeps.dependsOnId, feasibility.id))).toHaveLength(1);
    expect(await addProcedure.execute(w.actors.office, { ...base, nameZh: '取水许可' })).toMatchObject({
      ok: false,
      fieldErrors: { nameZh: [zh('procedures.error.nameTaken')] },
    });
    expect(await addProcedure.execute(w.actors.office, { ...base, nameZh: '其他', committedDays: 50 })).toMatchObject({
      ok: false,
      fieldErrors: { committedDays: [zh('validation.committedOverStatutory')] },
    });
    expect(await addProcedure.execute(w.actors.office, { ...base, nameZh: '其他', dependsOn: [999999] })).toMatchObject({
      ok: false,
      fieldErrors: { dependsOn: [zh('validation.invalidChoice')] },
    });
  });
});
