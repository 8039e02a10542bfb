/**
 * BENCHMARK DATA — SYNTHETIC, FOR `npm run bench` ONLY. Never loaded into a real or demo database.
 *
 * A deterministic scale data set: N projects (5,000 by default; 50,000 and 200,000 for the scale
 * runs) × 10 milestones, ~5 audit events per project, with the reference data (counties and
 * categories from lib/seed/facts.ts) the app needs; and the reporting cycle behind the dashboard:
 * two years of monthly periods (July 2024 – June 2026, the last one current) with a report per
 * project not in operation (approved, except a mix in the last period), annual plans for 2025 and
 * 2026 (frozen; monthly targets for projects under construction), computed lights for the last six
 * periods, a few overrides, ~0.4 problems per project of every type, status and age, and the
 * new-energy capacity target setting. The same seed always yields the same rows (seeded PRNGs, one
 * per project and stream, no Math.random, no clock); only the argon2 salt of the password hash
 * differs between runs.
 *
 * Memory stays bounded whatever N is: projects are generated and written in batches of `batch`
 * projects with all their rows (bench/generate-rows.ts), and nothing of a batch is kept after it
 * is written but the counts. Rows go in multi-row INSERTs of at most `chunk` rows, all in one
 * transaction through `tx` (using `db` inside a PGlite transaction waits forever), so a failed
 * run leaves an empty database. It expects a migrated, empty database: because it fills the
 * counties and projects tables, the app's seedIfEmpty() leaves it alone.
 *
 * Users: `bench` (dispatch, prefecture-wide) and `bench_lead` (a project lead who leads project
 * #1), both with BENCH_PASSWORD, plus responsible leaders, project leads and county viewers.
 */
import type { Db, Tx } from '@/db/client';
import * as s from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { ensureDefaultRuleSet } from '@/lib/lights/rule-set-store';
import { CATEGORIES, COUNTIES, NEW_ENERGY_CAPACITY_TARGET, PREFECTURE_NAME } from '@/lib/seed/facts';
import { auditRows, type CycleRows, cycleRows, milestoneRows, PLAN_YEARS, projectRow, type World } from './generate-rows';
import { CATEGORY_SHAPE, monthEnd, ms, OWNER_KINDS, personName, projectPrng, RESP_UNIT_KINDS, type Rnd, STEPS } from './generate-vocab';

export const BENCH_USERNAME = 'bench';
export const BENCH_PASSWORD = 'bench-pass-2025';
const BENCH_LEAD_USERNAME = 'bench_lead';

export interface GenerateOptions {
  projects?: number;
  milestonesPerProject?: number;
  /** Mean audit events per project (uniform in [mean-2, mean+2]). */
  auditPerProject?: number;
  seed?: number;
  /** Rows per INSERT statement. */
  chunk?: number;
  /** Projects generated and written together (their rows are all that is held in memory). */
  batch?: number;
  log?: (msg: string) => void;
}

export interface GenerateSummary {
  projects: number;
  milestones: number;
  auditEvents: number;
  users: number;
  units: number;
  periods: number;
  reports: number;
  plans: number;
  lights: number;
  problems: number;
  /** Id of project #1 (led by bench_lead). */
  firstProjectId: number;
}

// PRNG streams of a project: its own rows, and its reporting cycle.
const PROJECT_STREAM = 1;
const CYCLE_STREAM = 2;

