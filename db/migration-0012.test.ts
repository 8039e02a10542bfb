/**
 * Migration 0012 (group_agenda_reasons) on a database that holds agenda items of the old shape
 * (one kind and one reason per row): migrations up to 0011 are applied, old rows inserted, then
 * 0012, and the grouped items checked.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './client';
import { MILESTONE_KINDS } from './schema/enums';

async function apply(db: PGlite, upTo: number, from = 0): Promise<void> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  for (const e of journal.entries.filter((x) => x.idx >= from && x.idx <= upTo)) {
    const text = await readFile(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), 'utf8');
    await db.transaction(async (tx) => {
      for (const stmt of text.split('--> statement-breakpoint')) if (stmt.trim()) await tx.exec(stmt);
    });
  }
}

let db: PGlite;
const ids = {} as Record<
  | 'a'
  | 'b'
  | 'p1'
  | 'p2'
  | 'p3'
  | 'dp1'
  | 'dp2'
  | 'ms'
  | 'm1'
  | 'm2'
  | 'carried'
  | 'red'
  | 'overdue'
  | 'slip'
  | 'bLight'
  | 'custom'
  | 'd1'
  | 'd2',
  number
>;

async function one<T>(q: string, params: unknown[] = []): Promise<T> {
  const r = await db.query<T>(q, params);
  return r.rows[0]!;
}

beforeAll(async () => {
  db = new PGlite();
  await apply(db, 11);
  await db.exec(`INSERT INTO categories (code, name_zh, name_en) VALUES ('zz', '测试', 'Test') ON CONFLICT DO NOTHING`);
  for (const [key, code] of [
    ['a', 'ZZ-A'],
    ['b', 'ZZ-B'],
  ] as const) {
    ids[key] = (
      await one<{ id: number }>(
        `INSERT INTO projects (code, name, category_code, stage) VALUES ($1, $1, 'zz', 'construction') RETURNING id`,
        [code],
      )
    ).id;
  }
  const problem = async (desc: string) =>
    (
      await one<{ id: number }>(
        `INSERT INTO problems (project_id, description, type, deadline) VALUES ($1, $2, 'land', '2025-06-30') RETURNING id`,
        [ids.a, desc],
      )
    ).id;
  ids.p1 = await problem('征地未完成');
  ids.p2 = await problem('资金未到位');
  ids.p3 = await problem('环评待批');
  ids.dp1 = await problem('交办一');
  ids.dp2 = await problem('交办二');
  ids.ms = (
    await one<{ id: number }>(
      `INSERT INTO milestones (project_id, kind, name, planned_date, baseline_date) VALUES ($1, $2, '开工', '2025-03-01', '2025-03-01') RETURNING id`,
      [ids.a, MILESTONE_KINDS[0]],
    )
  ).id;
  const meeting = async (title: string) =>
    (await one<{ id: number }>(`INSERT INTO meetings (title, meeting_date) VALUES ($1, '2025-07-10') RETURNING id`, [title])).id;
  ids.m1 = await meeting('七月调度会');
  ids.m2 = await meeting('八月调度会');
  const item = async (
    m: number,
    kind: string,
    sort: number,
    project: number | null,
    reason: object,
    extra: { problem?: number; milestone?: number; title?: string; decision?: string; dp?: number } = {},
  ) =>
    (
      await one<{ id: number }>(
        `INSERT INTO meeting_agenda_items (meeting_id, kind, sort, project_id, problem_id, milestone_id, title, reason, decision, decision_problem_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $9::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
        [
          m,
          kind,
          sort,
          project,
          extra.problem ?? null,
          extra.milestone ?? null,
          extra.title ?? null,
          JSON.stringify(reason),
          extra.decision ?? null,
          extra.dp ?? null,
        ],
      )
    ).id;
  const light = { kind: 'light', light: 'red', reasons: [], ruleSetName: null, ruleSetVersion: null, override: null };
  // Meeting 1: project A on four rows (carried over, red, overdue, slip), B on one, a custom item.
  ids.carried = await item(
    ids.m1,
    'carried_over',
    1,
    ids.a,
    {
      kind: 'carried_over',
      fromMeetingId: 0,
      fromMeetingTitle: '六月',
      fromMeetingDate: '2025-06-10',
      assigned: true,
      status: 'open',
      deadline: '2025-06-30',
    },
    { problem: ids.p1 },
  );
  ids.red = await item(ids.m1, 'light', 2, ids.a, light);
  ids.overdue = await item(
    ids.m1,
    'overdue_problem',
    3,
    ids.a,
    { kind: 'overdue_problem', deadline: '2025-06-30', daysOverdue: 10, escalationLevel: 0 },
    { problem: ids.p2, decision: '限期解决' },
  );
  ids.slip = await item(
    ids.m1,
    'milestone_slip',
    4,
    ids.a,
    { kind: 'milestone_slip', baselineDate: '2025-03-01', expectedDate: '2025-07-10', daysLate: 131, overdue: true },
    { milestone: ids.ms },
  );
  ids.bLight = await item(ids.m1, 'light', 5, ids.b, { ...light, light: 'yellow' });
  ids.custom = await item(ids.m1, 'custom', 6, ids.a, { kind: 'custom' }, { title: '其他事项' });
  // Meeting 2 (its minutes published): two rows of A, each with a decision that assigned a problem.
  ids.d1 = await item(
    ids.m2,
    'overdue_problem',
    1,
    ids.a,
    { kind: 'overdue_problem', deadline: '2025-06-30', daysOverdue: 5, escalationLevel: 1 },
    { problem: ids.p2, decision: '决定一', dp: ids.dp1 },
  );
  ids.d2 = await item(
    ids.m2,
    'overdue_problem',
    2,
    ids.a,
    { kind: 'overdue_problem', deadline: '2025-06-30', daysOverdue: 40, escalationLevel: 2 },
    { problem: ids.p3, decision: '决定二', dp: ids.dp2 },
  );
  // Meeting 2's minutes are published: the database refuses agenda changes from then on, the migration too must pass.
  const chair = (
    await one<{ id: number }>(
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ('chair0012', '主持', 'leader', 'x') RETURNING id`,
    )
  ).id;
  await db.query(`UPDATE meetings SET frozen_at = now(), snapshot_year = 2025, snapshot_row_count = 0, chair_id = $2 WHERE id = $1`, [
    ids.m2,
    chair,
  ]);
  await db.query(`UPDATE meetings SET status = 'held', held_at = now() WHERE id = $1`, [ids.m2]);
  await db.query(`UPDATE meetings SET status = 'published', published_at = now() WHERE id = $1`, [ids.m2]);
  await expect(db.query(`DELETE FROM meeting_agenda_items WHERE id = $1`, [ids.d2])).rejects.toThrow(/published/);
  await apply(db, 12, 12);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

type Row = {
  id: number;
  kind: string;
  sort: number;
  project_id: number | null;
  title: string | null;
  reasons: Record<string, unknown>[];
  decision: string | null;
  decision_problem_id: number | null;
};
const items = async (meeting: number) =>
  (
    await db.query<Row>(
      `SELECT id, kind, sort, project_id, title, reasons, decision, decision_problem_id FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY sort, id`,
      [meeting],
    )
  ).rows;

describe('migration 0012: agenda reasons grouped per project', () => {
  it('merges a project’s rows into one item, most severe reason first, at the lowest sort, with the decision', async () => {
    const rows = await items(ids.m1);
    expect(rows.map((r) => [r.id, r.kind, r.sort])).toEqual([
      [ids.carried, 'light', 1],
      [ids.bLight, 'light', 5],
      [ids.custom, 'custom', 6],
    ]);
    const a = rows[0]!;
    expect(a.reasons.map((r) => r.kind)).toEqual(['light', 'overdue_problem', 'milestone_slip', 'carried_over']);
    expect(a.reasons[1]).toMatchObject({ problemId: ids.p2, daysOverdue: 10 });
    expect(a.reasons[2]).toMatchObject({ milestoneId: ids.ms, daysLate: 131 });
    expect(a.reasons[3]).toMatchObject({ problemId: ids.p1, fromMeetingTitle: '六月' });
    expect(a.decision).toBe('限期解决');
    expect(rows[2]!.reasons).toEqual([{ kind: 'custom' }]);
  });

  it('keeps every assigned problem linked to a decision', async () => {
    const rows = await items(ids.m2);
    expect(rows).toHaveLength(2);
    const [grouped, office] = rows as [Row, Row];
    expect(grouped).toMatchObject({ id: ids.d1, kind: 'overdue_problem', decision: '决定一', decision_problem_id: ids.dp1 });
    // Both reasons on the project's item, the longer overdue first.
    expect(grouped.reasons.map((r) => r.problemId)).toEqual([ids.p3, ids.p2]);
    expect(office).toMatchObject({
      id: ids.d2,
      kind: 'custom',
      title: '交办二',
      decision: '决定二',
      decision_problem_id: ids.dp2,
      project_id: ids.a,
    });
  });

  it('leaves the guard of published minutes on', async () => {
    await expect(db.query(`UPDATE meeting_agenda_items SET decision = 'x' WHERE id = $1`, [ids.d1])).rejects.toThrow(/published/);
  });

  it('refuses a second proposed item of the same project and a reasonless item', async () => {
    const light = JSON.stringify([{ kind: 'light', light: 'red', reasons: [], ruleSetName: null, ruleSetVersion: null, override: null }]);
    await expect(
      db.query(`INSERT INTO meeting_agenda_items (meeting_id, kind, project_id, reasons) VALUES ($1, 'light', $2, $3)`, [
        ids.m1,
        ids.a,
        light,
      ]),
    ).rejects.toThrow(/meeting_agenda_items_project_uq/);
    await expect(
      db.query(`INSERT INTO meeting_agenda_items (meeting_id, kind, project_id, reasons) VALUES ($1, 'light', $2, '[]')`, [ids.m1, ids.b]),
    ).rejects.toThrow(/meeting_agenda_items_reasons_kind/);
  });
});
