/**
 * The versioned rule-set edit (admin). An edit never updates a rule set or its rules: it inserts
 * version n+1 with its rules and moves the active flag, so every stored light keeps pointing at
 * the rules that made it. Reading and the default: rule-set-store.ts (re-exported here).
 */
import { and, desc, eq } from 'drizzle-orm';
import { ruleSets, rules } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { AppError } from '@/lib/errors';
import { ruleSetResource } from './rule-set-resource';
import { loadActiveRuleSet } from './rule-set-store';
import type { RuleDef } from './rules';
import { editRuleSetSchema } from './schemas';

export { ensureDefaultRuleSet, listRuleSetVersions, loadActiveRuleSet, loadRuleSet, type RuleSetWithRules } from './rule-set-store';

const ruleView = (r: Pick<RuleDef, 'measure' | 'comparison' | 'threshold' | 'light'>) => ({
  measure: r.measure,
  comparison: r.comparison,
  threshold: r.threshold,
  light: r.light,
});

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
    const [latest] = await tx
      .select({ version: ruleSets.version })
      .from(ruleSets)
      .where(eq(ruleSets.key, current.key))
      .orderBy(desc(ruleSets.version))
      .limit(1);
    // Only the active version can be edited, and only once: the second of two concurrent edits finds it inactive.
    const deactivated = await tx
      .update(ruleSets)
      .set({ active: false })
      .where(and(eq(ruleSets.id, current.id), eq(ruleSets.active, true)))
      .returning({ id: ruleSets.id });
    if (deactivated.length === 0) {
      const active = await loadActiveRuleSet(tx);
      throw new AppError('CONFLICT', 'rule set is not the active version', {
        messageKey: 'lights.errors.ruleSetMoved',
        current: active ? { id: active.id, name: active.name, version: active.version, rules: active.rules.map(ruleView) } : {},
      });
    }
    const version = (latest?.version ?? current.version) + 1;
    const [created] = await tx
      .insert(ruleSets)
      .values({ key: current.key, name: input.name, version, active: true, note: input.note || null, createdById: actor.id })
      .returning();
    if (!created) throw new AppError('INTERNAL', 'insert returned nothing');
    if (input.rules.length) {
      await tx
        .insert(rules)
        .values(input.rules.map((r, i) => ({ ...r, threshold: String(r.threshold), sort: (i + 1) * 10, ruleSetId: created.id })));
    }
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
