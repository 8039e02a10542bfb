import 'server-only';

/**
 * Reads of the annual plans (年度计划). Every function takes the actor and adds the project scope
 * to its SQL (lib/authz projectScope): a project outside the scope yields null / no row.
 *
 * - getProjectPlan   one project's plan for a year, for the plan form
 * - getPlanSummary   the read-only plan figures on the project page (plan, baseline, cumulative
 *                    target to date, 序时进度)
 * - listPlans        the office's overview of a year: the projects of the year's list (before a
 *                    list exists: every project that gets a light, not in operation, and every
 *                    project with a plan that year), with or without a plan
 */
import { and, asc, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { annualPlans, baselineFreezes, projects, users } from '@/db/schema';
import type { Stage } from '@/db/schema/enums';
import { type Actor, projectCountyIdsSql, projectScope } from '@/lib/authz';
import { today as clockToday } from '@/lib/clock';
import { cumulativeTargetAt, lightsPlan, type PlanBasis, timeElapsedToDate } from './plan-figures';
import type { PlanFilter } from './plan-params';
import { calendarMonth, type MonthKey, monthEnd } from './as-of';
import { projectAsOf } from './as-of-queries';
import { inYearList } from '@/lib/plan-years/in-year';

const MAX_ID = 2_147_483_647;
const validId = (id: number) => Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID;
const validYear = (y: number) => Number.isInteger(y) && y >= 2000 && y <= 2100;

export interface AnnualPlanView {
  id: number;
  projectId: number;
  year: number;
  plannedInvestment: string;
  monthlyTargets: string[] | null;
  targets: string | null;
  frozenInvestment: string | null;
  frozenMonthlyTargets: string[] | null;
  frozenAt: Date | null;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
}

/** The project fields the plan pages and the permission check (can(actor, 'plan.edit', project)) need. */
export interface PlanProjectRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  countyId: number | null;
  /** The counties the project touches. */
  countyIds: number[];
  projectLeadId: number | null;
  responsibleLeaderId: number | null;
  stage: Stage;
  /** The registry's annual planned investment (万元): what the lights use without a plan row. */
  annualPlannedInvestment: string | null;
}

const planColumns = {
  id: annualPlans.id,
  projectId: annualPlans.projectId,
  year: annualPlans.year,
  plannedInvestment: annualPlans.plannedInvestment,
  monthlyTargets: annualPlans.monthlyTargets,
  targets: annualPlans.targets,
  frozenInvestment: annualPlans.frozenInvestment,
  frozenMonthlyTargets: annualPlans.frozenMonthlyTargets,
  frozenAt: annualPlans.frozenAt,
  version: annualPlans.version,
  updatedAt: annualPlans.updatedAt,
  updatedByName: users.displayName,
};

const projectColumns = {
  id: projects.id,
  code: projects.code,
  name: projects.name,
  nameEn: projects.nameEn,
  countyId: projects.countyId,
  countyIds: projectCountyIdsSql,
  projectLeadId: projects.projectLeadId,
  responsibleLeaderId: projects.responsibleLeaderId,
  stage: projects.stage,
  annualPlannedInvestment: projects.annualPlannedInvestment,
};

/**
 * The project (within the actor's scope), its plan for the year and whether the year's baseline
 * is frozen, in one statement: the plan and its editor are left-joined, the freeze is an EXISTS.
 */
async function loadPlan(actor: Actor, projectId: number, year: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      project: projectColumns,
      plan: planColumns,
      yearFrozen: sql<boolean>`exists (select 1 from ${baselineFreezes} where ${baselineFreezes.year} = ${year})`.mapWith(Boolean),
    })
    .from(projects)
    .leftJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, year)))
    .leftJoin(users, eq(users.id, annualPlans.updatedById))
    .where(and(eq(projects.id, projectId), projectScope(actor)))
    .limit(1);
  if (!row) return null;
  // A missing plan row comes back as a plan object of nulls (its fields span two tables).
  const plan = row.plan?.id == null ? null : (row.plan as AnnualPlanView);
  return { project: row.project, plan, yearFrozen: row.yearFrozen };
}

export interface ProjectPlan {
  project: PlanProjectRef;
  /** The plan row of the year, or null when the project has none yet. */
  plan: AnnualPlanView | null;
  /** The year's baseline has been frozen (基线冻结). A plan created after the freeze has no frozen figures. */
  yearFrozen: boolean;
}

/** One project's plan for a year (the plan form); null when the project is not visible or the year is out of range. */
export async function getProjectPlan(actor: Actor, projectId: number, year: number): Promise<ProjectPlan | null> {
  if (!validId(projectId) || !validYear(year)) return null;
  return loadPlan(actor, projectId, year);
}

export interface PlanSummary extends ProjectPlan {
  year: number;
  /** Today (lib/clock), the date "to date" refers to. */
  today: string;
  /** The plan the lights compare against: the frozen baseline, the current plan, or the registry's figure. */
  basis: PlanBasis | null;
  /** That plan's annual amount, 万元. */
  basisInvestment: string | null;
  /** Whether that plan has monthly targets (else m/12). */
  basisMonthly: boolean;
  /**
   * The month the figures below are for (lib/plans/as-of.ts): the project's latest reported month
   * of the year, else (nothing approved yet) the last month that has ended; null before the end
   * of January, when the figures are taken at today.
   */
  asOfMonth: MonthKey | null;
  /** 'reported': the project's approved reports reach that month; 'calendar': none yet, the last month ended. */
  asOfSource: 'reported' | 'calendar' | null;
  /** The cumulative target of that plan through the as-of month (累计计划), 万元. */
  cumulativeTarget: string | null;
  /** 序时进度 of that plan at the end of the as-of month, percent (one decimal). */
  timeElapsedPct: number | null;
}

