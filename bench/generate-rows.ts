/**
 * BENCHMARK DATA — SYNTHETIC, FOR `npm run bench` ONLY. The rows of one generated project: the
 * project, its milestones and audit history, and its part of the reporting cycle (reports, plans,
 * lights, an override, a problem). Each project draws from its own PRNG streams
 * (projectPrng), so a batch of projects holds only its own rows in memory.
 */
import type * as s from '@/db/schema';
import type { MilestoneStatus, Stage } from '@/db/schema/enums';
import { moneyText, parseMoney, shareOf } from '@/lib/money';
import { addDays, BENCH_AS_OF, CATEGORY_SHAPE, DAY, ms, type Rnd, seasonal, STAGE_MIX, STATUS_MIX, STEPS } from './generate-vocab';

type ProjectInsert = typeof s.projects.$inferInsert;
type MilestoneInsert = typeof s.milestones.$inferInsert;

interface Person {
  id: number;
  displayName: string;
}

/** What every project draws on: the reference data, people and periods written before the projects. */
export interface World {
  counties: { id: number; code: string; nameZh: string; nameEn: string }[];
  categoryMix: (readonly [string, number])[];
  responsibleUnits: number[];
  ownerUnits: number[];
  leaders: Person[];
  leads: Person[];
  benchLead: Person;
  benchUser: Person;
  periods: { id: number; endDate: string }[];
  ruleSet: { id: number; version: number };
  perProject: number;
  auditMean: number;
}

export interface ProjectPlan {
  value: ProjectInsert;
  start: string;
  end: string;
  stage: Stage;
  lead: Person;
}

/** Project #i (1-based): its row and the schedule its milestones follow. */
export function projectRow(w: World, i: number, rnd: Rnd): ProjectPlan {
  const categoryCode = rnd.weighted(w.categoryMix);
  const shape = CATEGORY_SHAPE[categoryCode] ?? { zh: '项目', en: 'project', unit: null, weight: 1 };
  const county = rnd.next() < 0.12 ? null : rnd.pick(w.counties);
  const stage = rnd.weighted(STAGE_MIX);
  const status = stage === 'completed' || stage === 'operating' ? 'on_track' : rnd.weighted(STATUS_MIX);
  const capacity = shape.unit ? (rnd.int(5, 2000) / (shape.unit === '千伏' ? 1 : 10)).toFixed(2) : null;
  // Money in exact cents (lib/money), shares rounded by its one rule.
  const totalInvestment = moneyText(BigInt(rnd.int(2_000, 2_000_000)) * 100n + BigInt(rnd.int(0, 99)));
  const annual = moneyText(shareOf(parseMoney(totalInvestment), Math.round((0.1 + rnd.next() * 0.4) * 1e6), 1e6));
  // Preliminary projects start after BENCH_AS_OF, projects under construction before it, and
  // completed or operating ones have finished before it.
  const durationDays = rnd.int(240, 1800);
  const startOffset =
    stage === 'preliminary'
      ? rnd.int(30, 400)
      : stage === 'construction'
        ? -rnd.int(60, Math.max(61, durationDays - 30))
        : -durationDays - rnd.int(30, 700);
  const start = addDays(BENCH_AS_OF, startOffset);
  const end = addDays(start, durationDays);
  const lead = i === 1 ? w.benchLead : rnd.pick(w.leads);
  const place = county ? county.nameZh : '塔城地区';
  const placeEn = county ? county.nameEn : 'Tacheng Prefecture';
  const cap = capacity && shape.unit ? `${Number(capacity)}${shape.unit}` : '';
  const value: ProjectInsert = {
    code: `BENCH-${String(i).padStart(5, '0')}`,
    nationalCode: rnd.next() < 0.6 ? `2025-654200-${String(10 + (i % 90)).padStart(2, '0')}-01-${String(100000 + i)}` : null,
    name: `${place}${cap}${shape.zh}（${i}号）`,
    nameEn: `${placeEn} ${shape.en} No. ${i}`,
    categoryCode,
    countyId: county?.id ?? null,
    constructionContent: `建设${cap || '配套'}${shape.zh}主体工程及配套设施，包括场区道路、供配电、给排水及环保设施等。`,
    capacity,
    capacityUnit: capacity ? shape.unit : null,
    totalInvestment,
    annualPlannedInvestment: annual,
    startDate: start,
    plannedCompletionDate: end,
    stage,
    status,
    responsibleLeaderId: rnd.pick(w.leaders).id,
    responsibleUnitId: rnd.pick(w.responsibleUnits),
    ownerUnitId: rnd.pick(w.ownerUnits),
    projectLeadId: lead.id,
    targetYear: 2025 + (i % 2),
    annualTarget: stage === 'preliminary' ? '年内开工建设' : stage === 'construction' ? '年内建成投运' : '稳定运行',
    sources: {},
    createdAt: new Date(ms('2025-01-02') + (i % 300) * DAY),
    updatedAt: new Date(ms('2026-01-05') + (i % 170) * DAY + (i % 86_400) * 1000),
  };
  return { value, start, end, stage, lead };
}

