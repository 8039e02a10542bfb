import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { useTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeProject, makeUser } from '@/test/factories';
import { decideDuplicate } from './actions';
import { possibleDuplicates } from './duplicates';

// Issue 14 §5: two statements of the report that may be one project (国家电投塔城2×66万千瓦煤电一体化
// 项目 in 二(三), 塔城2×66万千瓦煤电 in 二(五)) are kept apart, linked as a possible duplicate, and
// whether they are one project is the office's decision, never the seed's assumption.

const getDb = useTestDb();
let office: Actor;
let spic: { id: number };
let tacheng: { id: number; version: number };

beforeEach(async () => {
  const category = await makeCategory({ code: 'coal_power' });
  office = actorOf(await makeUser({ role: 'dispatch' }));
  spic = await makeProject({ categoryCode: category.code, code: 'TC2025-006', name: '国家电投塔城2×66万千瓦煤电一体化项目' });
  tacheng = await makeProject({
    categoryCode: category.code,
    code: 'TC2025-030',
    name: '塔城2×66万千瓦煤电项目',
    possibleDuplicateOfId: spic.id,
    duplicateDecision: 'unconfirmed',
  });
});

const decisionOf = async (id: number) =>
  (await getDb().select({ d: projects.duplicateDecision, v: projects.version }).from(projects).where(eq(projects.id, id)))[0]!;

describe('possible duplicates', () => {
  it('each side shows the other, unconfirmed, with the record that holds the decision', async () => {
    expect(await possibleDuplicates(office, spic.id)).toEqual([
      expect.objectContaining({ id: tacheng.id, code: 'TC2025-030', decision: 'unconfirmed', holderId: tacheng.id }),
    ]);
    expect(await possibleDuplicates(office, tacheng.id)).toEqual([
      expect.objectContaining({ id: spic.id, code: 'TC2025-006', decision: 'unconfirmed', holderId: tacheng.id }),
    ]);
  });

  it('the office confirms, with an audit event; a stale version is a CONFLICT and changes nothing', async () => {
    const res = await decideDuplicate.execute(office, { id: tacheng.id, version: tacheng.version, decision: 'distinct' });
    expect(res).toMatchObject({ ok: true, data: { duplicateDecision: 'distinct' } });
    expect(await decisionOf(tacheng.id)).toEqual({ d: 'distinct', v: tacheng.version + 1 });
    expect((await possibleDuplicates(office, spic.id))[0]?.decision).toBe('distinct');
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'project.decideDuplicate'));
    expect(events).toHaveLength(1);

    const stale = await decideDuplicate.execute(office, { id: tacheng.id, version: tacheng.version, decision: 'same' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await decisionOf(tacheng.id)).d).toBe('distinct');
  });

  it('is refused on a record without a possible duplicate, with a bad decision, for a county office and a lead', async () => {
    const none = await decideDuplicate.execute(office, { id: spic.id, version: 1, decision: 'same' });
    expect(none).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { decision: [expect.any(String)] } });
    const bad = await decideDuplicate.execute(office, { id: tacheng.id, version: tacheng.version, decision: 'maybe' });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { decision: [expect.any(String)] } });
    const county = await makeCounty({ nameZh: '额敏县' });
    const countyOffice = actorOf(await makeUser({ role: 'dispatch', countyId: county.id }));
    const lead = actorOf(await makeUser({ role: 'lead' }));
    for (const actor of [countyOffice, lead]) {
      const res = await decideDuplicate.execute(actor, { id: tacheng.id, version: tacheng.version, decision: 'same' });
      expect(res.ok).toBe(false);
    }
    expect(await decisionOf(tacheng.id)).toEqual({ d: 'unconfirmed', v: tacheng.version });
  });
});
