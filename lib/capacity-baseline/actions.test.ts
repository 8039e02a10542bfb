import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, capacityBaselines } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeUser } from '@/test/factories';
import { recordCapacityBaseline } from './actions';
import { readCapacityBaseline } from './queries';

const getDb = useTestDb();
const zh = translator('zh-CN');
const en = translator('en');
let office: Actor;

beforeEach(async () => {
  office = actorOf(await makeUser({ role: 'dispatch' }));
});

const rows = () => getDb().select().from(capacityBaselines);

describe('capacityBaseline.record', () => {
  it('records the year’s baseline and its source, then updates it against its version, each with an audit event', async () => {
    const first = await recordCapacityBaseline.execute(office, {
      year: 2025,
      amount: '３５０.５',
      source: ' 国网塔城供电公司 2024年底统计 ',
    });
    expect(first).toMatchObject({ ok: true, data: { year: 2025, version: 1 } });
    expect(await readCapacityBaseline(getDb(), 2025)).toMatchObject({
      amount: '350.50',
      source: '国网塔城供电公司 2024年底统计',
      version: 1,
      updatedBy: office.displayName,
    });
    const second = await recordCapacityBaseline.execute(office, { year: 2025, version: '1', amount: '1,200', source: '复核' });
    expect(second).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await rows()).toMatchObject([{ year: 2025, amount: '1200.00', source: '复核', version: 2 }]);
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityType, 'capacity_baseline'));
    expect(events.map((e) => e.action)).toEqual(['capacityBaseline.record', 'capacityBaseline.record']);
    expect(await readCapacityBaseline(getDb(), 2024)).toBeNull();
  });

  it('a stale version, or a first entry meeting one saved meanwhile, is a CONFLICT with the baseline as saved now', async () => {
    expect((await recordCapacityBaseline.execute(office, { year: 2025, amount: '300', source: 'A' })).ok).toBe(true);
    const again = await recordCapacityBaseline.execute(office, { year: 2025, amount: '400', source: 'B' });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', current: { amount: '300.00', source: 'A', changedBy: office.displayName } });
    expect((await recordCapacityBaseline.execute(office, { year: 2025, version: 1, amount: '310', source: 'C' })).ok).toBe(true);
    const stale = await recordCapacityBaseline.execute(office, { year: 2025, version: 1, amount: '500', source: 'D' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', current: { amount: '310.00', version: 2 } });
    expect(await rows()).toMatchObject([{ amount: '310.00', source: 'C', version: 2 }]);
  });

  it('refuses a negative, a non-number and a missing source with field errors in the user’s language; nothing is stored', async () => {
    const negative = await recordCapacityBaseline.execute(office, { year: 2025, amount: '-5', source: 'A' });
    expect(negative).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { amount: [zh('validation.negativeMoney')] } });
    const text = await recordCapacityBaseline.execute(office, { year: 2025, amount: '三百', source: 'A' }, en);
    expect(text).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { amount: [en('validation.invalidNumber')] } });
    const noSource = await recordCapacityBaseline.execute(office, { year: 2025, amount: '300', source: '   ' });
    expect(noSource).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { source: [zh('validation.required')] } });
    const empty = await recordCapacityBaseline.execute(office, { year: 2025, amount: '', source: 'A' });
    expect(empty).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { amount: [zh('validation.required')] } });
    const year = await recordCapacityBaseline.execute(office, { year: 'x', amount: '1', source: 'A' });
    expect(year).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await rows()).toEqual([]);
  });

  it('is the prefecture office’s: a county office and a lead are refused', async () => {
    const county = await makeCounty({ nameZh: '额敏县' });
    const countyOffice = actorOf(await makeUser({ role: 'dispatch', countyId: county.id }));
    const lead = actorOf(await makeUser({ role: 'lead' }));
    const input = { year: 2025, amount: '300', source: 'A' };
    expect(await recordCapacityBaseline.execute(countyOffice, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await recordCapacityBaseline.execute(lead, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await rows()).toEqual([]);
  });
});
