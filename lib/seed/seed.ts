/**
 * Seeding. Facts (./facts.ts: counties, categories, the report's key projects, the prefecture
 * name) always; the demo set (./demo.ts: units, users, illustrative project values and
 * milestones) only with `demo: true`. Everything goes in one transaction, through `tx` only
 * (using `db` inside a PGlite transaction would wait for the transaction forever).
 * No audit events are written for seeding.
 */
import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import * as s from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import {
  DEMO_CAPACITY_BASELINE,
  DEMO_PASSWORD,
  DEMO_PROJECT_FIELDS,
  DEMO_PROJECTS,
  DEMO_UNITS,
  DEMO_USERS,
  type DemoProject,
} from './demo';
import { CATEGORIES, COUNTIES, NEW_ENERGY_CAPACITY_TARGET, PREFECTURE_NAME, PROJECTS, type ProjectFact } from './facts';
import { seedDefaultRuleSet, seedDemoPlans } from './demo-plans';
import { seedCalendar, seedProcedureTemplates } from './seed-procedures';
import { seedDemoProcedures } from './demo-procedures';
import { seedDemoProblems } from './demo-problems';
import { seedDemoReports } from './demo-reports';
import { seedReportYearList } from './year-lists';
import { DEMO_SETTING } from '@/lib/demo/setting';
import { PORTFOLIO_TARGETS } from './portfolio-target-facts';

export interface SeedOptions {
  /** Include the illustrative demo set. */
  demo: boolean;
  /**
   * Without the demo set: create one `admin` user with this password (production bootstrap).
   * seedIfEmpty falls back to the ADMIN_PASSWORD environment variable.
   */
  adminPassword?: string;
  /**
   * With the demo set: also its illustrative reporting history (./demo-reports.ts: periods
   * January–October 2026, reports, computed lights). seedIfEmpty (app start, npm run db:seed)
   * includes it unless false; seed() only when true (test fixtures build their own periods).
   */
  history?: boolean;
}

/** Whether the database holds no reference data and no projects yet. */
async function isEmpty(db: Db): Promise<boolean> {
  const [c] = await db.select({ n: count() }).from(s.counties);
  const [p] = await db.select({ n: count() }).from(s.projects);
  return (c?.n ?? 0) === 0 && (p?.n ?? 0) === 0;
}

/** Seeds when the counties and projects tables are both empty; returns whether it seeded. */
export async function seedIfEmpty(db: Db, opts: SeedOptions): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const adminPassword = opts.adminPassword ?? (process.env.ADMIN_PASSWORD || undefined);
  await seed(db, { ...opts, adminPassword, history: opts.history ?? true });
  return true;
}

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
  return v;
}

/** Two statements of the report that may be one project: linked, 'unconfirmed' until the office decides. */
async function linkPossibleDuplicates(tx: Tx, ids: Map<string, number>): Promise<void> {
  for (const p of PROJECTS) {
    if (!p.possibleDuplicateOf) continue;
    await tx
      .update(s.projects)
      .set({ possibleDuplicateOfId: need(ids, p.possibleDuplicateOf, 'project'), duplicateDecision: 'unconfirmed' })
      .where(eq(s.projects.id, need(ids, p.code, 'project')));
  }
}

function factValues(p: ProjectFact, countyIds: Map<string, number>) {
  return {
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    categoryCode: p.categoryCode,
    countyId: p.countyCode === null ? null : need(countyIds, p.countyCode, 'county'),
    constructionContent: p.constructionContent,
    capacity: p.capacity,
    capacityUnit: p.capacityUnit,
    stage: p.stage,
    targetYear: p.targetYear,
    annualTarget: p.annualTarget,
  };
}

/**
 * The counties the report's projects touch beyond their responsible county (a trigger adds that
 * one when the project is inserted): S317 裕民—托里, 塔额 750千伏.
 */
async function seedProjectCounties(tx: Tx, projectIds: Map<string, number>, countyIds: Map<string, number>): Promise<void> {
  const rows = PROJECTS.flatMap((p) =>
    (p.countyCodes ?? []).map((c) => ({ projectId: need(projectIds, p.code, 'project'), countyId: need(countyIds, c, 'county') })),
  );
  if (rows.length) await tx.insert(s.projectCounties).values(rows).onConflictDoNothing();
}

function demoValues(d: DemoProject, userIds: Map<string, number>, unitIds: Map<string, number>) {
  return {
    totalInvestment: d.totalInvestment,
    annualPlannedInvestment: d.annualPlannedInvestment,
    startDate: d.startDate,
    plannedCompletionDate: d.plannedCompletionDate,
    status: d.status,
    responsibleLeaderId: need(userIds, d.responsibleLeader, 'user'),
    projectLeadId: need(userIds, d.projectLead, 'user'),
    responsibleUnitId: need(unitIds, d.responsibleUnit, 'unit'),
    ownerUnitId: need(unitIds, d.ownerUnit, 'unit'),
  };
}

