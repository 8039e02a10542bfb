/**
 * The rule-set preview, edit and restore together: the preview is what the next computation
 * stores, it writes nothing, and an earlier version comes back in one step as the next version.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, projectLights, ruleSets, rules } from '@/db/schema';
import type { LightReason } from '@/db/schema/lights';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { computeLights } from './compute';
import type { RulePreview } from './preview';
import { DEFAULT_RULE_SET_KEY } from './rules';
import { editRuleSet, ensureDefaultRuleSet, loadActiveRuleSet, previewRuleSet, restoreRuleSet } from './rule-sets';
import { buildLightWorld, type LightWorld, makeMonth, makeReport, snapshot } from './test-world';

const getDb = useTestDb();
let w: LightWorld;
const en = translator('en');

beforeAll(() => setClockForTests(new Date('2026-10-08T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildLightWorld();
});

type Rule = { measure: string; comparison: string; threshold: number | string; light: string };
const view = (rs: readonly Rule[]) =>
  rs.map((r) => ({ measure: r.measure, comparison: r.comparison, threshold: Number(r.threshold), light: r.light }));
const noRuleId = (rs: readonly LightReason[]) => rs.map(({ ruleId: _ruleId, ...r }) => r);

/** August 420 of 1000 approved, September 0 approved: KP-L1 is 33 points behind in September (red: > 30). */
async function september() {
  const aug = await makeMonth(8);
  const sep = await makeMonth(9);
  await makeReport(aug.id, w.project.id, 'approved', '420.00');
  await makeReport(sep.id, w.project.id, 'approved', '0.00');
  return sep;
}

async function compute(periodId: number) {
  const res = await computeLights.execute(w.actors.dispatch, { periodId });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.data;
}

async function storedLights(periodId: number) {
  const rows = await getDb().select().from(projectLights).where(eq(projectLights.periodId, periodId));
  return new Map(rows.map((r) => [r.projectId, r]));
}

/** The active rules with the investment red threshold at `red`. */
async function withRedAt(red: number) {
  const active = await ensureDefaultRuleSet(getDb());
  return {
    active,
    rules: view(active.rules).map((r) =>
      r.measure === 'investment_behind_time_elapsed_pp' && r.light === 'red' ? { ...r, threshold: red } : r,
    ),
  };
}

async function preview(ruleSetId: number, proposed: Rule[]): Promise<RulePreview> {
  const res = await previewRuleSet.execute(w.actors.admin, { ruleSetId, rules: proposed });
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.data;
}

describe('the preview', () => {
  it('lists what would change on the latest period with approved reports, and is what the next computation stores', async () => {
    const sep = await september();
    const v1Result = await compute(sep.id);
    const { active, rules: proposed } = await withRedAt(40);

    const before = await snapshot(getDb());
    const p = await preview(active.id, proposed);
    // Nothing written: rule sets, rules, lights, the audit trail.
    expect(await snapshot(getDb())).toEqual(before);

    expect(p.period).toMatchObject({ id: sep.id, startDate: '2026-09-01', endDate: '2026-09-30' });
    expect(p.total).toBe(2);
    // "From" is what the active rules give: the stored lights of the period.
    expect(p.before).toEqual(v1Result.counts);
    expect(p.changed).toBe(1);
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]).toMatchObject({ projectId: w.project.id, code: 'KP-L1', name: '柳树沟水库', from: 'red', to: 'yellow' });
    expect(p.changes[0]!.reasons[0]).toMatchObject({
      measure: 'investment_behind_time_elapsed_pp',
      value: 33,
      threshold: 10,
      light: 'yellow',
    });
    expect(p.changes[0]!.fromReasons[0]).toMatchObject({ value: 33, threshold: 30, comparison: 'gt', light: 'red' });

    // Save, then compute the same period: every light and reason is what the preview said.
    const saved = await editRuleSet.execute(w.actors.admin, { ruleSetId: active.id, name: active.name, rules: proposed });
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const v2Result = await compute(sep.id);
    expect(v2Result).toMatchObject({ ruleSetVersion: 2, counts: p.after });
    const stored = await storedLights(sep.id);
    expect(stored.size).toBe(p.total);
    for (const c of p.changes) {
      expect(stored.get(c.projectId)!.light).toBe(c.to);
      expect(noRuleId(stored.get(c.projectId)!.reasons)).toEqual(noRuleId(c.reasons));
    }
    // The unchanged project kept its light.
    expect(stored.get(w.projectB.id)!.light).toBe('red');

    // And with the rules now active, previewing them again changes nothing.
    const again = await preview(v2Result.ruleSetId, proposed);
    expect(again).toMatchObject({ changed: 0, changes: [], before: p.after, after: p.after });
  });

  it('without approved reports there is no period to compare', async () => {
    const sep = await makeMonth(9);
    await makeReport(sep.id, w.project.id, 'submitted', '10.00');
    const { active, rules: proposed } = await withRedAt(40);
    expect(await preview(active.id, proposed)).toEqual({
      period: null,
      total: 0,
      before: { green: 0, yellow: 0, red: 0 },
      after: { green: 0, yellow: 0, red: 0 },
      changed: 0,
      changes: [],
    });
  });

  it('refuses invalid rules with field errors and a version that is no longer active with CONFLICT', async () => {
    const { active, rules: proposed } = await withRedAt(40);
    const bad = await previewRuleSet.execute(
      w.actors.admin,
      { ruleSetId: active.id, rules: [{ ...proposed[0]!, threshold: '' }, ...proposed.slice(1)] },
      en,
    );
    expect(bad).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { 'rules.0.threshold': ['Required'] } });
    await editRuleSet.execute(w.actors.admin, { ruleSetId: active.id, name: active.name, rules: proposed });
    const stale = await previewRuleSet.execute(w.actors.admin, { ruleSetId: active.id, rules: proposed });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', current: { version: 2 } });
    expect(await previewRuleSet.execute(w.actors.dispatch, { ruleSetId: active.id, rules: proposed })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('an empty threshold never becomes 0 on save: the edit is refused and nothing changes', async () => {
    const { active, rules: proposed } = await withRedAt(40);
    const before = await snapshot(getDb());
    const res = await editRuleSet.execute(w.actors.admin, {
      ruleSetId: active.id,
      name: active.name,
      rules: [{ ...proposed[0]!, threshold: '' }, ...proposed.slice(1)],
    });
    expect(res).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { 'rules.0.threshold': ['必填'] } });
    expect(await snapshot(getDb())).toEqual(before);
  });
});

