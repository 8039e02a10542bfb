import 'server-only';

/**
 * The leadership dashboard's data (issue 4), scoped to what the actor may see: every statement
 * carries projectScope(actor), like lib/projects and lib/lights. A handful of aggregate
 * statements run together (Promise.all); JavaScript only adds up their groups. Every figure
 * carries the drill-down link to the list of exactly the items it counts (lib/dashboard/hrefs.ts,
 * with the predicates shared in lib/dashboard/drilldown-sql.ts).
 */
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { reportingPeriods } from '@/db/schema';
import enProject from '@/lib/i18n/messages/en/project.json';
import zhProject from '@/lib/i18n/messages/zh-CN/project.json';
import { type Light, PROBLEM_TYPES, STAGES } from '@/db/schema/enums';
import { currentPlanYear } from '@/lib/plan-years/guard';
import { PIPELINE_STAGES } from '@/lib/plan-years/pipeline-stage';
import { yearDay } from '@/lib/plan-years/year-day';
import { type Actor, can } from '@/lib/authz';
import { now, today } from '@/lib/clock';
import { percentOf, sumMoney } from '@/lib/money';
import { activeProblemGroups, milestoneCounts, missingReports } from './activity';
import { cachedByScope } from '@/lib/cache/cache';
import { capacityData, readCapacityTarget } from './capacity';
import { currentPeriodIdSql, PROBLEM_AGE_BUCKETS } from './drilldown-sql';
import { rowsOf } from './sql-util';
import { ACTIVE_PROBLEM_FILTER, problemsHref, registryHref } from './hrefs';
import { completedThrough, investmentMonths } from './investment';
import { asOfMonth as decideAsOf, monthNumber } from '@/lib/plans/as-of';
import { approvedPeriods } from '@/lib/plans/as-of-queries';
import { type Labels, labels, portfolio, type PortfolioGroup } from './portfolio';
import type { BreakdownRow, Dashboard, LightFigure, PipelineFigure, StageFigure } from './types';

export { getTimeline, TIMELINE_DEFAULT_LIMIT, TIMELINE_MAX_LIMIT } from './timeline';

/** Lights in the order they are shown: worst first, then projects without a light. */
const LIGHT_ORDER: (Light | null)[] = ['red', 'yellow', 'green', null];

const sum = sumMoney;

function emptyLights(): Record<Light | 'none', number> {
  return { green: 0, yellow: 0, red: 0, none: 0 };
}

/**
 * Rows of a breakdown: each group counts in every row its keys name (a project crossing counties
 * counts in each county it touches, and as `shared` there). The rows of a breakdown by county
 * therefore do not add up to the portfolio: totals come from the groups, never from the rows.
 */
function breakdown(
  groups: PortfolioGroup[],
  keysOf: (g: PortfolioGroup) => string[],
  rowMeta: (key: string) => { labelZh: string; labelEn: string; sort: number; href: string },
): BreakdownRow[] {
  type Acc = { projects: number; shared: number; planned: string[]; completed: string[]; lights: Record<Light | 'none', number> };
  const acc = new Map<string, Acc>();
  for (const g of groups) {
    const keys = keysOf(g);
    for (const key of keys) {
      const row = acc.get(key) ?? { projects: 0, shared: 0, planned: [], completed: [], lights: emptyLights() };
      row.projects += g.projects;
      if (keys.length > 1) row.shared += g.projects;
      row.planned.push(g.planned);
      row.completed.push(g.completed);
      row.lights[g.light ?? 'none'] += g.projects;
      acc.set(key, row);
    }
  }
  return [...acc.entries()]
    .map(([key, r]) => {
      const meta = rowMeta(key);
      return {
        sort: meta.sort,
        row: {
          key,
          labelZh: meta.labelZh,
          labelEn: meta.labelEn,
          projects: r.projects,
          shared: r.shared,
          planned: sum(r.planned),
          completed: sum(r.completed),
          lights: r.lights,
          href: meta.href,
        } satisfies BreakdownRow,
      };
    })
    .sort((a, b) => a.sort - b.sort || a.row.key.localeCompare(b.row.key))
    .map((x) => x.row);
}

/** The registry links' year: none for the current year (the registry's default), else the year shown. */
type YearLink = { year?: number };

function categoryRows(groups: PortfolioGroup[], ref: Labels, yr: YearLink): BreakdownRow[] {
  const byCode = new Map(ref.categories.map((c) => [c.code, c]));
  return breakdown(
    groups,
    (g) => [g.category],
    (code) => {
      const c = byCode.get(code);
      return {
        labelZh: c?.nameZh ?? code,
        labelEn: c?.nameEn ?? code,
        sort: c?.sort ?? 1e9,
        href: registryHref({ ...yr, category: [code] }),
      };
    },
  );
}

