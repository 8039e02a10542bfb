/**
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * DEMO DATA — ILLUSTRATIVE ONLY. NOT FROM THE GOVERNMENT WORK REPORT.
 *
 * The year's lists and annual plans (年度计划) of the demo projects:
 * - 2025: the report's list (lib/seed/year-lists.ts). Its plans carry the report's targets as
 *   quoted (a fact) with the demo annual planned investment (illustrative).
 * - 2026: rolled over from 2025 on 2026-01-05 by the dispatch office: a project continues while
 *   it has milestones open in 2026 or later (every demo project does), the rest is dropped. No
 *   2025 target is copied: a 2026 plan's targets are the project's own demo milestones planned
 *   in 2026, or none. The planned investment is the demo project's annual planned investment;
 *   field works in Tacheng stop in the winter, so projects under construction get seasonal
 *   monthly targets (nothing in January, February and December) and projects in 前期 none (m/12
 *   applies). The 2026 baseline is frozen on 2026-01-15 by the dispatch office. The demo
 *   milestones already carry their baseline dates (lib/seed/demo.ts), so they are left as they are.
 *
 * The default rule set is NOT demo data: seedDefaultRuleSet runs for facts-only seeds as well.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { annualPlans, baselineFreezes, planYears } from '@/db/schema';
import { ensureDefaultRuleSet } from '@/lib/lights/rule-set-store';
import { moneyText, parseMoney } from '@/lib/money';
import { writeYearList } from '@/lib/plan-years/year-list';
import { DEMO_PROJECTS, type DemoProject } from './demo';
import { PROJECTS } from './facts';
import { REPORT_YEAR } from './year-lists';

export const DEMO_PLAN_YEAR = 2026;
const FROZEN_AT = new Date('2026-01-15T02:00:00Z');
const ROLLED_AT = new Date('2026-01-05T02:00:00Z');
const REPORT_PLANNED_AT = new Date('2025-01-20T02:00:00Z');

/** Whether a demo project goes on in the plan year: it has a milestone not done before the year. */
function continuesInto(d: DemoProject, year: number): boolean {
  return d.milestones.some((m) => m.actualDate === null || m.actualDate >= `${year}-01-01`);
}

/** A demo plan year's targets in words: the project's own milestones planned in that year, or none. */
export function demoYearTargets(d: DemoProject, year: number): string | null {
  const names = d.milestones.filter((m) => m.plannedDate.startsWith(`${year}-`)).map((m) => m.name);
  return names.length ? names.join('；') : null;
}

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
  const factOf = new Map(PROJECTS.map((p) => [p.code, p]));
  const dispatchId = ctx.userIds.get('dispatch') ?? null;
  const projects = DEMO_PROJECTS.flatMap((d) => {
    const fact = factOf.get(d.code);
    const projectId = ctx.projectIds.get(d.code);
    return fact && projectId !== undefined ? [{ d, fact, projectId }] : [];
  });

  // 2025, the report's year: its targets as the report words them.
  const reportPlans = projects
    .filter(({ fact }) => fact.targetYear === REPORT_YEAR)
    .map(({ d, fact, projectId }) => ({
      projectId,
      year: REPORT_YEAR,
      plannedInvestment: d.annualPlannedInvestment,
      targets: fact.annualTarget,
      updatedById: dispatchId,
      createdAt: REPORT_PLANNED_AT,
      updatedAt: REPORT_PLANNED_AT,
    }));
  if (reportPlans.length) await tx.insert(annualPlans).values(reportPlans);

  // 2026, rolled over from 2025 (the seed writes no audit event).
  const next = projects.filter(({ d, fact }) => fact.stage !== 'operating' && continuesInto(d, DEMO_PLAN_YEAR));
  await writeYearList(tx, {
    year: DEMO_PLAN_YEAR,
    fromYear: REPORT_YEAR,
    entries: next.map(({ projectId }) => ({ projectId, joinedAs: 'continued' as const })),
    actorId: dispatchId,
    at: ROLLED_AT,
  });
  await tx.update(planYears).set({ state: 'closed', updatedAt: ROLLED_AT }).where(eq(planYears.year, REPORT_YEAR));

  const rows = next.map(({ d, fact, projectId }) => {
    const monthly = fact.stage === 'construction' ? seasonalTargets(d.annualPlannedInvestment) : null;
    return {
      projectId,
      year: DEMO_PLAN_YEAR,
      plannedInvestment: d.annualPlannedInvestment,
      monthlyTargets: monthly,
      targets: demoYearTargets(d, DEMO_PLAN_YEAR),
      frozenInvestment: d.annualPlannedInvestment,
      frozenMonthlyTargets: monthly,
      frozenAt: FROZEN_AT,
      updatedById: dispatchId,
      createdAt: FROZEN_AT,
      updatedAt: FROZEN_AT,
    };
  });
  if (rows.length) await tx.insert(annualPlans).values(rows);
  await tx.insert(baselineFreezes).values({
    year: DEMO_PLAN_YEAR,
    frozenAt: FROZEN_AT,
    frozenById: dispatchId,
    planCount: rows.length,
    milestoneCount: 0,
  });
}
