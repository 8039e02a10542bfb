'use server';

import { and, eq, sql } from 'drizzle-orm';
import { categories, counties, units, users } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { conflictWith } from '@/lib/authz/resource';
import { now } from '@/lib/clock';
import { ENTRY_RESOURCES, type EntryRecord, leaderResource } from './resource';
import { createCodedSchema, createUnitSchema, deleteSchema, mergeSchema, renameSchema, setActiveSchema, setTitleSchema } from './schemas';
import { englishName, type ReferenceKind } from './kinds';
import { moveReferences } from './usage';
import { assertNameFree, assertUnused, audited, changeEvent, deleteEntry, fieldError, keyOfEntry, updateEntry } from './write';

// Reference data (units, categories, counties, leaders' titles). Every export is a
// createAction(...) with 'reference.manage' (administrator and dispatch office), prefecture-wide
// actors only: what every county uses is kept by the prefecture. Each writes its audit events
// in the action's transaction.

const common = { permission: 'reference.manage', prefectureOnly: true } as const;
const loaded = (kind: ReferenceKind) => ({ resource: ENTRY_RESOURCES[kind], id: 'id', version: 'version', lock: true }) as const;

// ── Create ──────────────────────────────────────────────────────────────────────────────

export const createUnit = createAction({
  ...common,
  name: 'reference.unit.create',
  schema: createUnitSchema,
  run: async ({ input, tx, audit }) => {
    await assertNameFree(tx, 'unit', input.nameZh);
    const [row] = await tx
      .insert(units)
      .values({ kind: input.kind, nameZh: input.nameZh, nameEn: englishName(input) })
      // A concurrent create of the same name: the same field error, not a 500.
      .onConflictDoNothing()
      .returning();
    if (!row) throw fieldError('CONFLICT', 'nameZh', 'validation.referenceNameTaken');
    await audit({ action: 'reference.unit.create', entityType: 'unit', entityId: row.id, after: audited('unit', row) });
    return row;
  },
});

function createCoded(kind: 'category' | 'county') {
  const table = kind === 'category' ? categories : counties;
  return createAction({
    ...common,
    name: `reference.${kind}.create`,
    schema: createCodedSchema,
    run: async ({ input, tx, audit }) => {
      await assertNameFree(tx, kind, input.nameZh);
      const [row] = (await tx
        .insert(table)
        .values({ code: input.code, nameZh: input.nameZh, nameEn: englishName(input), sort: input.sort })
        .onConflictDoNothing()
        .returning()) as EntryRecord[];
      if (!row) throw fieldError('CONFLICT', 'code', 'validation.referenceCodeTaken');
      await audit({ action: `reference.${kind}.create`, entityType: kind, entityId: row.id, after: audited(kind, row) });
      return row;
    },
  });
}
export const createCategory = createCoded('category');
export const createCounty = createCoded('county');

// ── Rename, retire / reactivate ─────────────────────────────────────────────────────────

function rename(kind: ReferenceKind) {
  return createAction({
    ...common,
    name: `reference.${kind}.rename`,
    schema: renameSchema,
    load: loaded(kind),
    run: async ({ input, tx, audit, record: before }) => {
      if (input.nameZh !== before.nameZh) await assertNameFree(tx, kind, input.nameZh, before.id);
      const row = await updateEntry(tx, kind, before, { nameZh: input.nameZh, nameEn: englishName(input) });
      await audit(changeEvent(kind, `reference.${kind}.rename`, before, row));
      return row;
    },
  });
}
export const renameUnit = rename('unit');
export const renameCategory = rename('category');
export const renameCounty = rename('county');

function setActive(kind: ReferenceKind) {
  return createAction({
    ...common,
    name: `reference.${kind}.setActive`,
    schema: setActiveSchema,
    load: loaded(kind),
    run: async ({ input, tx, audit, record: before }) => {
      const row = await updateEntry(tx, kind, before, { active: input.active });
      await audit(changeEvent(kind, `reference.${kind}.${input.active ? 'reactivate' : 'retire'}`, before, row));
      return row;
    },
  });
}
export const setUnitActive = setActive('unit');
export const setCategoryActive = setActive('category');
export const setCountyActive = setActive('county');

// ── Delete (only what nothing uses) ─────────────────────────────────────────────────────

function remove(kind: ReferenceKind) {
  return createAction({
    ...common,
    name: `reference.${kind}.delete`,
    schema: deleteSchema,
    load: loaded(kind),
    run: async ({ tx, audit, record: before }) => {
      await assertUnused(tx, kind, before);
      await deleteEntry(tx, kind, before);
      await audit({
        action: `reference.${kind}.delete`,
        entityType: kind,
        entityId: before.id,
        before: { ...audited(kind, before), version: before.version },
      });
      return { id: before.id };
    },
  });
}
export const deleteUnit = remove('unit');
export const deleteCategory = remove('category');
export const deleteCounty = remove('county');

// ── Merge (units, categories): every reference moves to the survivor ────────────────────

function merge(kind: 'unit' | 'category') {
  return createAction({
    ...common,
    name: `reference.${kind}.merge`,
    schema: mergeSchema,
    load: loaded(kind),
    run: async ({ actor, input, tx, audit, record: from }) => {
      if (!from.active) throw fieldError('INVALID', '_form', 'reference.errors.mergeRetired');
      // The survivor is a choice in the form: it must exist, be offered (active), and be of the same kind.
      const into = await ENTRY_RESOURCES[kind].load(tx, actor, input.intoId, true);
      const sameKind = into && (kind !== 'unit' || (into as typeof units.$inferSelect).kind === (from as typeof units.$inferSelect).kind);
      if (!into || !into.active || !sameKind) throw fieldError('INVALID', 'intoId', 'validation.invalidChoice');
      const moved = await moveReferences(tx, kind, keyOfEntry(kind, from), keyOfEntry(kind, into));
      const row = await updateEntry(tx, kind, from, { active: false });
      const { projectFields, ...counted } = moved;
      await audit(
        changeEvent(kind, `reference.${kind}.merge`, from, row, { mergedInto: { id: into.id, nameZh: into.nameZh }, moved: counted }),
      );
      // Each moved project's history shows the change (and who made it, for a conflict answer).
      for (const p of projectFields) {
        await audit({
          action: `reference.${kind}.merge`,
          entityType: 'project',
          entityId: p.id,
          projectId: p.id,
          before: { [p.field]: keyOfEntry(kind, from) },
          after: { [p.field]: keyOfEntry(kind, into) },
        });
      }
      return { ...row, mergedInto: into.id, moved: counted };
    },
  });
}
export const mergeUnit = merge('unit');
export const mergeCategory = merge('category');

// ── Leaders' titles (职务) ───────────────────────────────────────────────────────────────

export const setLeaderTitle = createAction({
  ...common,
  name: 'reference.leader.setTitle',
  schema: setTitleSchema,
  load: { resource: leaderResource, id: 'id', version: 'version', lock: true },
  run: async ({ input, tx, audit, record: before }) => {
    const [row] = await tx
      .update(users)
      .set({ title: input.title, version: sql`${users.version} + 1`, updatedAt: now() })
      .where(and(eq(users.id, before.id), eq(users.version, before.version)))
      .returning({ id: users.id, title: users.title, version: users.version });
    if (!row) throw await conflictWith(tx, leaderResource, before.id);
    await audit({
      action: 'reference.leader.setTitle',
      entityType: 'user',
      entityId: row.id,
      before: { title: before.title, version: before.version },
      after: { title: row.title, version: row.version },
    });
    return row;
  },
});