function countyRows(groups: PortfolioGroup[], ref: Labels, yr: YearLink): BreakdownRow[] {
  const byId = new Map(ref.counties.map((c) => [String(c.id), c]));
  return breakdown(
    groups,
    (g) => (g.countyIds.length === 0 ? [''] : g.countyIds.map(String)),
    (key) => {
      if (key === '') {
        // Projects whose location is not reported (the catalogues' own wording: 未填报).
        return {
          labelZh: zhProject.locationNotReported,
          labelEn: enProject.locationNotReported,
          sort: 1e9,
          href: registryHref({ ...yr, countyNone: true }),
        };
      }
      const c = byId.get(key);
      return {
        labelZh: c?.nameZh ?? key,
        labelEn: c?.nameEn ?? key,
        sort: c?.sort ?? 1e8,
        href: registryHref({ ...yr, county: [Number(key)] }),
      };
    },
  );
}

async function loadDashboard(actor: Actor, pickedMonth: string | null, year: number): Promise<Dashboard> {
  const computedAt = now().toISOString();
  const db = await getDb();
  // A past year's figures at its last day (lights, investment, stages); problems, milestones
  // and missing reports are how the year's projects stand today.
  const live = today();
  const day = yearDay(year, live);
  const yr: YearLink = year === currentPlanYear() ? {} : { year };
  const [{ groups, completedByMonth: completed, monthlyPlan: plan }, ref, ms, problemGroups, missing, capacity, target, periods] =
    await Promise.all([
      portfolio(db, actor, year, day),
      labels(db),
      milestoneCounts(db, actor, live, year),
      activeProblemGroups(db, actor, live, year),
      missingReports(db, actor, live, year),
      capacityData(db, actor, year),
      readCapacityTarget(db),
      approvedPeriods(db, actor, year),
    ]);

  const total = groups.reduce((a, g) => a + g.projects, 0);
  const targetFits = target !== null && (target.year === null || target.year === year);
  const byStage: StageFigure[] = STAGES.map((stage) => ({
    stage,
    count: groups.filter((g) => g.stage === stage).reduce((a, g) => a + g.projects, 0),
    href: registryHref({ ...yr, stage: [stage] }),
  }));
  // 储备 / 前期 / 新开工 / 续建 / 建成 / 投运 in the year; the link names the year, so it lists these projects whatever day it is opened.
  const byPipeline: PipelineFigure[] = PIPELINE_STAGES.map((stage) => {
    const of = groups.filter((g) => g.pipeline === stage);
    return {
      stage,
      count: of.reduce((a, g) => a + g.projects, 0),
      planned: sum(of.map((g) => g.planned)),
      href: registryHref({ pipeline: [stage], year }),
    };
  });
  const lights: LightFigure[] = LIGHT_ORDER.map((light) => ({
    light,
    count: groups.filter((g) => g.light === light).reduce((a, g) => a + g.projects, 0),
    href: registryHref({ ...yr, light: [light ?? 'none'] }),
  }));

  const planned = sum(groups.map((g) => g.planned));
  // One as-of month (lib/plans/as-of.ts): the plan through it against approved actuals through it.
  const asOf = decideAsOf(periods, year, day, pickedMonth);
  const asOfMonth = asOf.month ? monthNumber(asOf.month) : 0;
  const months = investmentMonths(plan, completed, asOf.options.map(monthNumber), asOfMonth);
  // Nothing reported yet: what has been approved so far, and no comparison with 序时进度.
  const done = asOfMonth === 0 ? sum(groups.map((g) => g.completed)) : completedThrough(completed, asOfMonth);
  const plannedAtMonth = asOfMonth === 0 ? null : months[asOfMonth - 1]!.plannedCumulative;

  const openProblems = problemGroups.reduce((a, g) => a + g.n, 0);
  const overdueProblems = problemGroups.reduce((a, g) => a + g.overdue, 0);

  // Problem lists: only the active ones (open, in progress), like the counts.
  const active = { status: [...ACTIVE_PROBLEM_FILTER] };
  return {
    asOf: day,
    computedAt,
    headline: {
      projects: { count: total, href: registryHref(yr) },
      byStage,
      lights,
      investment: {
        year,
        planned,
        completed: done,
        completionPct: percentOf(done, planned),
        timeElapsedPct: plannedAtMonth === null ? null : percentOf(plannedAtMonth, planned),
        asOfMonth,
        asOf: asOf.month,
        asOfPicked: asOf.source === 'picked',
        asOfOptions: asOf.options,
        href: registryHref({ ...yr, sort: 'annualPlannedInvestment', dir: 'desc' }),
      },
      milestonesDue: { milestones: ms.due, projects: { count: ms.dueProjects, href: registryHref({ ...yr, milestone: 'due30' }) } },
      milestonesOverdue: {
        milestones: ms.overdue,
        projects: { count: ms.overdueProjects, href: registryHref({ ...yr, milestone: 'overdue' }) },
      },
      openProblems: { count: openProblems, href: problemsHref({ ...active, year }) },
      overdueProblems: { count: overdueProblems, href: problemsHref({ overdue: true, year }) },
      missingReports: {
        count: missing.missing,
        href: registryHref({ ...yr, report: 'missing', period: missing.period?.id ?? null }),
        periodId: missing.period?.id ?? null,
        periodLabel: missing.period ? { start: missing.period.start, end: missing.period.end } : null,
      },
    },
    investmentByMonth: months,
    byCategory: categoryRows(groups, ref, yr),
    byCounty: countyRows(groups, ref, yr),
    crossCountyProjects: groups.filter((g) => g.countyIds.length > 1).reduce((a, g) => a + g.projects, 0),
    pipeline: { year, stages: byPipeline },
    capacity: {
      // The target is the prefecture's: a county's view shows its projects' capacity, not a share of it.
      // …and a target set for another year is named, not measured against this year's figures.
      target: actor.countyId === null && targetFits ? (target?.amount ?? null) : null,
      targetQuote: actor.countyId === null && targetFits ? (target?.quote ?? null) : null,
      otherYearTarget: actor.countyId === null && target && !targetFits ? { year: target.year!, amount: target.amount } : null,
      year,
      connected: capacity.connected,
      baseline: capacity.baseline ? { amount: Number(capacity.baseline.amount), source: capacity.baseline.source, year } : null,
      cumulative: Math.round((capacity.connected + Number(capacity.baseline?.amount ?? 0)) * 100) / 100,
      wholeProjects: capacity.wholeProjects,
      baselineHref:
        actor.countyId === null && can(actor, 'capacityBaseline.record') ? `/dashboard/targets?year=${year}#capacity-baseline` : null,
      planned: capacity.total,
      projects: capacity.rows.map((r) => ({
        projectId: r.id,
        code: r.code,
        nameZh: r.name,
        nameEn: r.nameEn,
        capacity: r.capacity,
        connectedCapacity: r.connectedCapacity,
        connected: r.connected,
        whole: r.whole,
        connectedOn: r.connectedOn,
        href: `/projects/${r.id}`,
      })),
      all: { count: capacity.projects, href: registryHref({ ...yr, listed: 'all', energy: 'all' }) },
      connectedProjects: { count: capacity.connectedProjects, href: registryHref({ ...yr, listed: 'all', energy: 'connected' }) },
      pendingProjects: {
        count: capacity.projects - capacity.connectedProjects,
        href: registryHref({ ...yr, listed: 'all', energy: 'pending' }),
      },
      unknownProjects: { count: capacity.unknown, href: registryHref({ ...yr, listed: 'all', energy: 'unknown' }) },
      targetYear: target?.year ?? null,
      countyScope: actor.countyId !== null,
    },
    problems: {
      byType: PROBLEM_TYPES.map((type) => ({
        type,
        count: problemGroups.filter((g) => g.type === type).reduce((a, g) => a + g.n, 0),
        href: problemsHref({ ...active, year, type: [type] }),
      })),
      byAge: PROBLEM_AGE_BUCKETS.map((bucket) => ({
        bucket,
        count: problemGroups.filter((g) => g.bucket === bucket).reduce((a, g) => a + g.n, 0),
        href: problemsHref({ ...active, year, age: [bucket] }),
      })),
    },
  };
}

/**
 * The dashboard for this actor, as of the latest reported month or the one picked (?asOf, only a
 * reported month counts): once per request (the page and its metadata may both ask), and shared
 * for a short time between requests of the same scope and month (lib/cache/cache.ts: keyed by
 * county and day, dropped at once when this process writes anything).
 */
export const getDashboard = cache((actor: Actor, pickedMonth: string | null = null, year: number = currentPlanYear()) =>
  cachedByScope(actor, () => loadDashboard(actor, pickedMonth, year), `dashboard:${year}${pickedMonth ? `@${pickedMonth}` : ''}`),
);

/**
 * The dates of a reporting period (null: the current one, as the missing-reports figure takes
 * it), for the registry's "report missing" filter chip. Periods are prefecture-wide, not scoped.
 */
export async function drilldownPeriod(periodId: number | null): Promise<{ start: string; end: string } | null> {
  const db = await getDb();
  const id = periodId === null ? currentPeriodIdSql(today()) : sql`${periodId}::int`;
  const [row] = await rowsOf<{ start: string; end: string }>(
    db,
    sql`SELECT start_date::text AS start, end_date::text AS "end" FROM ${reportingPeriods} WHERE id = ${id}`,
  );
  return row ?? null;
}
