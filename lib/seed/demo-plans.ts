/**
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * DEMO DATA — ILLUSTRATIVE ONLY. NOT FROM THE GOVERNMENT WORK REPORT.
 *
 * Annual plans for 2026 (年度计划) for the demo projects — the planned investment is the demo
 * project's annual planned investment; field works in Tacheng stop in the winter, so projects
 * under construction get seasonal monthly targets (nothing in January, February and December)
 * and projects in 前期 none (m/12 applies) — and the 2026 baseline, frozen on 2026-01-15 by the
 * dispatch office. The demo milestones already carry their baseline dates (lib/seed/demo.ts),
 * so they are left as they are.
 *
 * The default rule set is NOT demo data: seedDefaultRuleSet runs for facts-only seeds as well.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import type { Tx } from '@/db/client';
import { annualPlans, baselineFreezes } from '@/db/schema';
import { ensureDefaultRuleSet } from '@/lib/lights/rule-set-store';
import { moneyText, parseMoney } from '@/lib/money';
import { DEMO_PROJECTS } from './demo';
import { PROJECTS } from './facts';

export const DEMO_PLAN_YEAR = 2026;
const FROZEN_AT = new Date('2026-01-15T02:00:00Z');

/** Share of the year's works per month, in per-mille, for a construction season of March–November. */
const SEASON = [0, 0, 60, 100, 130, 140, 140, 140, 130, 100, 60, 0] as const; // sums to 1000

/** Splits an amount (万元, whole) into twelve per-month targets by SEASON; the rounding goes to the last working month. */
export function seasonalTargets(annual: string): string[] {
  const cents = parseMoney(annual);
  const parts = SEASON.map((pm) => (cents * BigInt(pm)) / 1000n);
  const rest = cents - parts.reduce((a, b) => a + b, 0n);
  parts[10] = parts[10]! + rest;
  return parts.map(moneyText);
}

/** The default rule set (domain.md §5). For every seed, facts-only or demo. Idempotent. */
export async function seedDefaultRuleSet(tx: Tx): Promise<void> {
  await ensureDefaultRuleSet(tx);
}

export async function seedDemoPlans(tx: Tx, ctx: { projectIds: Map<string, number>; userIds: Map<string, number> }): Promise<void> {
  const stageOf = new Map(PROJECTS.map((p) => [p.code, p]));
  const rows = DEMO_PROJECTS.flatMap((d) => {
    const fact = stageOf.get(d.code);
    const projectId = ctx.projectIds.get(d.code);
    if (!fact || projectId === undefined || fact.stage === 'operating') return [];
    const monthly = fact.stage === 'construction' ? seasonalTargets(d.annualPlannedInvestment) : null;
    return [
      {
        projectId,
        year: DEMO_PLAN_YEAR,
        plannedInvestment: d.annualPlannedInvestment,
        monthlyTargets: monthly,
        targets: fact.annualTarget,
        frozenInvestment: d.annualPlannedInvestment,
        frozenMonthlyTargets: monthly,
        frozenAt: FROZEN_AT,
        updatedById: ctx.userIds.get('dispatch') ?? null,
        createdAt: FROZEN_AT,
        updatedAt: FROZEN_AT,
      },
    ];
  });
  if (rows.length) await tx.insert(annualPlans).values(rows);
  await tx.insert(baselineFreezes).values({
    year: DEMO_PLAN_YEAR,
    frozenAt: FROZEN_AT,
    frozenById: ctx.userIds.get('dispatch') ?? null,
    planCount: rows.length,
    milestoneCount: 0,
  });
}
