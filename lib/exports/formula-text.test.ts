/**
 * Formula injection across every export (lib/exports): a meeting title, project, unit and
 * leader name, problem and decision text that begin with = + - @ reach each file as text, never
 * as a formula. Spreadsheets (the status table, the registry, the problem list; .xlsx and .csv):
 * every such text cell carries the neutraliser's leading apostrophe, the workbook has no
 * formula element at all. The Word minutes: the text is a plain run (Word computes nothing in a
 * run; only field codes compute, and the document has none), exactly as written.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problems, projects, units, users } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';
import type { Locale } from '@/lib/i18n/config';
import { addAgendaItem, recordDecision } from '@/lib/meetings/agenda-actions';
import { createMeeting, freezeMeeting, holdMeeting, publishMinutes } from '@/lib/meetings/meeting-actions';
import { getMeeting } from '@/lib/meetings/queries';
import { buildMeetingWorld, TODAY } from '@/lib/meetings/test-world';
import { useTestDb } from '@/test/db';
import { exportListRoute, exportMeetingRoute } from './http';
import { parseCsv, unzip } from './test-helpers';

const getDb = useTestDb({ reset: 'file' });

const MEETING = '=1+1 六月调度会';
const PROJECT = '=HYPERLINK("http://evil.example","点击")';
const UNIT = '@SUM(A1:A9)';
const LEADER = '+1+2';
const PROBLEM = '-2+3 征地补偿未到位';
const DECISION = '=cmd|" /C calc"!A0';
const ITEM = '\t=1+1 议题';
/** What a spreadsheet reads as the start of a formula. */
const TRIGGER = /^[=+\-@\t\r]/;

function get(path: string, locale: Locale): Request {
  return new Request(`http://localhost${path}`, { headers: { cookie: `NEXT_LOCALE=${locale}` } });
}
function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}
async function body(res: Response): Promise<Buffer> {
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

let dispatch: Actor;
let meetingId: number;

beforeAll(async () => {
  setClockForTests(TODAY);
  const db = getDb();
  const w = await buildMeetingWorld();
  dispatch = w.actors.dispatch;
  await db.update(projects).set({ name: PROJECT, nameEn: PROJECT }).where(eq(projects.id, w.projects.a1.id));
  await db.update(units).set({ nameZh: UNIT, nameEn: UNIT }).where(eq(units.id, w.unitA.id));
  await db.update(users).set({ displayName: LEADER }).where(eq(users.id, w.users.leader.id));
  await db.update(problems).set({ description: PROBLEM }).where(eq(problems.id, w.problems.notDue.id));

  const m = ok(
    await createMeeting.execute(dispatch, {
      title: MEETING,
      meetingDate: '2026-06-15',
      chairId: w.users.leader.id,
      participantIds: [w.users.leader.id],
      unitIds: [w.unitA.id],
    }),
  );
  meetingId = m.id;
  const item = ok(await addAgendaItem.execute(dispatch, { meetingId: m.id, version: m.version, title: ITEM, projectId: w.projects.a1.id }));
  let version = ok(await freezeMeeting.execute(dispatch, { id: m.id, version: item.version })).version;
  version = ok(await holdMeeting.execute(dispatch, { id: m.id, version, confirmEarly: true })).version;
  const agendaItem = (await getMeeting(dispatch, m.id))!.agenda.find((a) => a.id === item.id)!;
  ok(
    await recordDecision.execute(dispatch, {
      id: item.id,
      version: agendaItem.version,
      decision: DECISION,
      problem: { description: PROBLEM, type: 'land', deadline: '2026-06-30' },
    }),
  );
  ok(await publishMinutes.execute(dispatch, { id: m.id, version }));
});
afterAll(() => setClockForTests(null));

/** Every text cell of every sheet, and whether the file holds a formula element anywhere. */
async function workbookTexts(bytes: Buffer): Promise<{ texts: string[]; formulas: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) texts.push(`<formula ${cell.address}>`);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
  }
  let formulas = 0;
  for (const [name, xml] of unzip(bytes))
    if (name.startsWith('xl/worksheets/')) formulas += (xml.toString('utf8').match(/<f[ >]/g) ?? []).length;
  return { texts, formulas };
}

