import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, portfolioTargets } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeUser } from '@/test/factories';
import { recordTargetProgress } from './actions';
import { listPortfolioTargets } from './queries';

const getDb = useTestDb();
const zh = translator('zh-CN');
let office: Actor;
let enterprises: { id: number; version: number };
let tourism: { id: number; version: number };

const target = (over: Partial<typeof portfolioTargets.$inferInsert>) => ({
  year: 2025,
  code: 'new_industrial_enterprises',
  nameZh: '新增规模以上工业企业',
  nameEn: 'New industrial enterprises',
  kind: 'count' as const,
  target: '20',
  unitZh: '家',
  unitEn: 'enterprises',
  sourceSection: '二、(三)',
  sourceQuote: '新增规模以上工业企业20家以上',
  ...over,
});

beforeEach(async () => {
  office = actorOf(await makeUser({ role: 'dispatch' }));
  const rows = await getDb()
    .insert(portfolioTargets)
    .values([target({ sort: 1 }), target({ code: 'tourist_visits', kind: 'growth', target: '10', unitZh: '%', unitEn: '%', sort: 2 })])
    .returning({ id: portfolioTargets.id, version: portfolioTargets.version });
  enterprises = rows[0]!;
  tourism = rows[1]!;
});

const row = async (id: number) => (await getDb().select().from(portfolioTargets).where(eq(portfolioTargets.id, id)))[0]!;

describe('portfolioTarget.record', () => {
  it('records the figure, its date and source, once per version, with an audit event and who did it', async () => {
    const res = await recordTargetProgress.execute(office, {
      id: enterprises.id,
      version: enterprises.version,
      actual: '１２',
      actualAsOf: '2025-10-31',
      actualSource: ' 地区统计局 10 月统计月报 ',
    });
    expect(res).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await row(enterprises.id)).toMatchObject({
      actual: '12.00',
      actualAsOf: '2025-10-31',
      actualSource: '地区统计局 10 月统计月报',
      version: 2,
    });
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityType, 'portfolio_target'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'portfolioTarget.record', actorId: office.id });

    const [listed] = await listPortfolioTargets(2025);
    expect(listed).toMatchObject({ code: 'new_industrial_enterprises', progress: { percent: 60, met: false } });
    expect(listed?.updatedBy).toBe(office.displayName);
  });

  it('a second save from the same version is a CONFLICT with the figure as saved now; the first stands', async () => {
    const first = { id: enterprises.id, version: enterprises.version, actual: '12', actualAsOf: '2025-10-31' };
    expect((await recordTargetProgress.execute(office, first)).ok).toBe(true);
    const second = await recordTargetProgress.execute(office, { ...first, actual: '15' });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT', current: { actual: '12.00', changedBy: office.displayName } });
    expect((await row(enterprises.id)).actual).toBe('12.00');
  });

  it('a growth may be negative, a count may not; a figure needs its date; clearing the figure clears its date', async () => {
    const growth = await recordTargetProgress.execute(office, { id: tourism.id, version: 1, actual: '－3.2', actualAsOf: '2025-09-30' });
    expect(growth.ok).toBe(true);
    expect((await row(tourism.id)).actual).toBe('-3.20');

    const negative = await recordTargetProgress.execute(office, { id: enterprises.id, version: 1, actual: '-1', actualAsOf: '2025-09-30' });
    expect(negative).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { actual: [zh('validation.negativeMoney')] } });
    const undated = await recordTargetProgress.execute(office, { id: enterprises.id, version: 1, actual: '3' });
    expect(undated).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { actualAsOf: [zh('validation.required')] } });
    const text = await recordTargetProgress.execute(office, { id: enterprises.id, version: 1, actual: '十二', actualAsOf: '2025-09-30' });
    expect(text).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { actual: [zh('validation.invalidNumber')] } });
    expect((await row(enterprises.id)).version).toBe(1);

    const cleared = await recordTargetProgress.execute(office, { id: tourism.id, version: 2, actual: '', actualAsOf: '2025-09-30' });
    expect(cleared.ok).toBe(true);
    expect(await row(tourism.id)).toMatchObject({ actual: null, actualAsOf: null, version: 3 });
  });

  it('is the prefecture office’s: a county office and a lead are refused, and nothing changes', async () => {
    const county = await makeCounty({ nameZh: '额敏县' });
    const countyOffice = actorOf(await makeUser({ role: 'dispatch', countyId: county.id }));
    const lead = actorOf(await makeUser({ role: 'lead' }));
    const input = { id: enterprises.id, version: 1, actual: '12', actualAsOf: '2025-10-31' };
    expect(await recordTargetProgress.execute(countyOffice, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await recordTargetProgress.execute(lead, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await row(enterprises.id)).toMatchObject({ actual: null, version: 1 });
  });
});
