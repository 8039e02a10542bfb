import 'server-only';

/**
 * The periods of a year that have approved reports, for the as-of month (./as-of.ts): in the
 * actor's scope (the dashboard) or of one project (the project page). One grouped statement on
 * reports_approved_period_idx; a project outside the actor's scope has no rows.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { projects, reportingPeriods, reports } from '@/db/schema';
import { type Actor, projectScope } from '@/lib/authz';
import { type ApprovedPeriod, type AsOf, asOfMonth } from './as-of';

export async function approvedPeriods(db: Executor, actor: Actor, year: number, projectId?: number): Promise<ApprovedPeriod[]> {
  const scope = projectScope(actor);
  return rowsOf<ApprovedPeriod>(
    db,
    sql`SELECT rp.start_date::text AS "startDate", rp.end_date::text AS "endDate"
      FROM ${reportingPeriods} rp
      WHERE rp.end_date >= make_date(${year}::int, 1, 1) AND rp.start_date <= make_date(${year}::int, 12, 31)
        AND EXISTS (SELECT 1 FROM ${reports} r JOIN ${projects} ON ${projects.id} = r.project_id
          WHERE r.period_id = rp.id AND r.status = 'approved'
            ${projectId === undefined ? sql`` : sql`AND r.project_id = ${projectId}::int`}
            ${scope ? sql`AND ${scope}` : sql``})
      ORDER BY rp.start_date`,
  );
}

/** The as-of month of one project's figures (its own approved reports), for the project page. */
export async function projectAsOf(actor: Actor, projectId: number, year: number, today: string): Promise<AsOf> {
  const db = await getDb();
  return asOfMonth(await approvedPeriods(db, actor, year, projectId), year, today);
}
