import 'server-only';

/**
 * Reads of the lights. Every function takes the actor and adds the project scope to its SQL,
 * like lib/projects: a project outside the scope yields nothing (the page answers 404).
 * Reasons are returned as data; render them with renderReason (lib/lights/reasons.ts) in the
 * reader's language.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { lightOverrides, projectLights, projects, reportingPeriods, ruleSets, users } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import type { LightMeasures, LightReason } from '@/db/schema/lights';
import { type Actor, hasPermission, projectScope } from '@/lib/authz';
import { dayOf, today } from '@/lib/clock';
import { inYearList } from '@/lib/plan-years/in-year';
import { yearDay } from '@/lib/plan-years/year-day';
import { listRuleSetVersions, loadActiveRuleSet, type RuleSetWithRules } from './rule-set-store';

const MAX_ID = 2_147_483_647;
const validId = (id: number) => Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID;

const creator = alias(users, 'override_creator');
const clearer = alias(users, 'override_clearer');

export interface ComputedLight {
  projectId: number;
  periodId: number;
  periodKind: 'monthly' | 'dekad';
  periodStart: string;
  periodEnd: string;
  light: Light;
  ruleSetId: number;
  ruleSetVersion: number;
  ruleSetName: string;
  reasons: LightReason[];
  measures: LightMeasures;
  computedAt: Date;
}

export interface OverrideView {
  id: number;
  projectId: number;
  light: Light;
  reason: string;
  startsOn: string;
  endsOn: string;
  createdAt: Date;
  createdByName: string | null;
  clearedAt: Date | null;
  clearedByName: string | null;
  version: number;
  /** Applies today (not cleared, today within startsOn..endsOn). */
  active: boolean;
}

export interface CurrentLight {
  projectId: number;
  computed: ComputedLight | null;
  override: OverrideView | null;
  /** What to show first: the active override's light, else the computed light (null: none yet). */
  effective: Light | null;
}

const computedColumns = {
  projectId: projectLights.projectId,
  periodId: projectLights.periodId,
  periodKind: reportingPeriods.kind,
  periodStart: reportingPeriods.startDate,
  periodEnd: reportingPeriods.endDate,
  light: projectLights.light,
  ruleSetId: projectLights.ruleSetId,
  ruleSetVersion: projectLights.ruleSetVersion,
  ruleSetName: ruleSets.name,
  reasons: projectLights.reasons,
  measures: projectLights.measures,
  computedAt: projectLights.computedAt,
};

const overrideColumns = {
  id: lightOverrides.id,
  projectId: lightOverrides.projectId,
  light: lightOverrides.light,
  reason: lightOverrides.reason,
  startsOn: lightOverrides.startsOn,
  endsOn: lightOverrides.endsOn,
  createdAt: lightOverrides.createdAt,
  createdByName: creator.displayName,
  clearedAt: lightOverrides.clearedAt,
  clearedByName: clearer.displayName,
  version: lightOverrides.version,
};

/**
 * The current light of each project in the actor's scope (optionally only the given ids): the
 * light of the latest started period with a stored light, its reasons, and the override that
 * applies today, if any; with `year`, only that plan year's projects, as at its last day when past.
 */
export async function getCurrentLights(
  actor: Actor,
  opts: { projectIds?: readonly number[]; year?: number } = {},
): Promise<CurrentLight[]> {
  const ids = opts.projectIds?.filter(validId);
  if (ids && ids.length === 0) return [];
  const db = await getDb();
  // With a plan year: its list's projects, as at its last day when it is past (lib/plan-years).
  const day = opts.year === undefined ? today() : yearDay(opts.year, today());
  const idFilter = and(ids ? inArray(projects.id, [...ids]) : undefined, opts.year === undefined ? undefined : inYearList(opts.year));
  const [computed, overrides] = await Promise.all([
    db
      .selectDistinctOn([projectLights.projectId], computedColumns)
      .from(projectLights)
      .innerJoin(projects, eq(projects.id, projectLights.projectId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, projectLights.periodId))
      .innerJoin(ruleSets, eq(ruleSets.id, projectLights.ruleSetId))
      .where(and(projectScope(actor), idFilter, sql`${reportingPeriods.startDate} <= ${day}::date`))
      .orderBy(projectLights.projectId, desc(reportingPeriods.endDate), desc(reportingPeriods.startDate)),
    db
      .select(overrideColumns)
      .from(lightOverrides)
      .innerJoin(projects, eq(projects.id, lightOverrides.projectId))
      .leftJoin(creator, eq(creator.id, lightOverrides.createdById))
      .leftJoin(clearer, eq(clearer.id, lightOverrides.clearedById))
      .where(
        and(
          projectScope(actor),
          idFilter,
          sql`${lightOverrides.clearedAt} IS NULL`,
          sql`${lightOverrides.startsOn} <= ${day}::date`,
          sql`${lightOverrides.endsOn} >= ${day}::date`,
        ),
      ),
  ]);
  const byProject = new Map<number, CurrentLight>();
  for (const c of computed) byProject.set(c.projectId, { projectId: c.projectId, computed: c, override: null, effective: c.light });
  for (const o of overrides) {
    const entry = byProject.get(o.projectId) ?? { projectId: o.projectId, computed: null, override: null, effective: null };
    entry.override = { ...o, active: true };
    entry.effective = o.light;
    byProject.set(o.projectId, entry);
  }
  return [...byProject.values()].sort((a, b) => a.projectId - b.projectId);
}

