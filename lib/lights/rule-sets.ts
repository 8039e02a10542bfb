/**
 * The versioned rule-set edit, its preview and the restore (admin). An edit or a restore never
 * updates a rule set or its rules: it inserts version n+1 with its rules and moves the active
 * flag, so every stored light keeps pointing at the rules that made it. The checks on the rules
 * are schemas.ts's; the preview's computation is preview.ts. Reading and the default:
 * rule-set-store.ts (re-exported here).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ruleSets, rules } from '@/db/schema';
import { zodFieldErrors } from '@/lib/actions/translate-zod';
import { createAction } from '@/lib/actions/wrapper';
import { AppError } from '@/lib/errors';
import { ruleSetResource } from './rule-set-resource';
import { loadActiveRuleSet, loadRuleSet, type RuleSetWithRules } from './rule-set-store';
import type { RuleDef } from './rules';
import { asRuleDefs, previewRuleChange, type RulePreview } from './preview';
import { editRuleSetSchema, previewRuleSetSchema, restoreRuleSetSchema, ruleListSchema } from './schemas';

export { ensureDefaultRuleSet, listRuleSetVersions, loadActiveRuleSet, loadRuleSet, type RuleSetWithRules } from './rule-set-store';

const ruleView = (r: Pick<RuleDef, 'measure' | 'comparison' | 'threshold' | 'light'>) => ({
  measure: r.measure,
  comparison: r.comparison,
  threshold: r.threshold,
  light: r.light,
});

type RuleView = ReturnType<typeof ruleView>;

/** CONFLICT with the active version as it is now (the editor shows it in place of the stale one). */
async function movedConflict(tx: Executor): Promise<never> {
  const active = await loadActiveRuleSet(tx);
  throw new AppError('CONFLICT', 'rule set is not the active version', {
    messageKey: 'lights.errors.ruleSetMoved',
    current: active ? { id: active.id, name: active.name, version: active.version, rules: active.rules.map(ruleView) } : {},
  });
}

/** Refuses (CONFLICT) when `current` is no longer the active version. */
async function assertActive(tx: Executor, current: RuleSetWithRules): Promise<void> {
  if (!current.active) await movedConflict(tx);
}

/**
 * Inserts the next version of `current`'s family with the given rules, makes it active and
 * `current` inactive. Only the active version can be replaced, and only once: the second of two
 * concurrent edits finds it inactive (CONFLICT).
 */
async function insertNextVersion(
  tx: Executor,
  actor: { id: number },
  current: RuleSetWithRules,
  next: { name: string; note: string | null; rules: readonly RuleView[] },
) {
  const [latest] = await tx
    .select({ version: ruleSets.version })
    .from(ruleSets)
    .where(eq(ruleSets.key, current.key))
    .orderBy(desc(ruleSets.version))
    .limit(1);
  const deactivated = await tx
    .update(ruleSets)
    .set({ active: false })
    .where(and(eq(ruleSets.id, current.id), eq(ruleSets.active, true)))
    .returning({ id: ruleSets.id });
  if (deactivated.length === 0) return movedConflict(tx);
  const version = (latest?.version ?? current.version) + 1;
  const [created] = await tx
    .insert(ruleSets)
    .values({ key: current.key, name: next.name, version, active: true, note: next.note, createdById: actor.id })
    .returning();
  if (!created) throw new AppError('INTERNAL', 'insert returned nothing');
  if (next.rules.length) {
    await tx
      .insert(rules)
      .values(next.rules.map((r, i) => ({ ...ruleView(r), threshold: String(r.threshold), sort: (i + 1) * 10, ruleSetId: created.id })));
  }
  return created;
}

/**
 * Edits the active rule set (admin): inserts the next version with the given rules, makes it
 * active and the edited one inactive. CONFLICT when the edited version is no longer the active one.
 */
export const editRuleSet = createAction({
  name: 'lights.ruleSet.edit',
  schema: editRuleSetSchema,
  permission: 'ruleset.edit',
  load: { resource: ruleSetResource, id: 'ruleSetId' },
  run: async ({ actor, input, tx, audit, record: current }) => {
    const created = await insertNextVersion(tx, actor, current, { name: input.name, note: input.note || null, rules: input.rules });
    await audit({
      action: 'lights.ruleSet.edit',
      entityType: 'rule_set',
      entityId: created.id,
      before: { id: current.id, name: current.name, version: current.version, rules: current.rules.map(ruleView) },
      after: { id: created.id, name: created.name, version: created.version, rules: input.rules.map(ruleView) },
    });
    return { id: created.id, version: created.version };
  },
});

/**
 * What saving the proposed rules would change (admin; writes nothing): lib/lights/preview.ts on
 * the latest period with approved reports, active version against the proposed rules. The same
 * checks as the edit (schemas.ts), and CONFLICT when the version the editor shows is no longer
 * the active one, so a confirmation is never made on a stale comparison.
 */
export const previewRuleSet = createAction({
  name: 'lights.ruleSet.preview',
  schema: previewRuleSetSchema,
  permission: 'ruleset.edit',
  load: { resource: ruleSetResource, id: 'ruleSetId' },
  run: async ({ actor, input, tx, record: current }): Promise<RulePreview> => {
    await assertActive(tx, current);
    return previewRuleChange(tx, actor, current.rules, asRuleDefs(input.rules));
  },
});

/**
 * Restores an earlier version in one step (admin): its name and rules become the NEXT version
 * (n+1, active), noted as restored from version k. Nothing is re-activated or rewritten, so the
 * history reads in order (v1, v2, v3 = v1 again, with who restored it and when) and every stored
 * light keeps pointing at the version that produced it. `ruleSetId` is the active version the
 * user saw: CONFLICT if another version became active meanwhile. The restored rules must pass
 * today's checks (a version saved before them may not): INVALID naming the first problem.
 */
export const restoreRuleSet = createAction({
  name: 'lights.ruleSet.restore',
  schema: restoreRuleSetSchema,
  permission: 'ruleset.edit',
  load: { resource: ruleSetResource, id: 'ruleSetId' },
  run: async ({ actor, input, tx, audit, t, record: current }) => {
    await assertActive(tx, current);
    const from = await loadRuleSet(tx, input.fromId);
    if (!from || from.key !== current.key)
      throw new AppError('NOT_FOUND', 'no such version', { messageKey: 'lights.errors.versionNotFound' });
    if (from.id === current.id) throw new AppError('INVALID', 'already active', { messageKey: 'lights.errors.restoreActive' });
    const checked = ruleListSchema.safeParse(from.rules.map(ruleView));
    if (!checked.success) {
      const first = Object.values(zodFieldErrors(checked.error, t))[0]?.[0] ?? '';
      throw new AppError('INVALID', 'restored rules fail the checks', {
        messageKey: 'lights.errors.restoreInvalid',
        messageValues: { version: from.version, problem: first },
      });
    }
    const created = await insertNextVersion(tx, actor, current, {
      name: from.name,
      note: t('lights.rules.restoredNote', { version: from.version }),
      rules: checked.data,
    });
    await audit({
      action: 'lights.ruleSet.restore',
      entityType: 'rule_set',
      entityId: created.id,
      before: { id: current.id, name: current.name, version: current.version, rules: current.rules.map(ruleView) },
      after: {
        id: created.id,
        name: created.name,
        version: created.version,
        restoredFrom: { id: from.id, version: from.version },
        rules: checked.data.map(ruleView),
      },
    });
    return { id: created.id, version: created.version, restoredFrom: from.version };
  },
});