describe('restoring an earlier version', () => {
  it('in one step: the earlier rules become the next version, audited; the history stays in order', async () => {
    const sep = await september();
    await compute(sep.id);
    const v1 = await ensureDefaultRuleSet(getDb());
    const { rules: proposed } = await withRedAt(40);
    const saved = await editRuleSet.execute(w.actors.admin, { ruleSetId: v1.id, name: '放宽红灯', rules: proposed });
    if (!saved.ok) throw new Error(saved.code);
    expect((await compute(sep.id)).counts).toEqual({ green: 0, yellow: 1, red: 1 });

    const res = await restoreRuleSet.execute(w.actors.admin, { ruleSetId: saved.data.id, fromId: v1.id });
    expect(res).toMatchObject({ ok: true, data: { version: 3, restoredFrom: 1 } });
    if (!res.ok) return;
    const v3 = (await loadActiveRuleSet(getDb()))!;
    expect(v3).toMatchObject({ id: res.data.id, version: 3, name: v1.name, note: '恢复自第 1 版', createdById: w.users.admin.id });
    expect(view(v3.rules)).toEqual(view(v1.rules));
    // Versions 1 and 2 are kept as they were, inactive.
    const family = await getDb().select().from(ruleSets).where(eq(ruleSets.key, DEFAULT_RULE_SET_KEY)).orderBy(ruleSets.version);
    expect(family.map((s) => [s.version, s.active])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const [event] = await getDb().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: 'lights.ruleSet.restore', entityType: 'rule_set', entityId: String(v3.id) });
    expect(event!.before).toMatchObject({ id: saved.data.id, version: 2 });
    expect(event!.after).toMatchObject({ id: v3.id, version: 3, restoredFrom: { id: v1.id, version: 1 } });

    // The next computation is version 1's again.
    expect(await compute(sep.id)).toMatchObject({ ruleSetVersion: 3, counts: { green: 0, yellow: 0, red: 2 } });
  });

  it('is version-checked: restoring on a version that is no longer active is CONFLICT and changes nothing', async () => {
    const v1 = await ensureDefaultRuleSet(getDb());
    const { rules: proposed } = await withRedAt(40);
    const saved = await editRuleSet.execute(w.actors.admin, { ruleSetId: v1.id, name: v1.name, rules: proposed });
    if (!saved.ok) throw new Error(saved.code);
    const before = await snapshot(getDb());
    // The user still looks at version 1 as the active one.
    const stale = await restoreRuleSet.execute(w.actors.admin, { ruleSetId: v1.id, fromId: v1.id });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', current: { id: saved.data.id, version: 2 } });
    // Restoring the active version itself, or one that does not exist.
    expect(await restoreRuleSet.execute(w.actors.admin, { ruleSetId: saved.data.id, fromId: saved.data.id }, en)).toMatchObject({
      ok: false,
      code: 'INVALID',
      message: 'That version is already the current rules.',
    });
    expect(await restoreRuleSet.execute(w.actors.admin, { ruleSetId: saved.data.id, fromId: 999_999 })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    // Only the administrator.
    expect(await restoreRuleSet.execute(w.actors.dispatch, { ruleSetId: saved.data.id, fromId: v1.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await snapshot(getDb())).toEqual(before);
  });

  it('a version whose rules fail today’s checks (the old "≥ 0" bug) is not restored', async () => {
    const v1 = await ensureDefaultRuleSet(getDb());
    const [broken] = await getDb()
      .insert(ruleSets)
      .values({ key: DEFAULT_RULE_SET_KEY, name: '坏版本', version: 5, active: false })
      .returning();
    await getDb().insert(rules).values({
      ruleSetId: broken!.id,
      measure: 'investment_behind_time_elapsed_pp',
      comparison: 'gte',
      threshold: '0',
      light: 'yellow',
      sort: 10,
    });
    const before = await snapshot(getDb());
    const res = await restoreRuleSet.execute(w.actors.admin, { ruleSetId: v1.id, fromId: broken!.id }, en);
    expect(res).toMatchObject({ ok: false, code: 'INVALID' });
    if (!res.ok)
      expect(res.message).toBe(
        "Version 5 cannot be restored as it is: its rules fail today's checks (“≥ 0” holds for every project and would change every light; use “> 0” or a larger threshold).",
      );
    expect(await snapshot(getDb())).toEqual(before);
  });
});
