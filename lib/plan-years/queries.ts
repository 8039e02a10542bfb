import 'server-only';

/**
 * Reads of the year's key-project lists (年度重点项目计划). The list of a year is the
 * prefecture's, shared by every scope; its projects are read through the project scope (a
 * county user sees the county's projects of the list only).
 *
 * - listPlanYears   every plan year, newest first, with its project count
 * - getYearList     one year's list with its projects in the actor's scope (null: no such year)
 * - rolloverCandidates  the registry's projects in scope that are not in a year's list (to add)
 */
import { and, asc, count, desc, eq, notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { planYearProjects, planYears, projects, users } from '@/db/schema';
import type { PlanYearJoin, PlanYearState, Stage } from '@/db/schema/enums';
import { type Actor, projectScope } from '@/lib/authz';

export interface PlanYearSummary {
  year: number;
  state: PlanYearState;
  createdFromYear: number | null;
  version: number;
  projects: number;
  createdAt: Date;
  createdByName: string | null;
}

export async function listPlanYears(): Promise<PlanYearSummary[]> {
  const db = await getDb();
  const n = db
    .select({ year: planYearProjects.year, n: count().as('n') })
    .from(planYearProjects)
    .groupBy(planYearProjects.year)
    .as('n');
  return db
    .select({
      year: planYears.year,
      state: planYears.state,
      createdFromYear: planYears.createdFromYear,
      version: planYears.version,
      projects: sql<number>`coalesce(${n.n}, 0)::int`,
      createdAt: planYears.createdAt,
      createdByName: users.displayName,
    })
    .from(planYears)
    .leftJoin(n, eq(n.year, planYears.year))
    .leftJoin(users, eq(users.id, planYears.createdById))
    .orderBy(desc(planYears.year));
}

export interface YearListProject {
  projectId: number;
  code: string;
  name: string;
  nameEn: string | null;
  stage: Stage;
  joinedAs: PlanYearJoin;
}

export interface YearList extends PlanYearSummary {
  rows: YearListProject[];
}

const projectColumns = { projectId: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn, stage: projects.stage };

export async function getYearList(actor: Actor, year: number): Promise<YearList | null> {
  const summary = (await listPlanYears()).find((y) => y.year === year);
  if (!summary) return null;
  const db = await getDb();
  const rows = await db
    .select({ ...projectColumns, joinedAs: planYearProjects.joinedAs })
    .from(planYearProjects)
    .innerJoin(projects, eq(projects.id, planYearProjects.projectId))
    .where(and(eq(planYearProjects.year, year), projectScope(actor)))
    .orderBy(asc(projects.code));
  return { ...summary, rows };
}

/** The projects in scope that a year's list does not hold: what the rollover may add as new. */
export async function rolloverCandidates(actor: Actor, year: number): Promise<Omit<YearListProject, 'joinedAs'>[]> {
  const db = await getDb();
  const listed = db.select({ id: planYearProjects.projectId }).from(planYearProjects).where(eq(planYearProjects.year, year));
  return db
    .select(projectColumns)
    .from(projects)
    .where(and(projectScope(actor), notInArray(projects.id, listed)))
    .orderBy(asc(projects.code));
}