/** Inserts the seed in one transaction. Expects an empty database (unique keys would clash). */
export async function seed(db: Db, opts: SeedOptions): Promise<void> {
  // Hash outside the transaction: argon2 is slow on purpose, the transaction should not wait.
  const demoHashes = opts.demo ? await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD))) : [];
  const adminHash = !opts.demo && opts.adminPassword ? await hashPassword(opts.adminPassword) : null;

  await db.transaction(async (tx: Tx) => {
    const countyRows = await tx
      .insert(s.counties)
      .values(COUNTIES.map((c) => ({ ...c })))
      .returning({ id: s.counties.id, code: s.counties.code });
    const countyIds = new Map(countyRows.map((r) => [r.code, r.id]));

    await tx.insert(s.categories).values(CATEGORIES.map((c) => ({ ...c })));
    await tx.insert(s.settings).values([
      { key: 'prefecture_name', value: PREFECTURE_NAME },
      { key: 'new_energy_capacity_target', value: JSON.stringify(NEW_ENERGY_CAPACITY_TARGET) },
    ]);
    await seedDefaultRuleSet(tx);
    await seedCalendar(tx);
    await seedProcedureTemplates(tx);
    await tx.insert(s.portfolioTargets).values(PORTFOLIO_TARGETS.map((g, i) => ({ ...g, sort: i + 1 })));

    if (!opts.demo) {
      const factRows = await tx
        .insert(s.projects)
        .values(PROJECTS.map((p) => ({ ...factValues(p, countyIds), sources: { ...p.sources } })))
        .returning({ id: s.projects.id, code: s.projects.code });
      const factIds = new Map(factRows.map((r) => [r.code, r.id]));
      await seedProjectCounties(tx, factIds, countyIds);
      await seedReportYearList(tx, factIds);
      await linkPossibleDuplicates(tx, factIds);
      if (adminHash) {
        await tx.insert(s.users).values({ username: 'admin', displayName: '系统管理员', passwordHash: adminHash, role: 'admin' });
      }
      return;
    }

    // The mark every page and export shows while the demo set is here (lib/demo/marker.ts).
    await tx.insert(s.settings).values({ key: DEMO_SETTING, value: '1' });
    await tx.insert(s.capacityBaselines).values(DEMO_CAPACITY_BASELINE);
    const unitRows = await tx
      .insert(s.units)
      .values(DEMO_UNITS.map((u) => ({ nameZh: u.nameZh, nameEn: u.nameEn, kind: u.kind, agencyKind: u.agencyKind ?? null })))
      .returning({ id: s.units.id, nameZh: s.units.nameZh });
    const unitIdByName = new Map(unitRows.map((r) => [r.nameZh, r.id]));
    const unitIds = new Map(DEMO_UNITS.map((u) => [u.key, need(unitIdByName, u.nameZh, 'unit')]));

    const userRows = await tx
      .insert(s.users)
      .values(
        DEMO_USERS.map((u, i) => ({
          username: u.username,
          displayName: u.displayName,
          passwordHash: demoHashes[i]!,
          role: u.role,
          countyId: u.countyCode === null ? null : need(countyIds, u.countyCode, 'county'),
          unitId: u.unitKey === null ? null : need(unitIds, u.unitKey, 'unit'),
        })),
      )
      .returning({ id: s.users.id, username: s.users.username });
    const userIds = new Map(userRows.map((r) => [r.username, r.id]));

    const demoByCode = new Map(DEMO_PROJECTS.map((d) => [d.code, d]));
    const demoSources = Object.fromEntries(DEMO_PROJECT_FIELDS.map((f) => [f, { kind: 'demo' as const }]));
    const projectRows = await tx
      .insert(s.projects)
      .values(
        PROJECTS.map((p) => ({
          ...factValues(p, countyIds),
          ...demoValues(need(demoByCode, p.code, 'demo project'), userIds, unitIds),
          sources: { ...p.sources, ...demoSources },
        })),
      )
      .returning({ id: s.projects.id, code: s.projects.code });
    const projectIds = new Map(projectRows.map((r) => [r.code, r.id]));
    await seedProjectCounties(tx, projectIds, countyIds);

    const milestoneRows = DEMO_PROJECTS.flatMap((d) => d.milestones.map((m) => ({ ...m, projectId: need(projectIds, d.code, 'project') })));
    if (milestoneRows.length) await tx.insert(s.milestones).values(milestoneRows);
    await seedReportYearList(tx, projectIds);
    await linkPossibleDuplicates(tx, projectIds);
    await seedDemoProblems(tx, { projectIds, userIds, unitIds });
    await seedDemoPlans(tx, { projectIds, userIds });
    await seedDemoProcedures(tx, { projectIds, userIds });
    if (opts.history) await seedDemoReports(tx, { projectIds, userIds });
  });
}
