/**
 * The rollover of the year's key-project list (年度重点项目计划): the prefecture dispatch office
 * rolls year N into N+1. Every project of N's list is decided (continue / drop), new projects
 * may join; N's list is then closed, and N+1's list is open. Targets and plans are entered per
 * year afterwards on the plan pages, so nothing of N's targets is copied into N+1.
 *
 * A dropped project is simply not in N+1's list: the rollover's audit event says who dropped
 * what (code and name). A year that already has a list is refused (CONFLICT), so a rollover
 * runs once; a retry with the same idempotency key gets the first answer (lib/actions).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { planYearProjects, planYears, projects } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { planYearResource } from './resource';
import { rolloverSchema } from './schemas';
import { writeYearList } from './year-list';

const fieldError = (field: string, key: string): AppError => new AppError('INVALID', key, { fieldErrors: { [field]: [key] } });

export const rollOverYear = createAction({
  name: 'planYear.rollover',
  schema: rolloverSchema,
  permission: 'planYear.rollover',
  // The list is the prefecture's: a county office cannot decide the other counties' projects.
  prefectureOnly: true,
  load: {
    resource: planYearResource,
    id: { year: 'fromYear' },
    version: 'version',
    lock: true,
    field: true,
    conflictMessage: 'lights.years.errors.listChanged',
  },
  run: async ({ actor, input, tx, audit, record: from }) => {
    const toYear = from.year + 1;
    const [exists] = await tx.select({ id: planYears.id }).from(planYears).where(eq(planYears.year, toYear)).limit(1);
    if (exists) {
      throw new AppError('CONFLICT', 'year exists', { messageKey: 'lights.years.errors.yearExists', messageValues: { year: toYear } });
    }
    const listed = await tx
      .select({
        projectId: planYearProjects.projectId,
        leaderId: planYearProjects.responsibleLeaderId,
        code: projects.code,
        name: projects.name,
      })
      .from(planYearProjects)
      .innerJoin(projects, eq(projects.id, planYearProjects.projectId))
      .where(eq(planYearProjects.year, from.year))
      .orderBy(projects.code);
    const inList = new Map(listed.map((r) => [r.projectId, r]));

    // Every project of the list decided once, and nothing else.
    const decided = new Map<number, 'continue' | 'drop'>();
    for (const d of input.decisions) {
      if (!inList.has(d.projectId) || decided.has(d.projectId)) throw fieldError('decisions', 'lights.years.validation.decisionUnknown');
      decided.set(d.projectId, d.decision);
    }
    if (decided.size !== inList.size) throw fieldError('decisions', 'lights.years.validation.undecided');

    // New projects: registry projects, not already in the list, each once.
    const added = [...new Set(input.added)];
    if (added.length !== input.added.length || added.some((id) => inList.has(id))) {
      throw fieldError('added', 'lights.years.validation.addedInList');
    }
    if (added.length) {
      const found = await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, added));
      if (found.length !== added.length) throw fieldError('added', 'validation.invalidChoice');
    }

    const continued = listed.filter((r) => decided.get(r.projectId) === 'continue');
    const dropped = listed.filter((r) => decided.get(r.projectId) === 'drop');
    const at = now();
    const created = await writeYearList(tx, {
      year: toYear,
      fromYear: from.year,
      actorId: actor.id,
      at,
      entries: [
        ...continued.map((r) => ({ projectId: r.projectId, joinedAs: 'continued' as const, responsibleLeaderId: r.leaderId })),
        ...added.map((projectId) => ({ projectId, joinedAs: 'new' as const })),
      ],
    });
    // The list rolled over is history from now on.
    await tx
      .update(planYears)
      .set({ state: 'closed', updatedAt: at, version: sql`${planYears.version} + 1` })
      .where(and(eq(planYears.id, from.id), eq(planYears.version, from.version)));
    await audit({
      action: 'planYear.rollover',
      entityType: 'plan_year',
      entityId: created.id,
      projectId: null,
      before: { year: from.year, state: from.state, projects: listed.length },
      after: {
        year: toYear,
        fromYear: from.year,
        continued: continued.map((r) => r.code),
        dropped: dropped.map((r) => ({ code: r.code, name: r.name })),
        added,
      },
    });
    return { id: created.id, year: toYear, continued: continued.length, dropped: dropped.length, added: added.length };
  },
});
