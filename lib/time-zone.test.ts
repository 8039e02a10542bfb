import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { milestones, problems } from '@/db/schema';
import { now, setClockForTests, today } from '@/lib/clock';
import { problemAgeSql } from '@/lib/dashboard/drilldown-sql';
import { problemsExport } from '@/lib/exports/problems-export';
import { parseCsv, readAll } from '@/lib/exports/test-helpers';
import { formatDate, formatDateTime, formatTime } from '@/lib/format';
import { escalateOverdueProblems } from '@/lib/problems/escalation';
import { listProblems } from '@/lib/problems/queries';
import type { ProblemListParams } from '@/lib/problems/search-params';
import { buildProblemWorld, makeProblem, type ProblemWorld } from '@/lib/problems/test-world';
import { overdueSql } from '@/lib/milestones/overdue';
import { useTestDb } from '@/test/db';
import { makeMilestone } from '@/test/factories';
import { appTimeZone, DEFAULT_TIME_ZONE, parseTimeZone, setTimeZoneForTests } from './time-zone';

const getDb = useTestDb();

describe('APP_TIME_ZONE', () => {
  afterEach(() => setTimeZoneForTests(null));

  it('defaults to Asia/Shanghai when unset or blank', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(parseTimeZone(undefined)).toBe('Asia/Shanghai');
    expect(parseTimeZone('  ')).toBe('Asia/Shanghai');
    expect(appTimeZone()).toBe(parseTimeZone(process.env.APP_TIME_ZONE));
  });

  it('takes an IANA name, in its canonical spelling', () => {
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('utc')).toBe('UTC');
    expect(parseTimeZone('america/new_york')).toBe('America/New_York');
  });

  it('refuses an unknown zone or a bare offset with a message naming the variable', () => {
    expect(() => parseTimeZone('Asia/Beijing')).toThrow('APP_TIME_ZONE="Asia/Beijing" is not a time zone name');
    expect(() => parseTimeZone('+08:00')).toThrow('APP_TIME_ZONE="+08:00"');
    expect(() => setTimeZoneForTests('Mars/Olympus')).toThrow('APP_TIME_ZONE="Mars/Olympus"');
  });

  it('is switched for tests and restored', () => {
    setTimeZoneForTests('UTC');
    expect(appTimeZone()).toBe('UTC');
    setTimeZoneForTests(null);
    expect(appTimeZone()).toBe(parseTimeZone(process.env.APP_TIME_ZONE));
  });
});

/**
 * The same data and the same instant under two zones: 2025-06-15 18:30 UTC is already the 16th
 * at 02:30 in Beijing, still the 15th at 14:30 in New York (EDT). In each zone "today", what is
 * overdue, how old a problem is, and every time shown or exported must tell the same day.
 */
const NOW = new Date('2025-06-15T18:30:00Z');
/** Raised on the 15th in Beijing (01:00) but on the 14th in New York (13:00). */
const RAISED_EARLIER = new Date('2025-06-14T17:00:00Z');

/** The problem list's state with no filter (what /problems opens with), and these changes. */
const params = (p: Partial<ProblemListParams> = {}): ProblemListParams => ({
  page: 1,
  pageSize: 20,
  sort: 'urgency',
  dir: 'asc',
  q: '',
  status: [],
  type: [],
  unit: [],
  leader: [],
  county: [],
  project: [],
  overdue: false,
  age: [],
  year: null,
  ...p,
});

type ProblemKey = 'dueYesterday' | 'dueTwoDaysAgo';

const ZONES = [
  {
    zone: 'Asia/Shanghai',
    today: '2025-06-16',
    shownZh: '2025年6月16日 02:30',
    shownEn: '16 Jun 2025, 02:30',
    time: '02:30',
    csvNow: '2025-06-16 02:30',
    csvEarlier: '2025-06-15 01:00',
    // Deadline the 15th: overdue by 1 day; deadline the 14th: by 2.
    overdue: { dueYesterday: 1, dueTwoDaysAgo: 2 } as Partial<Record<ProblemKey, number>>,
    ageEarlier: 1,
    // A milestone planned for the 15th, not done: the 15th is over.
    milestoneOverdue: 1,
  },
  {
    zone: 'America/New_York',
    today: '2025-06-15',
    shownZh: '2025年6月15日 14:30',
    shownEn: '15 Jun 2025, 14:30',
    time: '14:30',
    csvNow: '2025-06-15 14:30',
    csvEarlier: '2025-06-14 13:00',
    // Deadline the 15th is today: not overdue; deadline the 14th: 1 day.
    overdue: { dueTwoDaysAgo: 1 } as Partial<Record<ProblemKey, number>>,
    ageEarlier: 1,
    // The 15th is today: not overdue yet.
    milestoneOverdue: 0,
  },
] as const;

