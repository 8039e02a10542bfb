/**
 * The rule engine (红黄绿灯规则): pure. Given a project's measures and a rule set, it returns the
 * light and the reasons.
 *
 * - A rule fires when its measure is known (not null) and `value > threshold` (gt) or
 *   `value ≥ threshold` (gte).
 * - Per measure only the most severe rule that fired is a reason (red over yellow; among equals
 *   the first by sort order), so "33 points behind" gives one reason (>30 → red), not two.
 * - The light is the most severe light among the reasons; green when none fired.
 * - Reasons are ordered by severity (red first), then by the rules' sort order.
 *
 * DEFAULT_RULES follows the published practice quoted in docs domain.md §5 (Yinchuan, 2025):
 *   investment_behind_time_elapsed_pp  ≥ 10 → yellow, > 30 → red   ("10–30 points behind → yellow, more than 30 → red")
 *   start_overdue_months                ≥ 1 → yellow, ≥ 3 → red    ("not started in the month planned → yellow, not started for 3 months → red")
 * and, where the practice gives no number, these defaults (editable by the administrator):
 *   milestone_forecast_beyond_baseline_days  > 30 → yellow, > 90 → red  (a month late is a warning, a quarter is serious)
 *   overdue_problems                          ≥ 1 → yellow, ≥ 3 → red
 *   missing_report                            ≥ 1 → yellow, ≥ 2 → red  (periods in a row without an approved report)
 */
import type { Light, RuleComparison, RuleMeasure } from '@/db/schema/enums';
import type { LightReason } from '@/db/schema/lights';

export interface RuleDef {
  /** The stored rule's id (null for rules not stored yet, e.g. DEFAULT_RULES). */
  id: number | null;
  measure: RuleMeasure;
  comparison: RuleComparison;
  threshold: number;
  light: 'yellow' | 'red';
  sort: number;
}

export type MeasureValues = Partial<Record<RuleMeasure, number | null>>;
export type MeasureContext = Partial<Record<RuleMeasure, Record<string, string | number | null>>>;

export interface Evaluation {
  light: Light;
  reasons: LightReason[];
}

export const DEFAULT_RULE_SET_KEY = 'default';
export const DEFAULT_RULE_SET_NAME = '默认规则（参照银川 2025 年做法）';

export const DEFAULT_RULES: readonly Omit<RuleDef, 'id'>[] = [
  { measure: 'investment_behind_time_elapsed_pp', comparison: 'gte', threshold: 10, light: 'yellow', sort: 10 },
  { measure: 'investment_behind_time_elapsed_pp', comparison: 'gt', threshold: 30, light: 'red', sort: 20 },
  { measure: 'start_overdue_months', comparison: 'gte', threshold: 1, light: 'yellow', sort: 30 },
  { measure: 'start_overdue_months', comparison: 'gte', threshold: 3, light: 'red', sort: 40 },
  { measure: 'milestone_forecast_beyond_baseline_days', comparison: 'gt', threshold: 30, light: 'yellow', sort: 50 },
  { measure: 'milestone_forecast_beyond_baseline_days', comparison: 'gt', threshold: 90, light: 'red', sort: 60 },
  { measure: 'overdue_problems', comparison: 'gte', threshold: 1, light: 'yellow', sort: 70 },
  { measure: 'overdue_problems', comparison: 'gte', threshold: 3, light: 'red', sort: 80 },
  { measure: 'missing_report', comparison: 'gte', threshold: 1, light: 'yellow', sort: 90 },
  { measure: 'missing_report', comparison: 'gte', threshold: 2, light: 'red', sort: 100 },
];

const SEVERITY: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

export function worse(a: Light, b: Light): Light {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export function fires(rule: Pick<RuleDef, 'comparison' | 'threshold'>, value: number | null | undefined): boolean {
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  return rule.comparison === 'gt' ? value > rule.threshold : value >= rule.threshold;
}

export function evaluate(values: MeasureValues, rules: readonly RuleDef[], context: MeasureContext = {}): Evaluation {
  const ordered = [...rules].sort((a, b) => a.sort - b.sort || (a.id ?? 0) - (b.id ?? 0));
  const best = new Map<RuleMeasure, RuleDef>();
  for (const rule of ordered) {
    if (!fires(rule, values[rule.measure])) continue;
    const current = best.get(rule.measure);
    if (!current || SEVERITY[rule.light] > SEVERITY[current.light]) best.set(rule.measure, rule);
  }
  const chosen = [...best.values()].sort((a, b) => SEVERITY[b.light] - SEVERITY[a.light] || a.sort - b.sort);
  const reasons: LightReason[] = chosen.map((rule) => ({
    measure: rule.measure,
    value: values[rule.measure] as number,
    threshold: rule.threshold,
    comparison: rule.comparison,
    light: rule.light,
    ruleId: rule.id,
    ...(context[rule.measure] ? { context: context[rule.measure] } : {}),
  }));
  const light = reasons.reduce<Light>((acc, r) => worse(acc, r.light), 'green');
  return { light, reasons };
}
