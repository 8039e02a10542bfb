/**
 * What the problem action tests share (create-update.test.ts, transitions.test.ts): the test
 * database and world, the permission matrix of the issue (every step × every role) and the
 * check that an allowed step happened and a refused one changed nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, type problems } from '@/db/schema';
import type { ProblemStatus } from '@/db/schema/enums';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import type { startProblem } from './actions';
import {
  buildProblemWorld,
  makeProblem,
  PROBLEM_ROLES,
  type ProblemRoleKey,
  problemRow,
  type ProblemWorld,
  writeCounts,
} from './test-world';

export const zh = translator('zh-CN');
/** A field error as the user reads it (the wrapper translates catalogue keys; an absent key stays a key). */
export const msg = (key: string) => (zh.has(key) ? zh(key) : key);

/** The world of the current test (rebuilt before each one by useProblemWorld). */
export let w: ProblemWorld;
let testDb: () => Db;

/** Call once at the top of a test file: the test database, a fixed clock, a fresh world per test. */
export function useProblemWorld(): () => Db {
  testDb = useTestDb();
  beforeAll(() => setClockForTests(new Date('2025-06-15T04:00:00Z'))); // 2025-06-15 in Asia/Shanghai
  afterAll(() => setClockForTests(null));
  beforeEach(async () => {
    w = await buildProblemWorld();
  });
  return testDb;
}

export type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

/** Who may take each step (the rows of the issue: every transition × every role). */
export const MATRIX: Record<'create' | 'update' | 'start' | 'resolve' | 'close' | 'reopen' | 'comment', Record<ProblemRoleKey, Outcome>> = {
  create: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'FORBIDDEN',
    projectLead: 'ok',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  update: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  start: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'ok',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  resolve: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'ok',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  close: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  reopen: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'FORBIDDEN',
    projectLead: 'FORBIDDEN',
    leadUnit: 'FORBIDDEN',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
  comment: {
    admin: 'FORBIDDEN',
    dispatch: 'ok',
    leader: 'ok',
    leaderOther: 'ok',
    projectLead: 'ok',
    leadUnit: 'ok',
    leadOther: 'ok',
    viewer: 'FORBIDDEN',
    countyB: 'NOT_FOUND',
  },
};

export const rows = (step: keyof typeof MATRIX) => PROBLEM_ROLES.map((r) => [r, MATRIX[step][r]] as const);

/** Runs a step as a role and checks: allowed → it happened (row + one audit event); refused → nothing changed. */
export async function expectStep(
  role: ProblemRoleKey,
  expected: Outcome,
  setup: { status: ProblemStatus },
  run: (id: number, version: number) => ReturnType<typeof startProblem.execute>,
  after: Partial<typeof problems.$inferSelect>,
  action: string,
) {
  const db = testDb();
  const p = await makeProblem(w, { status: setup.status });
  const before = await problemRow(db, p.id);
  const counts = await writeCounts(db);
  const res = await run(p.id, p.version);
  const now = await problemRow(db, p.id);
  if (expected === 'ok') {
    expect(res).toMatchObject({ ok: true, data: { id: p.id, version: 2 } });
    expect(now).toMatchObject({ ...after, version: 2 });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityType, 'problem'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action, entityId: String(p.id), projectId: w.project.id, actorId: w.actors[role].id });
  } else {
    expect(res).toMatchObject({ ok: false, code: expected });
    expect(now).toEqual(before);
    expect(await writeCounts(db)).toEqual(counts);
  }
}