async function insertChunks<T>(rows: T[], chunk: number, insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

/**
 * Fills a migrated, empty database with the benchmark data set. Deterministic for a given seed
 * and sizes (the batch size changes no row). Returns what it wrote.
 */
export async function generate(db: Db, opts: GenerateOptions = {}): Promise<GenerateSummary> {
  const nProjects = opts.projects ?? 5000;
  const chunk = opts.chunk ?? 1000;
  const batch = opts.batch ?? 500;
  const seed = opts.seed ?? 20250101;
  const log = opts.log ?? (() => {});

  // argon2 is slow on purpose: hash once, outside the transaction. Every generated user shares
  // the hash (and so the password); only bench and bench_lead are meant to sign in.
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  return db.transaction(async (tx: Tx) => {
    const w = await writeWorld(tx, passwordHash, opts, log);
    const totals = { projects: 0, milestones: 0, auditEvents: 0, reports: 0, plans: 0, lights: 0, problems: 0, reporting: 0 };
    let firstProjectId = 0;
    const started = performance.now();
    for (let from = 1; from <= nProjects; from += batch) {
      const to = Math.min(nProjects, from + batch - 1);
      const first = await writeBatch(tx, w, { from, to, seed, chunk }, totals);
      if (from === 1) firstProjectId = first;
      if (to === nProjects || (to / batch) % 20 === 0) {
        const rate = (totals.reports + totals.milestones) / ((performance.now() - started) / 1000);
        log(`projects ${to}/${nProjects} (${Math.round(rate)} reports and milestones per s, heap ${heapMb()} MB)`);
      }
    }
    // The baseline freezes of both years, counting the plans the batches wrote.
    for (const year of PLAN_YEARS) {
      const frozenAt = new Date(`${year}-01-15T02:00:00Z`);
      await tx
        .insert(s.baselineFreezes)
        .values({ year, frozenAt, frozenById: w.benchUser.id, planCount: totals.reporting, milestoneCount: 0 });
    }
    log(
      `projects: ${totals.projects}, milestones: ${totals.milestones}, audit events: ${totals.auditEvents}, ` +
        `reports: ${totals.reports}, plans: ${totals.plans}, lights: ${totals.lights}, problems: ${totals.problems}`,
    );
    return {
      projects: totals.projects,
      milestones: totals.milestones,
      auditEvents: totals.auditEvents,
      users: w.users,
      units: w.units,
      periods: w.periods.length,
      reports: totals.reports,
      plans: totals.plans,
      lights: totals.lights,
      problems: totals.problems,
      firstProjectId,
    };
  });
}

const heapMb = () => Math.round(process.memoryUsage().heapUsed / 2 ** 20);

/** Projects #from…#to with all their rows; returns the id of the batch's first project. */
async function writeBatch(
  tx: Tx,
  w: World,
  at: { from: number; to: number; seed: number; chunk: number },
  totals: Record<'projects' | 'milestones' | 'auditEvents' | 'reports' | 'plans' | 'lights' | 'problems' | 'reporting', number>,
): Promise<number> {
  const rnds: Rnd[] = [];
  const plans = [];
  for (let i = at.from; i <= at.to; i++) {
    const rnd = projectPrng(at.seed, i, PROJECT_STREAM);
    rnds.push(rnd);
    plans.push(projectRow(w, i, rnd));
  }
  const ids: number[] = [];
  await insertChunks(plans, at.chunk, async (part) => {
    const rows = await tx
      .insert(s.projects)
      .values(part.map((p) => p.value))
      .returning({ id: s.projects.id });
    ids.push(...rows.map((r) => r.id));
  });

  const milestones = plans.flatMap((plan, k) => milestoneRows(w, ids[k]!, plan, rnds[k]!));
  const milestoneIds: number[] = [];
  await insertChunks(milestones, at.chunk, async (part) => {
    const rows = await tx.insert(s.milestones).values(part).returning({ id: s.milestones.id });
    milestoneIds.push(...rows.map((r) => r.id));
  });

  const audit = plans.flatMap((plan, k) => {
    const own = milestones
      .slice(k * w.perProject, (k + 1) * w.perProject)
      .map((row, j) => ({ id: milestoneIds[k * w.perProject + j]!, row }));
    return auditRows(w, at.from - 1 + k, ids[k]!, plan, own, rnds[k]!);
  });
  await insertChunks(audit, at.chunk, (part) => tx.insert(s.auditEvents).values(part));

  const cycle: CycleRows = { reports: [], plans: [], lights: [], overrides: [], problems: [] };
  plans.forEach((plan, k) => {
    if (plan.value.stage === 'operating') return;
    cycleRows(w, ids[k]!, plan.value, totals.reporting, projectPrng(at.seed, at.from + k, CYCLE_STREAM), cycle);
    totals.reporting += 1;
  });
  await insertChunks(cycle.reports, at.chunk, (part) => tx.insert(s.reports).values(part));
  await insertChunks(cycle.plans, at.chunk, (part) => tx.insert(s.annualPlans).values(part));
  await insertChunks(cycle.lights, at.chunk, (part) => tx.insert(s.projectLights).values(part));
  await insertChunks(cycle.overrides, at.chunk, (part) => tx.insert(s.lightOverrides).values(part));
  await insertChunks(cycle.problems, at.chunk, (part) => tx.insert(s.problems).values(part));

  totals.projects += ids.length;
  totals.milestones += milestones.length;
  totals.auditEvents += audit.length;
  totals.reports += cycle.reports.length;
  totals.plans += cycle.plans.length;
  totals.lights += cycle.lights.length;
  totals.problems += cycle.problems.length;
  return ids[0]!;
}

/**
 * What every project draws on, written first: counties, categories and settings (facts), units,
 * users, the 24 monthly periods (July 2024 … June 2026; BENCH_AS_OF's month is the current one)
 * and the default light rule set.
 */
async function writeWorld(tx: Tx, passwordHash: string, opts: GenerateOptions, log: (msg: string) => void) {
  const counties = await tx
    .insert(s.counties)
    .values(COUNTIES.map((c) => ({ ...c })))
    .returning({ id: s.counties.id, code: s.counties.code, nameZh: s.counties.nameZh, nameEn: s.counties.nameEn });
  await tx.insert(s.categories).values(CATEGORIES.map((c) => ({ ...c })));
  await tx.insert(s.settings).values([
    { key: 'prefecture_name', value: PREFECTURE_NAME },
    { key: 'new_energy_capacity_target', value: JSON.stringify(NEW_ENERGY_CAPACITY_TARGET) },
  ]);

  // Units: responsible departments (prefecture and per county) and owner companies.
  const unitValues: (typeof s.units.$inferInsert)[] = [];
  for (const [zh, en] of RESP_UNIT_KINDS)
    unitValues.push({ nameZh: `塔城地区${zh}`, nameEn: `Tacheng Prefecture ${en}`, kind: 'responsible' });
  for (const c of counties) {
    unitValues.push({ nameZh: `${c.nameZh}人民政府`, nameEn: `${c.nameEn} People's Government`, kind: 'responsible' });
    for (const [zh, en] of RESP_UNIT_KINDS.slice(0, 3))
      unitValues.push({ nameZh: `${c.nameZh}${zh}`, nameEn: `${c.nameEn} ${en}`, kind: 'responsible' });
  }
  for (let i = 1; i <= 150; i++) {
    const [zh, en] = OWNER_KINDS[i % OWNER_KINDS.length]!;
    const county = counties[i % counties.length]!;
    unitValues.push({
      nameZh: `${county.nameZh.slice(0, 2)}第${i}${zh}`,
      nameEn: `${county.nameEn.split(' ')[0]} No. ${i} ${en}`,
      kind: 'owner',
    });
  }
  const unitRows = await tx.insert(s.units).values(unitValues).returning({ id: s.units.id, kind: s.units.kind });
  const responsibleUnits = unitRows.filter((u) => u.kind === 'responsible').map((u) => u.id);
  const ownerUnits = unitRows.filter((u) => u.kind === 'owner').map((u) => u.id);

  const userValues: (typeof s.users.$inferInsert)[] = [
    { username: BENCH_USERNAME, displayName: '压测调度员', passwordHash, role: 'dispatch', unitId: responsibleUnits[0]! },
    { username: BENCH_LEAD_USERNAME, displayName: '压测项目负责人', passwordHash, role: 'lead', unitId: responsibleUnits[0]! },
  ];
  for (let i = 1; i <= 12; i++)
    userValues.push({ username: `bench_leader${i}`, displayName: `${personName(i)}（行署）`, passwordHash, role: 'leader' });
  for (let i = 1; i <= 120; i++) {
    const county = i % 4 === 0 ? counties[i % counties.length]! : null;
    userValues.push({
      username: `bench_lead${i}`,
      displayName: `${personName(100 + i)}（${county ? county.nameZh : '地区'}）`,
      passwordHash,
      role: 'lead',
      countyId: county?.id ?? null,
      unitId: responsibleUnits[i % responsibleUnits.length]!,
    });
  }
  counties.forEach((c, i) => {
    userValues.push({
      username: `bench_viewer_${c.code}`,
      displayName: `${personName(300 + i)}（${c.nameZh}）`,
      passwordHash,
      role: 'viewer',
      countyId: c.id,
    });
  });
  const users = await tx
    .insert(s.users)
    .values(userValues)
    .returning({ id: s.users.id, username: s.users.username, role: s.users.role, displayName: s.users.displayName });
  const benchLead = users.find((u) => u.username === BENCH_LEAD_USERNAME)!;

  const periodValues: (typeof s.reportingPeriods.$inferInsert)[] = [];
  for (let k = 0; k < 24; k++) {
    const y = 2024 + Math.floor((6 + k) / 12);
    const m = ((6 + k) % 12) + 1;
    const mm = String(m).padStart(2, '0');
    const due = m === 12 ? `${y + 1}-01-05` : `${y}-${String(m + 1).padStart(2, '0')}-05`;
    periodValues.push({
      kind: 'monthly',
      startDate: `${y}-${mm}-01`,
      endDate: monthEnd(y, m),
      dueDate: due,
      openedById: users[0]!.id,
      openedAt: new Date(ms(`${y}-${mm}-01`) + 9 * 3600_000),
    });
  }
  const periods = await tx
    .insert(s.reportingPeriods)
    .values(periodValues)
    .returning({ id: s.reportingPeriods.id, endDate: s.reportingPeriods.endDate });
  const ruleSet = await ensureDefaultRuleSet(tx);
  log(`reference data: ${counties.length} counties, ${unitRows.length} units, ${users.length} users, ${periods.length} periods`);

  const world: World & { users: number; units: number } = {
    counties,
    categoryMix: CATEGORIES.map((c) => [c.code, CATEGORY_SHAPE[c.code]?.weight ?? 5] as const),
    responsibleUnits,
    ownerUnits,
    leaders: users.filter((u) => u.role === 'leader'),
    leads: users.filter((u) => u.role === 'lead' && u.id !== benchLead.id),
    benchLead,
    benchUser: users.find((u) => u.username === BENCH_USERNAME)!,
    periods,
    ruleSet,
    perProject: Math.min(opts.milestonesPerProject ?? 10, STEPS.length),
    auditMean: opts.auditPerProject ?? 5,
    users: users.length,
    units: unitRows.length,
  };
  return world;
}
