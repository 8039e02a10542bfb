'use server';

import { currentPlanYear } from '@/lib/plan-years/guard';
import { joinOpenYearList } from '@/lib/plan-years/year-list';
import { and, eq, sql } from 'drizzle-orm';
import { projects } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { AppError, type FieldErrors } from '@/lib/errors';
import { checkCountySet, writeCountySet } from './counties';
import { projectResource } from './resource';
import { createProjectSchema, crossFieldErrors, decideDuplicateSchema, PROJECT_FIELDS, updateProjectSchema } from './schemas';
import {
  assertCodeFree,
  assertCountyAllowed,
  assertReferences,
  invalid,
  markUserSources,
  type ProjectRow,
  type ProjectValues,
  REGISTRY_REFERENCE_KEYS,
  registryFields,
} from './write-rules';

/** For each field a cross-field rule reports on, the fields that rule reads. */
const CROSS_RULE_FIELDS: Record<string, string[]> = {
  plannedCompletionDate: ['startDate', 'plannedCompletionDate'],
  annualPlannedInvestment: ['totalInvestment', 'annualPlannedInvestment'],
  capacityUnit: ['capacity', 'capacityUnit'],
};

/** Adds a project to the registry (dispatch office and administrators). */
export const createProject = createAction({
  name: 'project.create',
  schema: createProjectSchema,
  permission: 'project.create',
  run: async ({ actor, input, tx, audit }) => {
    const values: Required<ProjectValues> = {
      code: input.code,
      nationalCode: input.nationalCode ?? null,
      name: input.name,
      nameEn: input.nameEn ?? null,
      categoryCode: input.categoryCode,
      countyId: input.countyId ?? null,
      location: input.location ?? null,
      constructionContent: input.constructionContent ?? null,
      capacity: input.capacity ?? null,
      capacityUnit: input.capacityUnit ?? null,
      totalInvestment: input.totalInvestment ?? null,
      annualPlannedInvestment: input.annualPlannedInvestment ?? null,
      startDate: input.startDate ?? null,
      plannedCompletionDate: input.plannedCompletionDate ?? null,
      stage: input.stage,
      status: input.status,
      responsibleLeaderId: input.responsibleLeaderId ?? null,
      responsibleUnitId: input.responsibleUnitId ?? null,
      ownerUnitId: input.ownerUnitId ?? null,
      projectLeadId: input.projectLeadId ?? null,
      targetYear: input.targetYear ?? null,
      annualTarget: input.annualTarget ?? null,
    };
    // Without a list of counties, the project touches its responsible county (if any).
    const countyIds = input.countyIds ?? (values.countyId === null ? [] : [values.countyId]);
    assertCountyAllowed(actor, values.countyId);
    await assertCodeFree(tx, values.code);
    await assertReferences(tx, values, REGISTRY_REFERENCE_KEYS);
    await checkCountySet(tx, actor, { countyId: values.countyId, countyIds });

    const given = [...PROJECT_FIELDS.filter((f) => values[f] !== null), ...(countyIds.length ? ['countyIds'] : [])];
    const [row] = await tx
      .insert(projects)
      .values({ ...values, sources: markUserSources({}, given), createdAt: now(), updatedAt: now() })
      .returning();
    if (!row) throw new AppError('INTERNAL', 'insert returned nothing');
    await writeCountySet(tx, row.id, countyIds);
    // Entered while the current year's list is open: a key project of that year (增补).
    const planYear = await joinOpenYearList(tx, row.id, currentPlanYear(), now());

    const after = Object.fromEntries(
      Object.entries({ ...registryFields(row), countyIds: countyIds.length ? countyIds : null, planYear }).filter(([, v]) => v !== null),
    );
    await audit({ action: 'project.create', entityType: 'project', entityId: row.id, projectId: row.id, before: null, after });
    return { id: row.id, version: row.version };
  },
});