export interface LightHistoryEntry extends ComputedLight {
  /** The override that applied at the end of the period (its record stays when cleared or ended). */
  override: OverrideView | null;
}

export interface ProjectLightDetail {
  current: CurrentLight;
  history: LightHistoryEntry[];
  /** Every override of the project, newest first (cleared and ended ones included). */
  overrides: OverrideView[];
}

/** One project's light panel data; null when the project is not visible to the actor. */
export async function getProjectLight(actor: Actor, projectId: number): Promise<ProjectLightDetail | null> {
  if (!validId(projectId)) return null;
  const db = await getDb();
  const day = today();
  // The project's scope is part of both statements (the inner join on projects); only when
  // both come back empty does a third one tell "no lights yet" from "not visible".
  const visibleProject = and(eq(projects.id, projectId), projectScope(actor));
  const [history, overrideRows] = await Promise.all([
    db
      .select(computedColumns)
      .from(projectLights)
      .innerJoin(projects, eq(projects.id, projectLights.projectId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, projectLights.periodId))
      .innerJoin(ruleSets, eq(ruleSets.id, projectLights.ruleSetId))
      .where(and(eq(projectLights.projectId, projectId), visibleProject))
      .orderBy(desc(reportingPeriods.endDate), desc(reportingPeriods.startDate))
      .limit(60),
    db
      .select(overrideColumns)
      .from(lightOverrides)
      .innerJoin(projects, eq(projects.id, lightOverrides.projectId))
      .leftJoin(creator, eq(creator.id, lightOverrides.createdById))
      .leftJoin(clearer, eq(clearer.id, lightOverrides.clearedById))
      .where(and(eq(lightOverrides.projectId, projectId), visibleProject))
      .orderBy(desc(lightOverrides.id))
      .limit(100),
  ]);
  if (history.length === 0 && overrideRows.length === 0) {
    const [visible] = await db.select({ id: projects.id }).from(projects).where(visibleProject).limit(1);
    if (!visible) return null;
  }
  const overrides: OverrideView[] = overrideRows.map((o) => ({
    ...o,
    active: o.clearedAt === null && o.startsOn <= day && day <= o.endsOn,
  }));
  const appliedAt = (end: string) =>
    overrides.find((o) => {
      const clearedDay = o.clearedAt ? dayOf(o.clearedAt) : null;
      return o.startsOn <= end && end <= o.endsOn && (clearedDay === null || clearedDay > end);
    }) ?? null;
  const active = overrides.find((o) => o.active) ?? null;
  const latest = history[0] ?? null;
  return {
    current: { projectId, computed: latest, override: active, effective: active?.light ?? latest?.light ?? null },
    history: history.map((h) => ({ ...h, override: appliedAt(h.periodEnd) })),
    overrides,
  };
}

export interface RuleSetAdminView {
  active: RuleSetWithRules | null;
  versions: (RuleSetWithRules & { createdByName: string | null })[];
}

/** The active rule set and its version history (administrators; null for others). */
export async function getRuleSetAdmin(actor: Actor): Promise<RuleSetAdminView | null> {
  if (!hasPermission(actor, 'ruleset.edit')) return null;
  const db = await getDb();
  const active = await loadActiveRuleSet(db);
  if (!active) return { active: null, versions: [] };
  const versions = await listRuleSetVersions(db, active.key);
  const creatorIds = [...new Set(versions.map((v) => v.createdById).filter((x): x is number => x !== null))];
  const names = creatorIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, creatorIds))
    : [];
  const nameBy = new Map(names.map((n) => [n.id, n.name]));
  return { active, versions: versions.map((v) => ({ ...v, createdByName: v.createdById ? (nameBy.get(v.createdById) ?? null) : null })) };
}
