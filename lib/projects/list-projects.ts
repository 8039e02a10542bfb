import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { categories, counties, milestones, projectCounties, projects, units, users } from '@/db/schema';
import { type Actor, projectScope, projectTouchesAnyCounty } from '@/lib/authz';
import { today } from '@/lib/clock';
import { energyFilterSql, lightFilterSql, projectMilestoneSql, reportMissingSql } from '@/lib/dashboard/drilldown-sql';
import { overdueSql } from '@/lib/milestones/overdue';
import type { PipelineStage } from '@/lib/plan-years/pipeline-stage';
import { listedSql } from '@/lib/plan-years/in-year';
import { yearDay } from '@/lib/plan-years/year-day';
import { pipelineStageInSql, pipelineStageSql } from '@/lib/plan-years/pipeline-stage-sql';
import { type RegistryParams, registryYear, type SortKey } from './search-params';
import { type RegistryLight, registryLightColumns } from './registry-light';

const leader = alias(users, 'leader');

/** The project touches no county: its location is not reported (未填报). */
const touchesNoCountySql = sql`NOT EXISTS (SELECT 1 FROM ${projectCounties} WHERE ${projectCounties.projectId} = ${projects.id})`;

/** The names of the counties the project touches, in the counties' order, as one text (NULL for none). */
function countyNamesSql(lang: 'zh' | 'en') {
  const name = lang === 'zh' ? counties.nameZh : counties.nameEn;
  return sql<string | null>`(SELECT string_agg(${name}, ${lang === 'zh' ? '、' : ', '} ORDER BY ${counties.sort}, ${counties.id})
    FROM ${projectCounties} JOIN ${counties} ON ${counties.id} = ${projectCounties.countyId}
    WHERE ${projectCounties.projectId} = ${projects.id})`;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause for the registry: the actor's scope AND the filters. Shared by list, count and export. */
export function registryWhere(actor: Actor, p: RegistryParams, day = today()): SQL | undefined {
  const parts: (SQL | undefined)[] = [projectScope(actor)];
  if (p.q) {
    const pattern = likePattern(p.q);
    parts.push(or(ilike(projects.name, pattern), ilike(projects.code, pattern), ilike(projects.nameEn, pattern)));
  }
  if (p.category.length) parts.push(inArray(projects.categoryCode, p.category));
  // A county matches every project that touches it; `none`, the projects whose location is not reported.
  if (p.county.length || p.countyNone) {
    parts.push(or(p.county.length ? projectTouchesAnyCounty(p.county) : undefined, p.countyNone ? touchesNoCountySql : undefined));
  }
  if (p.stage.length) parts.push(inArray(projects.stage, p.stage as (typeof projects.stage.enumValues)[number][]));
  // 储备 / 前期 / 新开工 / 续建 / 建成 / 投运 in the plan year (lib/plan-years/pipeline-stage-sql.ts).
  const year = registryYear(p, day);
  parts.push(pipelineStageInSql(year, p.pipeline));
  // The plan year's key-project list (every project while the year has none), unless `listed` says otherwise.
  parts.push(listedSql(year, p.listed));
  if (p.status.length) parts.push(inArray(projects.status, p.status as (typeof projects.status.enumValues)[number][]));
  if (p.leader.length) parts.push(inArray(projects.responsibleLeaderId, p.leader));
  if (p.unit.length) parts.push(inArray(projects.responsibleUnitId, p.unit));
  // 我负责的项目: the projects the actor leads.
  if (p.mine) parts.push(eq(projects.projectLeadId, actor.id));
  // The dashboard's drill-downs: the same predicates as its figures (lib/dashboard/drilldown-sql.ts).
  // A past plan year's lights are those at its last day, as its dashboard shows them.
  if (p.light.length) parts.push(lightFilterSql(yearDay(year, day), p.light));
  if (p.milestone) parts.push(projectMilestoneSql(day, p.milestone));
  if (p.report === 'missing') parts.push(reportMissingSql(day, p.period));
  if (p.energy) parts.push(energyFilterSql(p.energy));
  return and(...parts);
}

const SORT_COLUMNS: Record<SortKey, SQL | AnyPgColumn> = {
  code: projects.code,
  name: projects.name,
  category: sql`(SELECT ${categories.sort} FROM ${categories} WHERE ${categories.code} = ${projects.categoryCode})`,
  // By the first of the counties it touches (in the counties' order).
  county: sql`(SELECT min(${counties.sort}) FROM ${projectCounties} JOIN ${counties} ON ${counties.id} = ${projectCounties.countyId} WHERE ${projectCounties.projectId} = ${projects.id})`,
  stage: sql`array_position(ARRAY['preliminary','construction','completed','operating']::text[], ${projects.stage})`,
  status: sql`array_position(ARRAY['on_track','at_risk','delayed','suspended']::text[], ${projects.status})`,
  totalInvestment: projects.totalInvestment,
  annualPlannedInvestment: projects.annualPlannedInvestment,
  plannedCompletionDate: projects.plannedCompletionDate,
  updatedAt: projects.updatedAt,
};

/** A registry row; the light columns (issue 13) are in RegistryLight. */
export interface RegistryRow extends RegistryLight {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  categoryCode: string;
  categoryZh: string;
  categoryEn: string;
  /** The responsible county; null = 地区级 (the prefecture is responsible). */
  countyZh: string | null;
  countyEn: string | null;
  /** The counties the project touches, in the counties' order ("裕民县、托里县"); null = not reported (未填报). */
  countiesZh: string | null;
  countiesEn: string | null;
  stage: (typeof projects.stage.enumValues)[number];
  /** The pipeline stage in the registry's plan year (registryYear). */
  pipelineStage: PipelineStage;
  status: (typeof projects.status.enumValues)[number];
  totalInvestment: string | null;
  annualPlannedInvestment: string | null;
  plannedCompletionDate: string | null;
  leaderName: string | null;
  unitZh: string | null;
  unitEn: string | null;
  overdueMilestones: number;
}

/**
 * One page of the registry for this actor, and the total count under the same WHERE clause.
 * Sorting always ends with the id so paging is stable.
 */
export async function listProjects(actor: Actor, p: RegistryParams): Promise<{ rows: RegistryRow[]; total: number }> {
  const db = await getDb();
  const d = today();
  const where = registryWhere(actor, p, d);
  const col = SORT_COLUMNS[p.sort];
  const order = p.dir === 'desc' ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`;
  const idOrder = p.dir === 'desc' ? desc(projects.id) : asc(projects.id);
  // The page's ids first, then the joins and the per-row milestone count for those rows only:
  // PostgreSQL evaluates select-list subqueries for rows skipped by OFFSET too, so a deep page
  // would otherwise count the milestones of every project before it.
  const page = db
    .select({ id: projects.id })
    .from(projects)
    .where(where)
    .orderBy(order, idOrder)
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .as('page');
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        nameEn: projects.nameEn,
        categoryCode: projects.categoryCode,
        categoryZh: categories.nameZh,
        categoryEn: categories.nameEn,
        countyZh: counties.nameZh,
        countyEn: counties.nameEn,
        countiesZh: countyNamesSql('zh'),
        countiesEn: countyNamesSql('en'),
        stage: projects.stage,
        pipelineStage: pipelineStageSql(registryYear(p, d)),
        status: projects.status,
        totalInvestment: projects.totalInvestment,
        annualPlannedInvestment: projects.annualPlannedInvestment,
        plannedCompletionDate: projects.plannedCompletionDate,
        leaderName: leader.displayName,
        unitZh: units.nameZh,
        unitEn: units.nameEn,
        overdueMilestones: sql<number>`(SELECT count(*)::int FROM ${milestones} WHERE ${milestones.projectId} = ${projects.id} AND ${overdueSql(d)})`,
        ...registryLightColumns(yearDay(registryYear(p, d), d)),
      })
      .from(page)
      .innerJoin(projects, eq(projects.id, page.id))
      .innerJoin(categories, eq(categories.code, projects.categoryCode))
      .leftJoin(counties, eq(counties.id, projects.countyId))
      .leftJoin(leader, eq(leader.id, projects.responsibleLeaderId))
      .leftJoin(units, eq(units.id, projects.responsibleUnitId))
      .orderBy(order, idOrder),
    db.select({ total: count() }).from(projects).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

/** How many projects the registry holds under these parameters (the filters and the scope, no paging). */
export async function countProjects(actor: Actor, p: RegistryParams): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ total: count() }).from(projects).where(registryWhere(actor, p));
  return row?.total ?? 0;
}
