import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reportingPeriods, reports } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { onPostgres, useTestDb } from '@/test/db';
import { cadenceErrors, calendarPeriodOf, latestPeriodStart } from './cadence';
import { openPeriod } from './open-period';
import { buildReportWorld, expectUnchanged, type ReportWorld, snapshot } from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
const en = translator('en');
let w: ReportWorld;

beforeAll(() => setClockForTests(new Date('2025-06-20T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildReportWorld();
});

describe('period dates against the cadence', () => {
  it('knows the calendar month and the three 旬 (leap years, month ends)', () => {
    expect(calendarPeriodOf('monthly', '2024-02-14')).toEqual({ startDate: '2024-02-01', endDate: '2024-02-29' });
    expect(calendarPeriodOf('monthly', '2025-02-01')).toEqual({ startDate: '2025-02-01', endDate: '2025-02-28' });
    expect(calendarPeriodOf('dekad', '2025-02-21')).toEqual({ startDate: '2025-02-21', endDate: '2025-02-28' });
    expect(calendarPeriodOf('dekad', '2025-07-11')).toEqual({ startDate: '2025-07-11', endDate: '2025-07-20' });
    expect(calendarPeriodOf('dekad', '2025-07-31')).toEqual({ startDate: '2025-07-21', endDate: '2025-07-31' });
    expect(latestPeriodStart('2025-06-20')).toBe('2026-12-31');
  });

  it('names the expected date in the field message, in either language', () => {
    const day = '2025-06-20';
    expect(cadenceErrors(zh, 'monthly', { startDate: '2025-06-01', endDate: '2025-06-30' }, day)).toEqual({});
    expect(cadenceErrors(zh, 'monthly', { startDate: '2025-06-15', endDate: '2025-07-14' }, day)).toEqual({
      startDate: [zh('reports.errors.cadenceStart.monthly', { date: '2025-06-01' })],
    });
    expect(cadenceErrors(en, 'monthly', { startDate: '2025-06-01', endDate: '2025-07-31' }, day)).toEqual({
      endDate: ['A monthly period is one calendar month: this one ends on 2025-06-30.'],
    });
    expect(cadenceErrors(zh, 'dekad', { startDate: '2025-06-05', endDate: '2025-06-14' }, day).startDate).toEqual([
      zh('reports.errors.cadenceStart.dekad', { date: '2025-06-01' }),
    ]);
    expect(cadenceErrors(zh, 'dekad', { startDate: '2025-06-21', endDate: '2025-06-29' }, day).endDate).toEqual([
      zh('reports.errors.cadenceEnd.dekad', { date: '2025-06-30' }),
    ]);
    expect(cadenceErrors(zh, 'dekad', { startDate: '2026-12-21', endDate: '2026-12-31' }, day)).toEqual({});
    expect(cadenceErrors(zh, 'dekad', { startDate: '2027-01-01', endDate: '2027-01-10' }, day)).toEqual({
      startDate: [zh('reports.errors.tooFarAhead', { date: '2026-12-31' })],
    });
  });
});

describe('openPeriod: the dates must be one period of the kind', () => {
  it('refuses the probe\'s "monthly" 2027-04-01 … 2031-12-31: not one month, and too far ahead; nothing written', async () => {
    const db = getDb();
    const before = await snapshot(db);
    const res = await openPeriod.execute(w.actors.dispatch, {
      kind: 'monthly',
      startDate: '2027-04-01',
      endDate: '2031-12-31',
      dueDate: '2032-01-05',
    });
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: {
        startDate: [zh('reports.errors.tooFarAhead', { date: '2026-12-31' })],
        endDate: [zh('reports.errors.cadenceEnd.monthly', { date: '2027-04-30' })],
      },
    });
    await expectUnchanged(db, before);
  });

  it('refuses half a month and a 旬 that is not one, in English for an English user', async () => {
    const db = getDb();
    const before = await snapshot(db);
    const half = await openPeriod.execute(
      w.actors.dispatch,
      { kind: 'monthly', startDate: '2025-06-15', endDate: '2025-07-14', dueDate: '2025-07-20' },
      en,
    );
    expect(half).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { startDate: ['A monthly period starts on the 1st of a month, for example 2025-06-01.'] },
    });
    const dekad = await openPeriod.execute(w.actors.dispatch, {
      kind: 'dekad',
      startDate: '2025-06-11',
      endDate: '2025-06-30',
      dueDate: '2025-07-03',
    });
    expect(dekad).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { endDate: [zh('reports.errors.cadenceEnd.dekad', { date: '2025-06-20' })] },
    });
    await expectUnchanged(db, before);
  });

  it('opens December of next year, and nothing after it', async () => {
    const dec = await openPeriod.execute(w.actors.dispatch, {
      kind: 'monthly',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      dueDate: '2027-01-05',
    });
    expect(dec).toMatchObject({ ok: true, data: { reportCount: 2 } });
    const jan = await openPeriod.execute(w.actors.dispatch, {
      kind: 'monthly',
      startDate: '2027-01-01',
      endDate: '2027-01-31',
      dueDate: '2027-02-05',
    });
    expect(jan).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { startDate: [zh('reports.errors.tooFarAhead', { date: '2026-12-31' })] },
    });
  });

  it('a county dispatch user is refused before anything is checked or written, whatever the dates', async () => {
    const db = getDb();
    const before = await snapshot(db);
    for (const input of [
      { kind: 'monthly', startDate: '2025-07-01', endDate: '2025-07-31', dueDate: '2025-08-05' },
      { kind: 'monthly', startDate: '2027-04-01', endDate: '2031-12-31', dueDate: '2032-01-05' },
    ]) {
      const res = await openPeriod.execute(w.actors.countyBDispatch, input);
      expect(res).toEqual({ ok: false, code: 'FORBIDDEN', message: zh('errors.PREFECTURE_ONLY') });
    }
    await expectUnchanged(db, before);
  });
});

