/**
 * Fixtures of the authorization matrix: reference data (lib/reference). Units, categories,
 * counties and leaders belong to the deployment: every scope shares them, and the actions are
 * prefecture-only.
 */
import { capacityBaselines, categories, counties, portfolioTargets, units, users } from '@/db/schema';
import { makeCategory, makeCounty, makeUnit, makeUser } from '@/test/factories';
import { type CaseContext, type Fixture, onNoRecord, onSharedRecord, unique } from './world';

type Entry = { id: number; version: number };
const tables = { unit: units, category: categories, county: counties } as const;
type Kind = keyof typeof tables;

/** An unused, active entry of the kind (a delete of it succeeds). */
function caseEntry(kind: Kind, c: CaseContext): Promise<Entry> {
  const n = unique();
  if (kind === 'unit') return makeUnit({ nameZh: `矩阵单位${n}`, nameEn: `Matrix unit ${n}` }, c.tx);
  if (kind === 'category') return makeCategory({ code: `mx-cat-${n}` }, c.tx);
  return makeCounty({ code: `mx-county-${n}` }, c.tx);
}

const on = (kind: Kind, input: (e: Entry, c: CaseContext) => Promise<Record<string, unknown>> | Record<string, unknown>): Fixture =>
  onSharedRecord(async (c) => {
    const e = await caseEntry(kind, c);
    return { input: await input(e, c), target: { table: tables[kind], id: e.id } };
  });

function entryFixtures(kind: Kind): Record<string, Fixture> {
  return {
    [`reference.${kind}.rename`]: on(kind, (e) => ({ id: e.id, version: e.version, nameZh: `改名${unique()}`, nameEn: '' })),
    [`reference.${kind}.setActive`]: on(kind, (e) => ({ id: e.id, version: e.version, active: false })),
    [`reference.${kind}.delete`]: on(kind, (e) => ({ id: e.id, version: e.version })),
  };
}

export const REFERENCE_FIXTURES: Record<string, Fixture> = {
  'reference.unit.create': onNoRecord(async () => ({ input: { kind: 'responsible', nameZh: `新单位${unique()}` } })),
  'reference.category.create': onNoRecord(async () => ({ input: { code: `new-cat-${unique()}`, nameZh: `新类别${unique()}` } })),
  'reference.county.create': onNoRecord(async () => ({ input: { code: `new-county-${unique()}`, nameZh: `新县${unique()}` } })),
  ...entryFixtures('unit'),
  ...entryFixtures('category'),
  ...entryFixtures('county'),
  'reference.unit.merge': on('unit', async (e, c) => ({ id: e.id, version: e.version, intoId: (await caseEntry('unit', c)).id })),
  'reference.category.merge': on('category', async (e, c) => ({
    id: e.id,
    version: e.version,
    intoId: (await caseEntry('category', c)).id,
  })),
  // A portfolio target (年度目标) is the prefecture's, like reference data: shared by every scope.
  'portfolioTarget.record': onSharedRecord(async (c) => {
    const [g] = await c.tx
      .insert(portfolioTargets)
      .values({
        year: 2030,
        code: `mx-target-${unique()}`,
        nameZh: '矩阵目标',
        nameEn: 'Matrix target',
        kind: 'count',
        target: '20',
        unitZh: '家',
        unitEn: 'enterprises',
        sourceSection: '二',
        sourceQuote: '20家以上',
      })
      .returning();
    return {
      input: { id: g!.id, version: g!.version, actual: '12', actualAsOf: '2030-10-31', actualSource: '统计月报' },
      target: { table: portfolioTargets, id: g!.id },
    };
  }),
  // The capacity baseline (年初前已并网装机) is the prefecture's too.
  'capacityBaseline.record': onSharedRecord(async (c) => {
    const [b] = await c.tx.insert(capacityBaselines).values({ year: 2031, amount: '100', source: '矩阵统计' }).returning();
    return {
      input: { year: 2031, version: b!.version, amount: '120.5', source: '矩阵统计 年底' },
      target: { table: capacityBaselines, id: b!.id },
    };
  }),
  'reference.leader.setTitle': onSharedRecord(async (c) => {
    const leader = await makeUser({ role: 'leader' }, c.tx);
    return { input: { id: leader.id, version: leader.version, title: '行署副专员' }, target: { table: users, id: leader.id } };
  }),
};
