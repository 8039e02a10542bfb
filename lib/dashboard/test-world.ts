/**
 * Test fixture for lib/dashboard/*.test.ts (test-only): the seeded demo data set (facts + demo,
 * lib/seed/seed.ts) with the clock at 2026-11-20, plus what the demo seed has no rows for —
 * reporting periods of 2026 with reports in every status, computed lights, an override, and
 * problems of every age — so that every figure of the dashboard has something to count.
 * Call in beforeAll of a file that uses useTestDb({ reset: 'file' }).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  annualPlans,
  counties,
  lightOverrides,
  milestones,
  problems,
  projectLights,
  projects,
  reportingPeriods,
  reports,
  ruleSets,
  users,
} from '@/db/schema';
import type { Light, ReportStatus } from '@/db/schema/enums';
import { seed } from '@/lib/seed/seed';
import type { Actor } from '@/lib/authz';
import { setClockForTests } from '@/lib/clock';

/** 2026-11-20, noon in Asia/Shanghai. */
export const WORLD_NOW = new Date('2026-11-20T04:00:00Z');
export const WORLD_TODAY = '2026-11-20';

function actorFrom(u: typeof users.$inferSelect): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, countyId: u.countyId, unitId: u.unitId };
}

export async function buildDashboardWorld(db: Db) {
  setClockForTests(WORLD_NOW);
  await seed(db, { demo: true });

  const all = await db.select().from(projects).orderBy(projects.id);
  const [rule] = await db.select().from(ruleSets).limit(1);
  if (!rule) throw new Error('world: no rule set');
  const userRows = await db.select().from(users);
  const user = (name: string) => {
    const u = userRows.find((x) => x.username === name);
    if (!u) throw new Error(`world: no user ${name}`);
    return u;
  };
  const dispatch = user('dispatch');

  // Monthly periods of 2026: August … November (November is the current one: started, not ended).
  const months = [8, 9, 10, 11];
  const periods: (typeof reportingPeriods.$inferSelect)[] = [];
  for (const m of months) {
    const mm = String(m).padStart(2, '0');
    const end = new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10);
    const [p] = await db
      .insert(reportingPeriods)
      .values({
        kind: 'monthly',
        startDate: `2026-${mm}-01`,
        endDate: end,
        dueDate: `2026-${String(m + 1 > 12 ? 12 : m + 1).padStart(2, '0')}-05`,
        openedById: dispatch.id,
      })
      .returning();
    periods.push(p!);
  }
  // A December 2025 period (previous year: its investment must not count for 2026).
  const [dec2025] = await db
    .insert(reportingPeriods)
    .values({ kind: 'monthly', startDate: '2025-12-01', endDate: '2025-12-31', dueDate: '2026-01-05', openedById: dispatch.id })
    .returning();

  // Reports: every project not in operation reports each period; statuses and amounts vary by project.
  const active = all.filter((p) => p.stage !== 'operating');
  const statusCycle: ReportStatus[] = ['approved', 'approved', 'submitted', 'draft', 'returned', 'approved'];
  const rows: (typeof reports.$inferInsert)[] = [];
  active.forEach((p, i) => {
    periods.forEach((period, j) => {
      const status = j < periods.length - 1 ? (i % 5 === 4 && j === 1 ? 'submitted' : 'approved') : statusCycle[i % statusCycle.length]!;
      rows.push({
        periodId: period.id,
        projectId: p.id,
        status,
        investmentThisPeriod: `${(i + 1) * 100 + j * 7}.${String((i * 13 + j) % 100).padStart(2, '0')}`,
        submittedAt: status === 'draft' ? null : new Date('2026-11-02T02:00:00Z'),
        reviewComment: status === 'returned' ? '请补充现场照片' : null,
      });
    });
    if (i % 3 === 0) {
      rows.push({
        periodId: dec2025!.id,
        projectId: p.id,
        status: 'approved',
        investmentThisPeriod: '999.00',
        submittedAt: new Date('2026-01-03T02:00:00Z'),
      });
    }
  });
  await db.insert(reports).values(rows);

  // Computed lights: the October period for most active projects; an older light (August) for a few
  // so the latest one wins; none for the rest.
  const lightCycle: Light[] = ['green', 'yellow', 'red', 'green', 'green', 'yellow'];
  const lights: (typeof projectLights.$inferInsert)[] = [];
  active.forEach((p, i) => {
    if (i % 7 === 6) return; // no light
    lights.push({
      projectId: p.id,
      periodId: periods[2]!.id,
      light: lightCycle[i % lightCycle.length]!,
      ruleSetId: rule.id,
      ruleSetVersion: rule.version,
    });
    if (i % 4 === 0)
      lights.push({ projectId: p.id, periodId: periods[0]!.id, light: 'red', ruleSetId: rule.id, ruleSetVersion: rule.version });
  });
  // One project only has an old light.
  const onlyOld = active.find((_, i) => i % 7 === 6);
  if (onlyOld)
    lights.push({ projectId: onlyOld.id, periodId: periods[0]!.id, light: 'yellow', ruleSetId: rule.id, ruleSetVersion: rule.version });
  await db.insert(projectLights).values(lights);

  // Overrides: one active (red over a computed green), one expired, one cleared, one on a project without a light.
  const greenOne = active.find((_, i) => i % 7 !== 6 && lightCycle[i % lightCycle.length] === 'green' && i % 4 !== 0)!;
  const noLight = active.filter((_, i) => i % 7 === 6)[1] ?? active[0]!;
  await db.insert(lightOverrides).values([
    {
      projectId: greenOne.id,
      light: 'red',
      reason: '征地受阻，领导调整为红灯',
      startsOn: '2026-11-01',
      endsOn: '2026-12-31',
      createdById: dispatch.id,
    },
    {
      projectId: active[1]!.id,
      light: 'green',
      reason: '已过期的调整',
      startsOn: '2026-09-01',
      endsOn: '2026-10-31',
      createdById: dispatch.id,
      clearedAt: new Date('2026-11-01T00:00:00Z'),
      clearedById: dispatch.id,
    },
    { projectId: active[2]!.id, light: 'green', reason: '已结束', startsOn: '2026-06-01', endsOn: '2026-06-30', createdById: dispatch.id },
    {
      projectId: noLight.id,
      light: 'yellow',
      reason: '尚未计算，先行标黄',
      startsOn: '2026-11-10',
      endsOn: '2026-11-30',
      createdById: dispatch.id,
    },
  ]);

  // Plans: one project's 2026 plan not frozen (current plan counts), one without a plan row (the
  // registry's figure counts), one operating project (no plan: nothing counts).
  const planRows = await db.select().from(annualPlans).where(eq(annualPlans.year, 2026)).orderBy(annualPlans.id);
  const unfrozen = planRows[0]!;
  await db
    .update(annualPlans)
    .set({
      frozenInvestment: null,
      frozenMonthlyTargets: null,
      frozenAt: null,
      plannedInvestment: sql`${annualPlans.plannedInvestment} + 123.45`,
      monthlyTargets: null,
    })
    .where(eq(annualPlans.id, unfrozen.id));
  const dropped = planRows[1]!;
  await db.delete(annualPlans).where(eq(annualPlans.id, dropped.id));
  const operating = active[3]!;
  await db.update(projects).set({ stage: 'operating' }).where(eq(projects.id, operating.id));

  // Problems of every age bucket (the demo's are 25–60 days old at DEMO_AS_OF).
  const ages = [3, 29, 31, 90, 91, 150, 181, 400];
  const unitId = all.find((p) => p.responsibleUnitId !== null)?.responsibleUnitId ?? null;
  await db.insert(problems).values(
    ages.map((age, i) => ({
      projectId: active[(i * 5) % active.length]!.id,
      description: `测试问题（${age} 天）`,
      type: (['land', 'funding', 'approvals', 'power', 'water', 'other'] as const)[i % 6]!,
      responsibleUnitId: unitId,
      deadline: i % 2 === 0 ? '2026-11-01' : '2026-12-31',
      status: i === 3 ? ('closed' as const) : i === 1 ? ('resolved' as const) : i % 3 === 0 ? ('in_progress' as const) : ('open' as const),
      resolution: i === 1 || i === 3 ? '已处理' : null,
      createdAt: new Date(Date.parse(`${WORLD_TODAY}T04:00:00Z`) - age * 86_400_000),
    })),
  );

  // Grid connection: one new-energy project connected (actual date), one in operation via stage.
  const wind = all.filter((p) => ['wind', 'solar', 'wind_solar'].includes(p.categoryCode) && p.capacity !== null);
  if (wind[0]) {
    const [gm] = await db.select().from(milestones).where(eq(milestones.projectId, wind[0].id)).limit(1);
    await db.insert(milestones).values({
      projectId: wind[0].id,
      kind: 'grid_connection',
      name: '全容量并网',
      plannedDate: '2026-10-30',
      actualDate: '2026-10-28',
      status: 'done',
      sort: (gm?.sort ?? 0) + 100,
    });
  }
  if (wind[1]) await db.update(projects).set({ stage: 'operating' }).where(eq(projects.id, wind[1].id));
  // A new-energy project whose capacity is given in MW, not yet connected.
  if (wind[2]) {
    await db.update(projects).set({ capacity: '350', capacityUnit: 'MW' }).where(eq(projects.id, wind[2].id));
    await db
      .update(milestones)
      .set({ actualDate: null, status: 'in_progress' })
      .where(sql`${milestones.projectId} = ${wind[2].id} AND ${milestones.kind} = 'grid_connection'`);
  }
  // A new-energy project with no capacity entered: listed as such, not in the capacity totals.
  if (wind[3]) await db.update(projects).set({ capacity: null, capacityUnit: null }).where(eq(projects.id, wind[3].id));

  // Milestones due within 30 days (forecast or planned date), one just outside, and one whose
  // baseline has passed (overdue, so not counted as due).
  const due = (projectId: number, name: string, dates: Partial<typeof milestones.$inferInsert>) => ({
    projectId,
    kind: 'other' as const,
    name,
    plannedDate: '2027-03-01',
    status: 'not_started' as const,
    sort: 900,
    ...dates,
  });
  await db
    .insert(milestones)
    .values([
      due(active[0]!.id, '到期（预计）', { forecastDate: '2026-11-30' }),
      due(active[0]!.id, '到期（计划）', { plannedDate: '2026-12-20' }),
      due(active[5]!.id, '到期（今天）', { plannedDate: WORLD_TODAY }),
      due(active[6]!.id, '到期（第30天）', { plannedDate: '2026-12-20', forecastDate: '2026-12-20' }),
      due(active[7]!.id, '未到期（第31天）', { plannedDate: '2026-12-21' }),
      due(active[8]!.id, '基线已过', { plannedDate: '2026-12-01', baselineDate: '2026-11-10' }),
      due(active[9]!.id, '已完成', { plannedDate: '2026-12-01', actualDate: '2026-11-18', status: 'done' }),
    ]);

  const countyRows = await db
    .select()
    .from(counties)
    .where(inArray(counties.code, ['emin']));
  const emin = countyRows[0]!;
  return {
    today: WORLD_TODAY,
    periods,
    currentPeriod: periods[periods.length - 1]!,
    emin,
    actors: {
      dispatch: actorFrom(dispatch),
      leader: actorFrom(user('leader')),
      lead: actorFrom(user('lead')),
      emin: actorFrom(user('emin')),
      eminLead: actorFrom(user('emin_lead')),
    },
  };
}

export type DashboardWorld = Awaited<ReturnType<typeof buildDashboardWorld>>;