/** The project's milestone steps spread over its schedule, their state judged at BENCH_AS_OF. */
export function milestoneRows(w: World, projectId: number, plan: ProjectPlan, rnd: Rnd): MilestoneInsert[] {
  const span = (ms(plan.end) - ms(plan.start)) / DAY;
  const rows: MilestoneInsert[] = [];
  let previousOpen = false;
  for (let k = 0; k < w.perProject; k++) {
    const step = STEPS[k]!;
    const planned = addDays(plan.start, Math.round(step.at * span));
    const baseline = rnd.next() < 0.7 ? planned : null;
    let status: MilestoneStatus = 'not_started';
    let actual: string | null = null;
    let forecast: string | null = null;
    if (planned < BENCH_AS_OF) {
      if (rnd.next() < 0.85) {
        status = 'done';
        actual = addDays(planned, rnd.int(-10, 25));
        if (actual > BENCH_AS_OF) actual = BENCH_AS_OF;
      } else {
        status = 'delayed';
        forecast = addDays(BENCH_AS_OF, rnd.int(10, 120));
      }
    } else if (!previousOpen) {
      status = 'in_progress';
      previousOpen = true;
      forecast = rnd.next() < 0.5 ? addDays(planned, rnd.int(-5, 40)) : null;
    }
    rows.push({
      projectId,
      kind: step.kind,
      name: step.zh,
      nameEn: step.en,
      plannedDate: planned,
      baselineDate: baseline,
      forecastDate: forecast,
      actualDate: actual,
      status,
      note: status === 'delayed' ? '受征地协调影响，进度滞后' : null,
      sort: k + 1,
      updatedAt: new Date(ms(planned < BENCH_AS_OF ? planned : '2026-01-05') + 9 * 3600_000),
    });
  }
  return rows;
}

/**
 * The project's audit history, in time order, as the app's actions would have written it: a create
 * event, milestone updates and sometimes a project update. `index` is the project's 0-based number.
 */
export function auditRows(
  w: World,
  index: number,
  projectId: number,
  plan: ProjectPlan,
  milestones: { id: number; row: MilestoneInsert }[],
  rnd: Rnd,
): (typeof s.auditEvents.$inferInsert)[] {
  const n = Math.max(1, w.auditMean + rnd.int(-2, 2));
  let at = ms('2025-01-02') + (index % 300) * DAY + 9 * 3600_000;
  const by = { actorId: w.benchUser.id, actorName: w.benchUser.displayName, entityType: 'project', entityId: String(projectId), projectId };
  const rows: (typeof s.auditEvents.$inferInsert)[] = [
    {
      ...by,
      at: new Date(at),
      action: 'project.create',
      before: null,
      after: { code: plan.value.code, name: plan.value.name, stage: plan.stage },
    },
  ];
  for (let e = 1; e < n; e++) {
    at += rnd.int(3, 60) * DAY + rnd.int(0, 8 * 3600) * 1000;
    if (e === n - 1 && rnd.next() < 0.5) {
      rows.push({
        ...by,
        at: new Date(at),
        action: 'project.update',
        before: { status: 'on_track' },
        after: { status: plan.value.status },
      });
      continue;
    }
    const m = milestones[Math.min(w.perProject - 1, e - 1)]!;
    rows.push({
      at: new Date(at),
      actorId: plan.lead.id,
      actorName: plan.lead.displayName,
      action: 'milestone.update',
      entityType: 'milestone',
      entityId: String(m.id),
      projectId,
      before: { status: 'not_started', forecastDate: null },
      after: { status: m.row.status ?? 'in_progress', forecastDate: m.row.forecastDate ?? m.row.plannedDate, note: '按计划推进' },
    });
  }
  return rows;
}

export interface CycleRows {
  reports: (typeof s.reports.$inferInsert)[];
  plans: (typeof s.annualPlans.$inferInsert)[];
  lights: (typeof s.projectLights.$inferInsert)[];
  overrides: (typeof s.lightOverrides.$inferInsert)[];
  problems: (typeof s.problems.$inferInsert)[];
}

export const PLAN_YEARS = [2025, 2026] as const;
const REPORT_STATUS_NOW = [
  ['approved', 60],
  ['submitted', 15],
  ['draft', 15],
  ['returned', 10],
] as const;
const PROBLEM_TYPES = ['land', 'funding', 'approvals', 'power', 'water', 'other'] as const;