/**
 * Edits registry fields. Only the fields sent are changed; each changed field becomes
 * user-entered in `sources`. Optimistic locking on `version`: a stale version is a CONFLICT
 * carrying the current row.
 */
export const updateProject = createAction({
  name: 'project.update',
  schema: updateProjectSchema,
  permission: 'project.update',
  load: { resource: projectResource, id: 'id', version: 'version' },
  run: async ({ actor, input, tx, audit, record: before }) => {
    const { id, version, countyIds, ...fields } = input;
    const patch: ProjectValues = {};
    for (const key of PROJECT_FIELDS) {
      if (fields[key] !== undefined) (patch as Record<string, unknown>)[key] = fields[key];
    }
    // The counties the project touches are compared as a set (both sides are sorted ids).
    const changes = diff(
      { ...registryFields(before), countyIds: before.countyIds },
      { ...registryFields(patch as Partial<ProjectRow>), ...(countyIds ? { countyIds } : {}) },
    );
    if (!changes) return { id, version: before.version };
    const changed = Object.keys(changes.after);
    const nextCounties = countyIds ?? before.countyIds;

    const merged = { ...before, ...patch };
    // Rules across fields are checked on the merged row, where the update touches one of their fields
    // (a stored row that breaks a rule does not block editing something else).
    const errors: FieldErrors = {};
    for (const [field, key] of Object.entries(crossFieldErrors(merged))) {
      if (CROSS_RULE_FIELDS[field]?.some((f) => changed.includes(f))) errors[field] = [`validation.${key}`];
    }
    if (Object.keys(errors).length) throw invalid(errors);
    if (changed.includes('countyId')) assertCountyAllowed(actor, merged.countyId);
    if (changed.includes('code')) await assertCodeFree(tx, merged.code, id);
    await assertReferences(tx, merged, changed);
    if (changed.includes('countyId') || changed.includes('countyIds')) {
      await checkCountySet(tx, actor, { countyId: merged.countyId, countyIds: nextCounties }, before.countyIds);
    }

    const [after] = await tx
      .update(projects)
      .set({
        ...patch,
        sources: markUserSources(before.sources, changed),
        version: sql`${projects.version} + 1`,
        updatedAt: now(),
      })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning();
    if (!after) throw await conflictWith(tx, projectResource, id);
    if (changed.includes('countyIds')) await writeCountySet(tx, id, nextCounties);

    await audit({ action: 'project.update', entityType: 'project', entityId: id, projectId: id, ...changes });
    return { id, version: after.version };
  },
});

/**
 * The office's decision on a possible duplicate (two statements of the report that may be one
 * project): the same project, distinct projects, or back to unconfirmed. Only on a record that
 * has a possible duplicate; the prefecture office decides (a county's office sees one side).
 */
export const decideDuplicate = createAction({
  name: 'project.decideDuplicate',
  schema: decideDuplicateSchema,
  permission: 'project.update',
  prefectureOnly: true,
  load: { resource: projectResource, id: 'id', version: 'version' },
  run: async ({ input, tx, audit, record: before }) => {
    if (before.possibleDuplicateOfId === null) {
      throw new AppError('INVALID', 'no possible duplicate', { fieldErrors: { decision: ['validation.invalidChoice'] } });
    }
    const [row] = await tx
      .update(projects)
      .set({ duplicateDecision: input.decision, version: sql`${projects.version} + 1`, updatedAt: now() })
      .where(and(eq(projects.id, before.id), eq(projects.version, before.version)))
      .returning({ id: projects.id, version: projects.version, duplicateDecision: projects.duplicateDecision });
    if (!row) throw await conflictWith(tx, projectResource, before.id);
    await audit({
      action: 'project.decideDuplicate',
      entityType: 'project',
      entityId: row.id,
      before: { duplicateDecision: before.duplicateDecision, possibleDuplicateOfId: before.possibleDuplicateOfId },
      after: { duplicateDecision: row.duplicateDecision, possibleDuplicateOfId: before.possibleDuplicateOfId },
    });
    return row;
  },
});
