import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { categories, counties, projects, units, users, type FactSources } from '@/db/schema';
import { type Actor, inScope } from '@/lib/authz';
import { AppError, type FieldErrors } from '@/lib/errors';
import { PROJECT_FIELDS, type ProjectField, REFERENCE_FIELDS } from './schemas';

/** All reference fields: what a create checks. */
export const REGISTRY_REFERENCE_KEYS: readonly string[] = REFERENCE_FIELDS;

/**
 * Checks shared by createProject and updateProject. Field errors carry catalogue keys
 * ("validation.codeTaken"); the forms translate them.
 */

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectValues = { [K in ProjectField]?: ProjectRow[K] };

/** Only the registry fields of a row or an input (the audit trail's before/after). */
export function registryFields(v: Partial<ProjectRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PROJECT_FIELDS) if (v[key] !== undefined) out[key] = v[key];
  return out;
}

export function invalid(fieldErrors: FieldErrors): AppError {
  return new AppError('INVALID', 'invalid registry values', { fieldErrors });
}

/** A county user may only place projects in their own county (never prefecture-wide). */
export function assertCountyAllowed(actor: Actor, countyId: number | null | undefined): void {
  if (countyId === undefined) return;
  if (!inScope(actor, { countyId })) throw invalid({ countyId: ['validation.invalidChoice'] });
}

/** The registry code is unique: a friendly field error before the UNIQUE constraint fires. */
export async function assertCodeFree(tx: Tx, code: string, exceptId?: number): Promise<void> {
  const [taken] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(exceptId === undefined ? eq(projects.code, code) : and(eq(projects.code, code), ne(projects.id, exceptId)))
    .limit(1);
  if (taken) throw new AppError('CONFLICT', 'code taken', { fieldErrors: { code: ['validation.codeTaken'] } });
}

/**
 * The references given must exist (the foreign keys back this up): a category, a county, a
 * responsible unit and an owner unit of the right kind, a responsible leader and a project lead
 * who hold those roles. Only the given keys are checked (an update checks what it changes), so a
 * retired unit, category or county (lib/reference) cannot be newly chosen but stays on a project
 * that holds it.
 */
export async function assertReferences(tx: Tx, v: ProjectValues, keys: Iterable<string>): Promise<void> {
  const errors: FieldErrors = {};
  const bad = (field: string) => (errors[field] = ['validation.invalidChoice']);
  const checks: Promise<void>[] = [];
  const want = new Set(keys);
  const one = async (field: string, query: Promise<unknown[]>) => {
    if ((await query).length === 0) bad(field);
  };
  if (want.has('categoryCode') && v.categoryCode) {
    checks.push(
      one(
        'categoryCode',
        tx
          .select({ c: categories.code })
          .from(categories)
          .where(and(eq(categories.code, v.categoryCode), eq(categories.active, true)))
          .limit(1),
      ),
    );
  }
  if (want.has('countyId') && v.countyId != null) {
    checks.push(
      one(
        'countyId',
        tx
          .select({ id: counties.id })
          .from(counties)
          .where(and(eq(counties.id, v.countyId), eq(counties.active, true)))
          .limit(1),
      ),
    );
  }
  const unit = (field: 'responsibleUnitId' | 'ownerUnitId', kind: 'responsible' | 'owner') => {
    const id = v[field];
    if (want.has(field) && id != null) {
      checks.push(
        one(
          field,
          tx
            .select({ id: units.id })
            .from(units)
            .where(and(eq(units.id, id), eq(units.kind, kind), eq(units.active, true)))
            .limit(1),
        ),
      );
    }
  };
  unit('responsibleUnitId', 'responsible');
  unit('ownerUnitId', 'owner');
  const person = (field: 'responsibleLeaderId' | 'projectLeadId', role: 'leader' | 'lead') => {
    const id = v[field];
    if (want.has(field) && id != null) {
      checks.push(
        one(
          field,
          tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, id), eq(users.role, role)))
            .limit(1),
        ),
      );
    }
  };
  person('responsibleLeaderId', 'leader');
  person('projectLeadId', 'lead');
  // Sequential on PGlite (one connection) either way; awaiting them together keeps postgres.js fast.
  await Promise.all(checks);
  if (Object.keys(errors).length) throw invalid(errors);
}

/**
 * Marks the fields a user set as user-entered. A report quote for a field (and its numbered
 * extras such as "annualTarget.2") no longer describes the new value, so it is dropped.
 */
export function markUserSources(sources: FactSources, fields: Iterable<string>): FactSources {
  const next: FactSources = { ...sources };
  for (const field of fields) {
    for (const key of Object.keys(next)) if (key.startsWith(`${field}.`)) delete next[key];
    next[field] = { kind: 'user' };
  }
  return next;
}
