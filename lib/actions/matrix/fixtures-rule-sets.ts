/**
 * Fixtures of the authorization matrix for the lights' rule-set preview and restore (one rule
 * set for the whole deployment, so every scope sees it; only ruleset.edit may use them). The
 * edit's own fixture is in fixtures-admin.ts.
 */
import { ruleSets, rules } from '@/db/schema';
import { DEFAULT_RULE_SET_KEY } from '@/lib/lights/rules';
import { type Fixture, onSharedRecord, unique } from './world';

export const RULE_SET_FIXTURES: Record<string, Fixture> = {
  'lights.ruleSet.preview': onSharedRecord(async (c) => ({
    input: {
      ruleSetId: c.world.ruleSetId,
      rules: [
        { measure: 'overdue_problems', comparison: 'gte', threshold: '1', light: 'yellow' },
        { measure: 'overdue_problems', comparison: 'gte', threshold: '3', light: 'red' },
      ],
    },
    target: { table: ruleSets, id: c.world.ruleSetId },
  })),

  // An earlier (inactive) version of the default family to restore.
  'lights.ruleSet.restore': onSharedRecord(async (c) => {
    const [old] = await c.tx
      .insert(ruleSets)
      .values({ key: DEFAULT_RULE_SET_KEY, name: '旧版规则', version: 1000 + unique(), active: false })
      .returning();
    if (!old) throw new Error('fixture: INSERT returned no row');
    await c.tx
      .insert(rules)
      .values({ ruleSetId: old.id, measure: 'missing_report', comparison: 'gte', threshold: '2', light: 'red', sort: 10 });
    return { input: { ruleSetId: c.world.ruleSetId, fromId: old.id }, target: { table: ruleSets, id: c.world.ruleSetId } };
  }),
};