function csvTexts(bytes: Buffer): string[] {
  return parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')).flat();
}

/** The user's text is there, behind the apostrophe, and no text cell starts like a formula. */
function expectNeutralised(texts: string[], expected: string[]) {
  expect(texts.filter((t) => TRIGGER.test(t))).toEqual([]);
  expect(texts.filter((t) => t.startsWith('<formula'))).toEqual([]);
  for (const text of expected)
    expect(
      texts.some((t) => t.startsWith(`'${text}`)),
      text,
    ).toBe(true);
}

describe.each(['zh-CN', 'en'] as const)('every export keeps formula-like text as text (%s)', (locale) => {
  it('the status table workbook: the title cell too', async () => {
    const path = `/api/exports/meetings/${meetingId}/status-table.xlsx`;
    const bytes = await body(
      await exportMeetingRoute.execute(dispatch, get(path, locale), { id: String(meetingId), file: 'status-table.xlsx' }),
    );
    const { texts, formulas } = await workbookTexts(bytes);
    expect(formulas).toBe(0);
    // Row 1 is the title: "<meeting> · 调度表".
    expect(texts[0]).toMatch(/^'=1\+1 六月调度会 · /);
    expectNeutralised(texts, [MEETING, PROJECT, UNIT, LEADER]);
  });

  it('the status table CSV', async () => {
    const path = `/api/exports/meetings/${meetingId}/status-table.csv`;
    const bytes = await body(
      await exportMeetingRoute.execute(dispatch, get(path, locale), { id: String(meetingId), file: 'status-table.csv' }),
    );
    expectNeutralised(csvTexts(bytes), [PROJECT, UNIT, LEADER]);
  });

  it.each(['xlsx', 'csv'] as const)('the registry and the problem list (%s)', async (format) => {
    for (const list of ['registry', 'problems'] as const) {
      const file = `${list}.${format}`;
      const bytes = await body(await exportListRoute.execute(dispatch, get(`/api/exports/${file}`, locale), { file }));
      if (format === 'xlsx') {
        const { texts, formulas } = await workbookTexts(bytes);
        expect(formulas).toBe(0);
        expectNeutralised(texts, list === 'registry' ? [PROJECT, UNIT, LEADER] : [PROJECT, PROBLEM, UNIT, LEADER]);
      } else {
        expectNeutralised(csvTexts(bytes), list === 'registry' ? [PROJECT, UNIT, LEADER] : [PROJECT, PROBLEM, UNIT, LEADER]);
      }
    }
  });

  it('the minutes (Word): the text as written, in plain runs, and no field that could compute', async () => {
    const path = `/api/exports/meetings/${meetingId}/minutes.docx`;
    const files = unzip(
      await body(await exportMeetingRoute.execute(dispatch, get(path, locale), { id: String(meetingId), file: 'minutes.docx' })),
    );
    // The one field is the footer's page number; no other instruction, no simple field, no equation.
    const instructions = [...files.values()].flatMap((xml) =>
      [...xml.toString('utf8').matchAll(/<w:instrText(?: [^>]*)?>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim()),
    );
    expect(instructions).toEqual(['PAGE']);
    for (const [name, xml] of files) if (name.endsWith('.xml')) expect(xml.toString('utf8'), name).not.toMatch(/<w:fldSimple|<m:oMath/);
    const document = files.get('word/document.xml')!.toString('utf8');
    const runs = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
      m[1]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    for (const text of [MEETING, PROJECT, DECISION, ITEM.trim()])
      expect(
        runs.some((r) => r.includes(text)),
        text,
      ).toBe(true);
    expect(files.get('docProps/core.xml')!.toString('utf8')).toContain('=1+1 六月调度会');
  });
});
