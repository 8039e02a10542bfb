/**
 * Where a reference entry is used, and moving every use of one entry to another (a merge). Each
 * kind lists the columns that point at it; a new column that references units, categories or
 * counties must be added here, or a merge would leave it behind (lib/reference/merge.test.ts
 * checks the foreign keys of the schema against these lists).
 */
import { and, count, eq, getTableName, inArray, isNotNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '@/db/client';
import {
  meetingParticipants,
  meetings,
  problems,
  procedureTemplateCategories,
  projectCounties,
  projectProcedures,
  projects,
  users,
} from '@/db/schema';
import { now } from '@/lib/clock';
import { MERGEABLE, type ReferenceKind, type Usage } from './kinds';

/** A column that references an entry, and the kind of record it counts towards. */
interface Use {
  column: AnyPgColumn;
  /** The record's field, as its history names it. */
  field: string;
  counts: keyof Usage;
  /** The same records are counted through another column (a project's responsible county is one of the counties it touches). */
  countedElsewhere?: true;
}

/** Every column that references an entry of each kind (the key: units.id, categories.code, counties.id). */
export const USES: Readonly<Record<ReferenceKind, readonly Use[]>> = {
  unit: [
    { column: projects.responsibleUnitId, field: 'responsibleUnitId', counts: 'projects' },
    { column: projects.ownerUnitId, field: 'ownerUnitId', counts: 'projects' },
    { column: problems.responsibleUnitId, field: 'responsibleUnitId', counts: 'problems' },
    { column: users.unitId, field: 'unitId', counts: 'users' },
    { column: meetingParticipants.unitId, field: 'unitId', counts: 'meetings' },
    { column: projectProcedures.agencyUnitId, field: 'agencyUnitId', counts: 'procedures' },
  ],
  category: [
    { column: projects.categoryCode, field: 'categoryCode', counts: 'projects' },
    { column: meetings.scopeCategoryCode, field: 'scopeCategoryCode', counts: 'meetings' },
    { column: procedureTemplateCategories.categoryCode, field: 'categoryCode', counts: 'procedures' },
  ],
  county: [
    { column: projects.countyId, field: 'countyId', counts: 'projects', countedElsewhere: true },
    { column: projectCounties.countyId, field: 'countyIds', counts: 'projects' },
    { column: users.countyId, field: 'countyId', counts: 'users' },
    { column: meetings.scopeCountyId, field: 'scopeCountyId', counts: 'meetings' },
  ],
};

/** How many records of each kind use the entry (by its key: a unit's or county's id, a category's code). */
export async function usageOf(tx: Tx, kind: ReferenceKind, key: number | string): Promise<Usage> {
  const usage: Usage = { projects: 0, problems: 0, users: 0, meetings: 0, procedures: 0 };
  // One statement at a time: a transaction's handle runs one at a time anyway.
  for (const use of USES[kind]) {
    if (use.countedElsewhere) continue;
    const [row] = await tx
      .select({ n: count() })
      .from(use.column.table)
      .where(eq(use.column, key as never));
    usage[use.counts] += row?.n ?? 0;
  }
  return usage;
}

/** The ids of the records a merge moves, by kind of record (what the audit event names). */
export interface Moved {
  projects: number[];
  problems: number[];
  users: number[];
  meetings: number[];
  /** Procedures moved to another agency; templates proposed for another category. */
  procedures: number[];
  /** Each moved field of each moved project (its history shows the change). */
  projectFields: { id: number; field: string }[];
}

/**
 * Points every reference to `from` at `into`, in the caller's transaction. Every table listed
 * in USES is user-edited: its version moves on, so a form opened before the merge gets a
 * conflict instead of writing the merged entry back. A meeting that invited both units keeps
 * one invitation (the survivor's).
 */
export async function moveReferences(tx: Tx, kind: ReferenceKind, from: number | string, into: number | string): Promise<Moved> {
  if (!MERGEABLE[kind]) throw new Error(`${kind} entries are not merged`);
  const moved: Moved = { projects: [], problems: [], users: [], meetings: [], procedures: [], projectFields: [] };
  if (kind === 'unit') {
    // meeting_participants has no version: the meeting it belongs to is what the user edits.
    const invited = await tx
      .select({ meetingId: meetingParticipants.meetingId })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.unitId, into as number));
    const both = invited.map((r) => r.meetingId);
    if (both.length) {
      await tx
        .delete(meetingParticipants)
        .where(and(eq(meetingParticipants.unitId, from as number), inArray(meetingParticipants.meetingId, both)));
    }
    const rows = await tx
      .update(meetingParticipants)
      .set({ unitId: into as number })
      .where(eq(meetingParticipants.unitId, from as number))
      .returning({ meetingId: meetingParticipants.meetingId });
    moved.meetings.push(...rows.map((r) => r.meetingId));
  }
  if (kind === 'category') {
    // procedure_template_categories has no version: the template it belongs to is what the user edits.
    const both = (
      await tx
        .select({ templateId: procedureTemplateCategories.templateId })
        .from(procedureTemplateCategories)
        .where(eq(procedureTemplateCategories.categoryCode, into as string))
    ).map((r) => r.templateId);
    if (both.length) {
      await tx
        .delete(procedureTemplateCategories)
        .where(and(eq(procedureTemplateCategories.categoryCode, from as string), inArray(procedureTemplateCategories.templateId, both)));
    }
    const rows = await tx
      .update(procedureTemplateCategories)
      .set({ categoryCode: into as string })
      .where(eq(procedureTemplateCategories.categoryCode, from as string))
      .returning({ templateId: procedureTemplateCategories.templateId });
    moved.procedures.push(...rows.map((r) => r.templateId));
  }
  const at = now().toISOString();
  for (const use of USES[kind]) {
    if (use.column.table === meetingParticipants || use.column.table === procedureTemplateCategories) continue;
    const table = sql.identifier(getTableName(use.column.table));
    const column = sql.identifier(use.column.name);
    const res = (await tx.execute(
      sql`update ${table} set ${column} = ${into}, version = version + 1, updated_at = ${at} where ${column} = ${from} returning id`,
    )) as unknown;
    // postgres.js returns the rows as an array, PGlite as { rows }.
    const rows = (Array.isArray(res) ? res : (res as { rows: { id: number }[] }).rows) as { id: number }[];
    const ids = rows.map((r) => Number(r.id));
    moved[use.counts].push(...ids);
    if (use.column.table === projects) moved.projectFields.push(...ids.map((id) => ({ id, field: use.field })));
  }
  for (const k of ['projects', 'problems', 'users', 'meetings', 'procedures'] as const)
    moved[k] = [...new Set(moved[k])].sort((a, b) => a - b);
  return moved;
}

/** The usage of every entry of a kind at once, by key (one grouped count per referencing column). */
export async function usageByKey(db: Executor, kind: ReferenceKind): Promise<Map<string, Usage>> {
  const out = new Map<string, Usage>();
  for (const use of USES[kind]) {
    if (use.countedElsewhere) continue;
    const rows = await db.select({ key: use.column, n: count() }).from(use.column.table).where(isNotNull(use.column)).groupBy(use.column);
    for (const r of rows) {
      const key = String(r.key);
      const u = out.get(key) ?? { projects: 0, problems: 0, users: 0, meetings: 0, procedures: 0 };
      u[use.counts] += r.n;
      out.set(key, u);
    }
  }
  return out;
}