describe('openPeriod under concurrency (PostgreSQL)', () => {
  const july = { kind: 'monthly', startDate: '2025-07-01', endDate: '2025-07-31', dueDate: '2025-08-05' };
  const julyDekad = { kind: 'dekad', startDate: '2025-07-11', endDate: '2025-07-20', dueDate: '2025-07-23' };

  it.runIf(onPostgres)('two opens of the same period at once: exactly one wins, the other is CONFLICT', async () => {
    const results = await Promise.all([openPeriod.execute(w.actors.dispatch, july), openPeriod.execute(w.actors.dispatch, july)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT', message: zh('reports.errors.periodExists') });
    const db = getDb();
    expect(await db.select().from(reportingPeriods)).toHaveLength(1);
    expect(await db.select().from(reports)).toHaveLength(2);
  });

  it.runIf(onPostgres)('overlapping opens at once (a month and one of its 旬), five times over: one period each time', async () => {
    const db = getDb();
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        openPeriod.execute(w.actors.dispatch, july),
        openPeriod.execute(w.actors.dispatch, julyDekad),
        openPeriod.execute(w.actors.dispatch, july),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(2);
      const periods = await db.select().from(reportingPeriods);
      expect(periods).toHaveLength(1);
      expect(await db.select().from(reports)).toHaveLength(2);
      // Start the next round empty (children first).
      await db.delete(reports);
      await db.delete(reportingPeriods);
    }
  });
});

describe('the database backs the cadence (reporting_periods_cadence)', () => {
  const bad = [
    { kind: 'monthly', startDate: '2027-04-01', endDate: '2031-12-31' },
    { kind: 'monthly', startDate: '2025-06-15', endDate: '2025-07-14' },
    { kind: 'dekad', startDate: '2025-06-11', endDate: '2025-06-30' },
    { kind: 'dekad', startDate: '2025-02-21', endDate: '2025-02-27' },
  ] as const;
  const good = [
    { kind: 'monthly', startDate: '2024-02-01', endDate: '2024-02-29' },
    { kind: 'dekad', startDate: '2025-02-21', endDate: '2025-02-28' },
    { kind: 'dekad', startDate: '2025-03-11', endDate: '2025-03-20' },
    { kind: 'monthly', startDate: '2025-12-01', endDate: '2025-12-31' },
  ] as const;

  it.each(bad)('refuses a raw insert of $kind $startDate … $endDate (CHECK violation)', async (p) => {
    const err = await getDb()
      .insert(reportingPeriods)
      .values({ ...p, dueDate: p.endDate })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err ?? {}))).toContain('reporting_periods_cadence');
  });

  it('accepts calendar periods (a leap February, a short last 旬, December)', async () => {
    for (const p of good)
      await getDb()
        .insert(reportingPeriods)
        .values({ ...p, dueDate: p.endDate });
    expect(await getDb().select().from(reportingPeriods)).toHaveLength(good.length);
  });
});