describe.each(ZONES)('under APP_TIME_ZONE=$zone', (z) => {
  let w: ProblemWorld;
  let ids: Record<ProblemKey, number>;

  beforeEach(async () => {
    setClockForTests(NOW);
    setTimeZoneForTests(z.zone);
    w = await buildProblemWorld();
    // The same rows whatever the zone: deadlines are dates, the raising times are instants.
    const dueYesterday = await makeProblem(w, { description: '征地补偿未到位', deadline: '2025-06-15', createdAt: NOW });
    const dueTwoDaysAgo = await makeProblem(w, {
      description: '配套资金缺口',
      type: 'funding',
      deadline: '2025-06-14',
      createdAt: RAISED_EARLIER,
    });
    ids = { dueYesterday: dueYesterday.id, dueTwoDaysAgo: dueTwoDaysAgo.id };
  });
  afterAll(() => {
    setClockForTests(null);
    setTimeZoneForTests(null);
  });

  const keyOf = (id: number): ProblemKey => (id === ids.dueYesterday ? 'dueYesterday' : 'dueTwoDaysAgo');
  /** [id, days overdue] of the problems overdue in this zone, by id. */
  const expectedOverdue = () =>
    (Object.entries(z.overdue) as [ProblemKey, number][]).map(([k, days]) => [ids[k], days]).sort((a, b) => a[0]! - b[0]!);

  it('today is the date the displayed time of now shows', () => {
    expect(today()).toBe(z.today);
    expect(formatDateTime(now(), 'zh-CN')).toBe(z.shownZh);
    expect(formatDateTime(now(), 'en')).toBe(z.shownEn);
    expect(formatDateTime(now().toISOString(), 'en')).toBe(z.shownEn);
    expect(formatTime(now(), 'en')).toBe(z.time);
    expect(formatDate(now(), 'en')).toBe(z.shownEn.slice(0, z.shownEn.indexOf(',')));
    // A date-only value is the date it is, in every zone.
    expect(formatDate('2025-06-15', 'en')).toBe('15 Jun 2025');
  });

  it('the problem list marks overdue against that today, and a problem raised now is 0 days old', async () => {
    const { rows } = await listProblems(w.actors.dispatch, params());
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      const days = z.overdue[keyOf(r.id)];
      expect({ id: r.id, overdue: r.overdue, daysOverdue: r.daysOverdue }).toEqual({
        id: r.id,
        overdue: days !== undefined,
        daysOverdue: days ?? 0,
      });
    }
    const filtered = await listProblems(w.actors.dispatch, params({ overdue: true }));
    expect(filtered.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expectedOverdue().map(([id]) => id));

    // The dashboard's problem age: both days in the app's zone (not the database session's).
    const ages = await getDb()
      .select({ id: problems.id, age: problemAgeSql(today()) })
      .from(problems)
      .orderBy(problems.id);
    expect(ages).toEqual([
      { id: ids.dueYesterday, age: 0 },
      { id: ids.dueTwoDaysAgo, age: z.ageEarlier },
    ]);
  });

  it('a milestone planned for the 15th is overdue (registry, dashboard) only once the 15th is over', async () => {
    await makeMilestone({ projectId: w.project.id, plannedDate: '2025-06-15' });
    const rows = await getDb()
      .select({ overdue: overdueSql(today()) })
      .from(milestones);
    expect(rows.filter((r) => r.overdue)).toHaveLength(z.milestoneOverdue);
  });

  it('escalation raises exactly the problems the list shows as overdue', async () => {
    const changes = await escalateOverdueProblems(getDb());
    expect(changes.map((c) => [c.id, c.daysOverdue]).sort((a, b) => a[0]! - b[0]!)).toEqual(expectedOverdue());
    const [row] = await getDb().select().from(problems).where(eq(problems.id, ids.dueTwoDaysAgo));
    expect(row?.escalatedAt).toEqual(NOW);
  });

  it('the CSV export writes the raising times as the wall clock of that zone, with the list’s days overdue', async () => {
    const file = await problemsExport(w.actors.dispatch, params({ sort: 'deadline', dir: 'desc' }), 'csv', 'zh-CN');
    const [header, ...records] = parseCsv((await readAll(file.body)).toString('utf8').replace(/^\uFEFF/, ''));
    const col = (name: string) => header!.indexOf(name);
    expect(records.map((r) => [r[col('办结期限')], r[col('逾期天数')], r[col('提出时间')]])).toEqual([
      ['2025-06-15', String(z.overdue.dueYesterday ?? ''), z.csvNow],
      ['2025-06-14', String(z.overdue.dueTwoDaysAgo ?? ''), z.csvEarlier],
    ]);
    // Raised now: the export's time of it is on today's date.
    expect(z.csvNow.startsWith(today())).toBe(true);
  });

  it('the Excel export says when it was made, and its time cells, in that zone', async () => {
    const file = await problemsExport(w.actors.dispatch, params({ sort: 'deadline', dir: 'desc' }), 'xlsx', 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readAll(file.body)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A2').value)).toContain(z.shownEn);
    // Excel has no zones: the cell holds the wall-clock time (read back as that time in UTC).
    const raised = ws.getCell('N4').value as Date;
    expect(raised.toISOString().slice(0, 16).replace('T', ' ')).toBe(z.csvNow);
  });
});

describe('SQL never leans on the database session zone', () => {
  it('a problem raised now is 0 days old whatever the session TimeZone is', async () => {
    setClockForTests(NOW);
    setTimeZoneForTests('Asia/Shanghai');
    try {
      const w = await buildProblemWorld();
      await makeProblem(w, { createdAt: NOW });
      // SET LOCAL: only this transaction's session zone changes (one connection, then reset).
      const ages = await getDb().transaction(async (tx) => {
        const out: unknown[] = [];
        for (const session of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
          await tx.execute(sql.raw(`SET LOCAL TIME ZONE '${session}'`));
          out.push((await tx.select({ age: problemAgeSql(today()) }).from(problems))[0]?.age);
        }
        return out;
      });
      expect(ages).toEqual([0, 0, 0]);
    } finally {
      setClockForTests(null);
      setTimeZoneForTests(null);
    }
  });
});
