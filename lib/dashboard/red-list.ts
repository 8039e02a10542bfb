import 'server-only';

/**
 * 红灯项目 (issue 13): which projects are red, then yellow, and why — for the dashboard and the
 * 大屏. The period is the latest reporting period with a stored light in the actor's scope; its
 * projects are listed by their effective light (an override that applies today replaces the
 * computed light, the same rule as the lights page and the registry's light filter:
 * lib/dashboard/drilldown-sql.ts effectiveLightSql), red first, then yellow, then by code.
 *
 * Reasons are returned as data (the stored LightReason[]), rendered at read time in the reader's
 * language by the lights page's own formatter (lib/lights/reasons.ts renderReason), so the
 * cached value does not depend on the language.
 *
 * Every statement carries projectScope(actor); the result is shared like the dashboard's figures
 * (lib/cache/cache.ts: keyed by scope and day, dropped on any write).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { lightOverrides, problems, projectLights, projects, reportingPeriods, users } from '@/db/schema';
import type { Light, Stage } from '@/db/schema/enums';
import type { LightReason } from '@/db/schema/lights';
import type { Actor } from '@/lib/authz';
import { currentPlanYear } from '@/lib/plan-years/guard';
import { yearScope } from '@/lib/plan-years/in-year';
import { yearDay } from '@/lib/plan-years/year-day';
import { cachedByScope } from '@/lib/cache/cache';
import { today } from '@/lib/clock';
import { lightsSearch } from '@/lib/lights/search-params';
import { ACTIVE_PROBLEM_FILTER, problemsHref } from './hrefs';

/** How many rows the list carries at most (the counts are always complete; the rest are on the lights page). */
export const RED_LIST_LIMIT = 60;

const leader = alias(users, 'red_list_leader');

export interface RedListPeriod {
  id: number;
  kind: 'monthly' | 'dekad';
  startDate: string;
  endDate: string;
}

export interface RedListRow {
  projectId: number;
  code: string;
  name: string;
  nameEn: string | null;
  status: (typeof projects.status.enumValues)[number];
  stage: Stage;
  /** The effective light (red or yellow). */
  light: 'red' | 'yellow';
  /** The light computed for the period (differs from `light` when an override applies). */
  computedLight: Light;
  /** The computed reasons, most severe first (render with renderReason). */
  reasons: LightReason[];
  /** The override that applies today, if any. */
  override: { light: Light; reason: string; endsOn: string } | null;
  leaderName: string | null;
  /** Open problems (open, in progress) of the project. */
  openProblems: number;
  href: string;
  problemsHref: string;
}

export interface RedList {
  /** The latest period with lights in the scope; null when no light has been computed yet. */
  period: RedListPeriod | null;
  counts: { red: number; yellow: number };
  /** Red then yellow, at most RED_LIST_LIMIT. */
  rows: RedListRow[];
  /** The lights page filtered by each light (the complete lists). */
  lightsHref: { red: string; yellow: string };
}

async function loadRedList(actor: Actor, year: number): Promise<RedList> {
  const db = await getDb();
  // A past plan year's list: its projects' lights of the last period started by its last day.
  const day = yearDay(year, today());
  const scope = yearScope(actor, year);
  const lightsHref = { red: lightsSearch.href('/lights', { light: 'red' }), yellow: lightsSearch.href('/lights', { light: 'yellow' }) };
  const [period] = await db
    .select({
      id: reportingPeriods.id,
      kind: reportingPeriods.kind,
      startDate: reportingPeriods.startDate,
      endDate: reportingPeriods.endDate,
    })
    .from(projectLights)
    .innerJoin(projects, eq(projects.id, projectLights.projectId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, projectLights.periodId))
    .where(and(scope, sql`${reportingPeriods.startDate} <= ${day}::date`))
    .orderBy(desc(reportingPeriods.endDate), desc(reportingPeriods.startDate), desc(reportingPeriods.id))
    .limit(1);
  if (!period) return { period: null, counts: { red: 0, yellow: 0 }, rows: [], lightsHref };

  // At most one uncleared override per project (lib/lights/overrides.ts), so the join adds no rows.
  const activeOverride = and(
    eq(lightOverrides.projectId, projects.id),
    sql`${lightOverrides.clearedAt} IS NULL`,
    sql`${lightOverrides.startsOn} <= ${day}::date`,
    sql`${lightOverrides.endsOn} >= ${day}::date`,
  );
  const effective = sql<Light>`coalesce(${lightOverrides.light}, ${projectLights.light})`;
  const rank = sql`(CASE ${effective} WHEN 'red' THEN 0 ELSE 1 END)`;
  const where = and(eq(projectLights.periodId, period.id), scope, inArray(effective, ['red', 'yellow']));

  const [rows, countRows] = await Promise.all([
    db
      .select({
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        nameEn: projects.nameEn,
        status: projects.status,
        stage: projects.stage,
        light: effective,
        computedLight: projectLights.light,
        reasons: projectLights.reasons,
        overrideLight: lightOverrides.light,
        overrideReason: lightOverrides.reason,
        overrideEndsOn: lightOverrides.endsOn,
        leaderName: leader.displayName,
        openProblems: sql<number>`(SELECT count(*)::int FROM ${problems}
          WHERE ${problems.projectId} = ${projects.id} AND ${inArray(problems.status, [...ACTIVE_PROBLEM_FILTER])})`,
      })
      .from(projectLights)
      .innerJoin(projects, eq(projects.id, projectLights.projectId))
      .leftJoin(lightOverrides, activeOverride)
      .leftJoin(leader, eq(leader.id, projects.responsibleLeaderId))
      .where(where)
      .orderBy(rank, projects.code, projects.id)
      .limit(RED_LIST_LIMIT),
    db
      .select({ light: effective, n: sql<number>`count(*)::int` })
      .from(projectLights)
      .innerJoin(projects, eq(projects.id, projectLights.projectId))
      .leftJoin(lightOverrides, activeOverride)
      .where(where)
      .groupBy(effective),
  ]);

  const counts = { red: 0, yellow: 0 };
  for (const c of countRows) if (c.light === 'red' || c.light === 'yellow') counts[c.light] = Number(c.n);
  return {
    period,
    counts,
    lightsHref,
    rows: rows.map((r) => ({
      projectId: r.projectId,
      code: r.code,
      name: r.name,
      nameEn: r.nameEn,
      status: r.status,
      stage: r.stage,
      light: r.light as 'red' | 'yellow',
      computedLight: r.computedLight,
      reasons: r.reasons,
      override:
        r.overrideLight && r.overrideReason !== null && r.overrideEndsOn !== null
          ? { light: r.overrideLight, reason: r.overrideReason, endsOn: r.overrideEndsOn }
          : null,
      leaderName: r.leaderName,
      openProblems: Number(r.openProblems),
      href: `/projects/${r.projectId}`,
      problemsHref: problemsHref({ status: [...ACTIVE_PROBLEM_FILTER], project: [r.projectId] }),
    })),
  };
}

/** The red list for this actor: once per request, shared between requests of the same scope for a short time. */
export const getRedList = cache((actor: Actor, year: number = currentPlanYear()) =>
  cachedByScope(actor, () => loadRedList(actor, year), `red-list:${year}`),
);