/**
 * A reporting project's part of the cycle: a report per period (approved, except a mix in the
 * current one), annual plans for both years (frozen; seasonal targets under construction), lights
 * for the last six periods, an override for every hundredth reporting project (`reporting` is its
 * 0-based number among them) and a problem for about 0.4 of them.
 */
export function cycleRows(w: World, projectId: number, p: ProjectInsert, reporting: number, rnd: Rnd, out: CycleRows): void {
  const last = w.periods.length - 1;
  w.periods.forEach((period, k) => {
    const submitted = new Date(ms(period.endDate) + 3 * DAY + 10 * 3600_000);
    const status = k < last ? 'approved' : rnd.weighted(REPORT_STATUS_NOW);
    // A twelfth of the plan × 0.3–1.3, to the cent by lib/money's rule.
    const monthly = moneyText(shareOf(parseMoney(p.annualPlannedInvestment ?? '0'), Math.round((0.3 + rnd.next()) * 1e6), 12e6));
    const draft = status === 'draft';
    const reviewed = status === 'approved' || status === 'returned';
    out.reports.push({
      periodId: period.id,
      projectId,
      status,
      investmentThisPeriod: draft ? null : monthly,
      physicalProgress: draft ? null : '按计划推进主体工程施工',
      percentComplete: draft ? null : Math.min(100, k * 4 + rnd.int(0, 10)),
      submittedAt: draft ? null : submitted,
      submittedById: draft ? null : w.benchUser.id,
      late: !draft && rnd.next() < 0.08,
      reviewedAt: reviewed ? new Date(submitted.getTime() + 2 * DAY) : null,
      reviewedById: reviewed ? w.benchUser.id : null,
      reviewComment: status === 'returned' ? '请补充现场照片和投资完成佐证材料' : null,
      createdAt: new Date(ms(period.endDate) - 20 * DAY),
      updatedAt: submitted,
    });
  });

  for (const year of PLAN_YEARS) {
    const frozenAt = new Date(`${year}-01-15T02:00:00Z`);
    const planned = p.annualPlannedInvestment ?? '0.00';
    const monthly = p.stage === 'construction' ? seasonal(planned) : null;
    out.plans.push({
      projectId,
      year,
      plannedInvestment: planned,
      monthlyTargets: monthly,
      frozenInvestment: planned,
      frozenMonthlyTargets: monthly,
      frozenAt,
      updatedById: w.benchUser.id,
      createdAt: frozenAt,
      updatedAt: frozenAt,
    });
  }

  for (const period of w.periods.slice(-6)) {
    out.lights.push({
      projectId,
      periodId: period.id,
      light: rnd.weighted([
        ['green', 60],
        ['yellow', 25],
        ['red', 15],
      ] as const),
      ruleSetId: w.ruleSet.id,
      ruleSetVersion: w.ruleSet.version,
      computedAt: new Date(ms(period.endDate) + 6 * DAY),
      computedById: w.benchUser.id,
    });
  }

  if (reporting % 100 === 7) {
    const i = Math.floor(reporting / 100);
    out.overrides.push({
      projectId,
      light: i % 2 ? 'red' : 'yellow',
      reason: '包抓领导现场调度后调整',
      startsOn: '2026-06-01',
      // Some have ended already; the others run to the end of the year.
      endsOn: i % 3 === 0 ? '2026-06-20' : '2026-12-31',
      createdById: w.benchUser.id,
      createdAt: new Date('2026-06-01T03:00:00Z'),
    });
  }

  // Problems: about 0.4 per project, raised up to 400 days before BENCH_AS_OF.
  if (rnd.next() >= 0.4) return;
  const raised = addDays(BENCH_AS_OF, -rnd.int(0, 400));
  const status = rnd.weighted([
    ['open', 30],
    ['in_progress', 30],
    ['resolved', 15],
    ['closed', 25],
  ] as const);
  const done = status === 'resolved' || status === 'closed';
  out.problems.push({
    projectId,
    description: '项目用地报批、资金到位或配套条件存在困难，需协调解决',
    type: rnd.pick(PROBLEM_TYPES),
    responsibleUnitId: p.responsibleUnitId ?? rnd.pick(w.responsibleUnits),
    responsibleLeaderId: p.responsibleLeaderId ?? rnd.pick(w.leaders).id,
    deadline: addDays(raised, rnd.int(15, 120)),
    status,
    resolution: done ? '已协调相关部门解决' : null,
    raisedById: w.benchUser.id,
    resolvedAt: done ? new Date(ms(raised) + 30 * DAY) : null,
    closedAt: status === 'closed' ? new Date(ms(raised) + 40 * DAY) : null,
    createdAt: new Date(ms(raised) + 10 * 3600_000),
    updatedAt: new Date(ms(raised) + 10 * 3600_000),
  });
}
