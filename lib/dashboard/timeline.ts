import 'server-only';

/**
 * The milestone timeline (Gantt-like): projects in scope matching the filters (category, county,
 * responsible leader), by code, each with its effective light and every milestone's planned,
 * baseline, forecast and actual dates. One statement: the page of project ids first (with the
 * total under the same WHERE), then the names, the light and the milestones of those only.
 */
import { inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { milestones, projects } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import type { Actor } from '@/lib/authz';
import { currentPlanYear } from '@/lib/plan-years/guard';
import { yearScope } from '@/lib/plan-years/in-year';
import { today } from '@/lib/clock';
import { isOverdue } from '@/lib/milestones/overdue';
import { effectiveLightSql } from './drilldown-sql';
import { rowsOf, whereAll } from './sql-util';
import type { Timeline, TimelineFilters, TimelineProject } from './types';

export const TIMELINE_DEFAULT_LIMIT = 60;
export const TIMELINE_MAX_LIMIT = 200;

/** How far the drawn window may reach from today. */
const WINDOW_YEARS_BEFORE = 3;
const WINDOW_YEARS_AFTER = 5;

function shiftYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4, 8)}01`;
}

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

function monthEnd(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return `${day.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export async function getTimeline(
  actor: Actor,
  filters: TimelineFilters,
  limit = TIMELINE_DEFAULT_LIMIT,
  year = currentPlanYear(),
): Promise<Timeline> {
  const db = await getDb();
  const day = today();
  const n = Math.max(1, Math.min(Math.trunc(limit) || TIMELINE_DEFAULT_LIMIT, TIMELINE_MAX_LIMIT));
  // The plan year's projects (its key-project list, once it has one).
  const where = whereAll(
    yearScope(actor, year),
    filters.category.length ? inArray(projects.categoryCode, filters.category) : undefined,
    filters.county.length ? inArray(projects.countyId, filters.county) : undefined,
    filters.leader.length ? inArray(projects.responsibleLeaderId, filters.leader) : undefined,
  );
  const rows = await rowsOf<{
    project_id: number;
    code: string;
    name: string;
    name_en: string | null;
    light: Light | null;
    total: number;
    id: number | null;
    kind: string | null;
    m_name: string | null;
    m_name_en: string | null;
    planned: string | null;
    baseline: string | null;
    forecast: string | null;
    actual: string | null;
    status: string | null;
  }>(
    db,
    sql`WITH page AS MATERIALIZED (
        SELECT ${projects.id} AS id, ${projects.code} AS code, count(*) OVER ()::int AS total
        FROM ${projects} ${where}
        ORDER BY ${projects.code} ASC, ${projects.id} ASC
        LIMIT ${n}::int
      ), pj AS MATERIALIZED (
        SELECT page.id, page.code, page.total, ${projects.name} AS name, ${projects.nameEn} AS name_en, ${effectiveLightSql(day)} AS light
        FROM page JOIN ${projects} ON ${projects.id} = page.id
      )
      SELECT pj.id AS project_id, pj.code, pj.name, pj.name_en, pj.light, pj.total,
        m.id, m.kind, m.name AS m_name, m.name_en AS m_name_en, m.planned_date::text AS planned,
        m.baseline_date::text AS baseline, m.forecast_date::text AS forecast, m.actual_date::text AS actual, m.status
      FROM pj LEFT JOIN ${milestones} m ON m.project_id = pj.id
      ORDER BY pj.code ASC, pj.id ASC, m.sort ASC, m.planned_date ASC, m.id ASC`,
  );

  const byId = new Map<number, TimelineProject>();
  const order: TimelineProject[] = [];
  let min = day;
  let max = day;
  for (const r of rows) {
    const pid = Number(r.project_id);
    let p = byId.get(pid);
    if (!p) {
      p = { projectId: pid, code: r.code, nameZh: r.name, nameEn: r.name_en, light: r.light, milestones: [] };
      byId.set(pid, p);
      order.push(p);
    }
    if (r.id === null || r.planned === null) continue;
    p.milestones.push({
      id: Number(r.id),
      kind: r.kind ?? 'other',
      nameZh: r.m_name ?? '',
      nameEn: r.m_name_en,
      planned: r.planned,
      baseline: r.baseline,
      forecast: r.forecast,
      actual: r.actual,
      status: r.status ?? 'not_started',
      overdue: isOverdue({ baselineDate: r.baseline, plannedDate: r.planned, actualDate: r.actual }, day),
    });
    for (const d of [r.planned, r.baseline, r.forecast, r.actual]) {
      if (d === null) continue;
      if (d < min) min = d;
      if (d > max) max = d;
    }
  }
  const lowest = shiftYears(day, -WINDOW_YEARS_BEFORE);
  const highest = monthEnd(shiftYears(day, WINDOW_YEARS_AFTER));
  const from = monthStart(min < lowest ? lowest : min);
  const to = monthEnd(max > highest ? highest : max);
  return {
    filters,
    from,
    to,
    today: day,
    projects: order,
    total: rows.length ? Number(rows[0]!.total) : 0,
  };
}