/** The read-only plan figures of a project for a year (default: the current year); null when not visible. */
export async function getPlanSummary(
  actor: Actor,
  projectId: number,
  opts: { year?: number; today?: string } = {},
): Promise<PlanSummary | null> {
  const today = opts.today ?? clockToday();
  const year = opts.year ?? Number(today.slice(0, 4));
  if (!validId(projectId) || !validYear(year)) return null;
  const [found, asOf] = await Promise.all([loadPlan(actor, projectId, year), projectAsOf(actor, projectId, year, today)]);
  if (!found) return null;
  const used = lightsPlan(found.plan, found.project.annualPlannedInvestment);
  const fallback = calendarMonth(today, year);
  const asOfMonth = asOf.month ?? fallback;
  const at = asOfMonth ? monthEnd(asOfMonth) : today;
  return {
    ...found,
    year,
    today,
    basis: used?.basis ?? null,
    basisInvestment: used?.figures.plannedInvestment ?? null,
    basisMonthly: Boolean(used?.figures.monthlyTargets),
    asOfMonth,
    asOfSource: asOf.month ? 'reported' : fallback ? 'calendar' : null,
    cumulativeTarget: used ? cumulativeTargetAt(at, year, used.figures) : null,
    timeElapsedPct: used ? timeElapsedToDate(at, year, used.figures) : null,
  };
}

export interface PlanListRow {
  projectId: number;
  code: string;
  name: string;
  nameEn: string | null;
  stage: Stage;
  registryPlan: string | null;
  plan: {
    id: number;
    plannedInvestment: string;
    monthly: boolean;
    frozenInvestment: string | null;
    targets: string | null;
    updatedAt: Date;
  } | null;
}

export interface PlanListCounts {
  /** Projects listed for the year (the scope's projects not in operation, plus any with a plan). */
  projects: number;
  withPlan: number;
  /** Projects that get a light but have no plan for the year. */
  missing: number;
  /** Plans with monthly targets. */
  monthly: number;
  /** Plans with frozen baseline figures. */
  frozen: number;
}

export interface PlanList {
  rows: PlanListRow[];
  /** Rows matching the filter (for paging). */
  total: number;
  /** The page actually shown (clamped to the last page). */
  page: number;
  pageSize: number;
  counts: PlanListCounts;
}

/**
 * The year's plans in the actor's scope, by project code, paged: every project that is not in
 * operation (each gets a light, so each needs a plan) and every project that has a plan for the
 * year. filter 'missing': those without a plan; 'planned': those with one.
 */
export async function listPlans(
  actor: Actor,
  opts: { year: number; filter?: PlanFilter; page?: number; pageSize?: number },
): Promise<PlanList> {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 50, 1), 500);
  const empty: PlanList = {
    rows: [],
    total: 0,
    page: 1,
    pageSize,
    counts: { projects: 0, withPlan: 0, missing: 0, monthly: 0, frozen: 0 },
  };
  if (!validYear(opts.year)) return empty;
  const db = await getDb();
  const join = and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, opts.year));
  // The year's list when it has one (lib/plan-years); before that, every project that gets a light or has a plan.
  const base = and(projectScope(actor), inYearList(opts.year, or(ne(projects.stage, 'operating'), isNotNull(annualPlans.id))!));
  const filter = opts.filter === 'missing' ? isNull(annualPlans.id) : opts.filter === 'planned' ? isNotNull(annualPlans.id) : undefined;

  const [c] = await db
    .select({
      projects: sql<number>`count(*)::int`,
      withPlan: sql<number>`count(${annualPlans.id})::int`,
      missing: sql<number>`(count(*) - count(${annualPlans.id}))::int`,
      monthly: sql<number>`count(${annualPlans.monthlyTargets})::int`,
      frozen: sql<number>`count(${annualPlans.frozenAt})::int`,
    })
    .from(projects)
    .leftJoin(annualPlans, join)
    .where(base);
  const counts: PlanListCounts = {
    projects: Number(c?.projects ?? 0),
    withPlan: Number(c?.withPlan ?? 0),
    missing: Number(c?.missing ?? 0),
    monthly: Number(c?.monthly ?? 0),
    frozen: Number(c?.frozen ?? 0),
  };
  const total = opts.filter === 'missing' ? counts.missing : opts.filter === 'planned' ? counts.withPlan : counts.projects;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(opts.page ?? 1, 1), pages);
  if (total === 0) return { ...empty, counts };

  const rows = await db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      nameEn: projects.nameEn,
      stage: projects.stage,
      registryPlan: projects.annualPlannedInvestment,
      planId: annualPlans.id,
      plannedInvestment: annualPlans.plannedInvestment,
      monthly: sql<boolean>`(${annualPlans.monthlyTargets} IS NOT NULL)`,
      frozenInvestment: annualPlans.frozenInvestment,
      targets: annualPlans.targets,
      updatedAt: annualPlans.updatedAt,
    })
    .from(projects)
    .leftJoin(annualPlans, join)
    .where(and(base, filter))
    .orderBy(asc(projects.code), asc(projects.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  return {
    rows: rows.map((r) => ({
      projectId: r.projectId,
      code: r.code,
      name: r.name,
      nameEn: r.nameEn,
      stage: r.stage,
      registryPlan: r.registryPlan,
      plan:
        r.planId === null
          ? null
          : {
              id: r.planId,
              plannedInvestment: r.plannedInvestment!,
              monthly: Boolean(r.monthly),
              frozenInvestment: r.frozenInvestment,
              targets: r.targets,
              updatedAt: r.updatedAt!,
            },
    })),
    total,
    page,
    pageSize,
    counts,
  };
}
