import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { resetTestDb, useTestDb } from '@/test/db';
import { generate } from './generate';

const getDb = useTestDb();

/** Every generated row that a batch boundary could change, without the timestamps of the run. */
async function fingerprint(db: Db) {
  const [projects, milestones, reports, audit, problems, lights, overrides, plans, freezes] = await Promise.all([
    db.select().from(s.projects).orderBy(asc(s.projects.id)),
    db.select().from(s.milestones).orderBy(asc(s.milestones.id)),
    db.select().from(s.reports).orderBy(asc(s.reports.id)),
    db.select().from(s.auditEvents).orderBy(asc(s.auditEvents.id)),
    db.select().from(s.problems).orderBy(asc(s.problems.id)),
    db.select().from(s.projectLights).orderBy(asc(s.projectLights.id)),
    db.select().from(s.lightOverrides).orderBy(asc(s.lightOverrides.id)),
    db.select().from(s.annualPlans).orderBy(asc(s.annualPlans.id)),
    db.select().from(s.baselineFreezes).orderBy(asc(s.baselineFreezes.year)),
  ]);
  return { projects, milestones, reports, audit, problems, lights, overrides, plans, freezes };
}

describe('the bench generator', () => {
  it('writes the same rows whatever the batch size, and counts what it wrote', async () => {
    const db = getDb();
    const whole = await generate(db, { projects: 60, batch: 60, chunk: 97 });
    const one = await fingerprint(db);
    await resetTestDb(db);
    const batched = await generate(db, { projects: 60, batch: 17, chunk: 1000 });
    const other = await fingerprint(db);

    expect(batched).toEqual(whole);
    expect(other).toEqual(one);
    expect(whole).toMatchObject({ projects: 60, milestones: 600, periods: 24, firstProjectId: one.projects[0]!.id });
    expect(one.reports).toHaveLength(whole.reports);
    expect(one.audit).toHaveLength(whole.auditEvents);
    expect(one.problems).toHaveLength(whole.problems);
    // Operating projects report nothing; the others report in every period and have both years' plans.
    const reporting = one.projects.filter((p) => p.stage !== 'operating').length;
    expect(whole.reports).toBe(reporting * 24);
    expect(whole.plans).toBe(reporting * 2);
    expect(one.freezes.map((f) => f.planCount)).toEqual([reporting, reporting]);
    expect(one.overrides).toHaveLength(Math.floor((reporting - 8) / 100) + 1);
    // Project #1 is led by bench_lead; codes are numbered in order.
    expect(one.projects.map((p) => p.code).slice(0, 2)).toEqual(['BENCH-00001', 'BENCH-00002']);
  }, 120_000);
});
