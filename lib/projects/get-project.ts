import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { auditEvents, categories, counties, milestones, projectCounties, projects, units, users } from '@/db/schema';
import { type Actor, projectCountyIdsSql, projectScope } from '@/lib/authz';

const leader = alias(users, 'leader');
const lead = alias(users, 'lead');
const ownerUnit = alias(units, 'owner_unit');

/** A project as the detail page shows it: every registry column plus the names it refers to. */
export type ProjectDetail = typeof projects.$inferSelect & {
  /** The counties the project touches (ascending ids; empty = 未填报), with their names in the counties' order. */
  countyIds: number[];
  counties: { id: number; nameZh: string; nameEn: string }[];
  categoryZh: string;
  categoryEn: string;
  countyZh: string | null;
  countyEn: string | null;
  leaderName: string | null;
  responsibleUnitZh: string | null;
  responsibleUnitEn: string | null;
  ownerUnitZh: string | null;
  ownerUnitEn: string | null;
  leadName: string | null;
};

export type MilestoneRow = typeof milestones.$inferSelect;

/**
 * One project by id, or null when it does not exist OR lies outside the actor's scope: the
 * scope is part of the WHERE clause, so both cases look the same (404).
 */
export const getProject = cache(async (actor: Actor, id: number): Promise<ProjectDetail | null> => {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      project: projects,
      countyIds: projectCountyIdsSql,
      categoryZh: categories.nameZh,
      categoryEn: categories.nameEn,
      countyZh: counties.nameZh,
      countyEn: counties.nameEn,
      leaderName: leader.displayName,
      responsibleUnitZh: units.nameZh,
      responsibleUnitEn: units.nameEn,
      ownerUnitZh: ownerUnit.nameZh,
      ownerUnitEn: ownerUnit.nameEn,
      leadName: lead.displayName,
    })
    .from(projects)
    .innerJoin(categories, eq(categories.code, projects.categoryCode))
    .leftJoin(counties, eq(counties.id, projects.countyId))
    .leftJoin(leader, eq(leader.id, projects.responsibleLeaderId))
    .leftJoin(units, eq(units.id, projects.responsibleUnitId))
    .leftJoin(ownerUnit, eq(ownerUnit.id, projects.ownerUnitId))
    .leftJoin(lead, eq(lead.id, projects.projectLeadId))
    .where(and(eq(projects.id, id), projectScope(actor)))
    .limit(1);
  if (!row) return null;
  const touched = await db
    .select({ id: counties.id, nameZh: counties.nameZh, nameEn: counties.nameEn })
    .from(projectCounties)
    .innerJoin(counties, eq(counties.id, projectCounties.countyId))
    .where(eq(projectCounties.projectId, id))
    .orderBy(asc(counties.sort), asc(counties.id));
  const { project, ...names } = row;
  return { ...project, ...names, counties: touched };
});

/** The project's milestones in their display order; empty when the project is not visible. */
export async function getProjectMilestones(actor: Actor, projectId: number): Promise<MilestoneRow[]> {
  if (!Number.isSafeInteger(projectId) || projectId < 1 || projectId > 2_147_483_647) return [];
  const db = await getDb();
  const rows = await db
    .select({ milestone: milestones })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .where(and(eq(milestones.projectId, projectId), projectScope(actor)))
    .orderBy(asc(milestones.sort), asc(milestones.plannedDate), asc(milestones.id));
  return rows.map((r) => r.milestone);
}

/** One milestone with the fields of its project that a permission check needs; null when not visible. */
export async function getMilestoneForEdit(actor: Actor, projectId: number, milestoneId: number) {
  const ok = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= 2_147_483_647;
  if (!ok(projectId) || !ok(milestoneId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ milestone: milestones, countyId: projects.countyId, countyIds: projectCountyIdsSql, projectLeadId: projects.projectLeadId })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .where(and(eq(milestones.id, milestoneId), eq(milestones.projectId, projectId), projectScope(actor)))
    .limit(1);
  return row ?? null;
}

export interface HistoryEntry {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The milestone's names when the event is about a milestone that still exists. */
  milestoneName: string | null;
  milestoneNameEn: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Audit events about the project and its milestones, newest first; empty when not visible. */
export async function getProjectHistory(actor: Actor, projectId: number, { limit = 50 }: { limit?: number } = {}): Promise<HistoryEntry[]> {
  if (!Number.isSafeInteger(projectId) || projectId < 1 || projectId > 2_147_483_647) return [];
  const db = await getDb();
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      milestoneName: milestones.name,
      milestoneNameEn: milestones.nameEn,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .innerJoin(projects, eq(projects.id, auditEvents.projectId))
    .leftJoin(
      milestones,
      // project_id first: it lets the planner use milestones_project_idx for the project's
      // few milestones instead of scanning every milestone for the text comparison.
      and(
        eq(milestones.projectId, auditEvents.projectId),
        eq(auditEvents.entityType, 'milestone'),
        sql`${milestones.id}::text = ${auditEvents.entityId}`,
      ),
    )
    .where(and(eq(auditEvents.projectId, projectId), inArray(auditEvents.entityType, ['project', 'milestone']), projectScope(actor)))
    .orderBy(desc(auditEvents.id))
    .limit(Math.max(1, Math.min(limit, 500)));
}
