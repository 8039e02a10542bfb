/**
 * A rule set (红黄绿灯 rules) as a record that actions load: one for the whole deployment, so
 * every scope sees it; editing it is the administrator's (ruleset.edit).
 */
import { defineResource } from '@/lib/authz/resource';
import { loadRuleSet, type RuleSetWithRules } from './rule-set-store';

export const ruleSetResource = defineResource<RuleSetWithRules>({
  entity: 'rule_set',
  load: (db, _actor, id) => loadRuleSet(db, id),
  subject: () => ({ countyId: null, everyScope: true }),
  id: (r) => r.id,
});
