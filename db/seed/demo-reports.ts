/**
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * DEMO DATA — ILLUSTRATIVE ONLY. NOT FROM THE GOVERNMENT WORK REPORT.
 *
 * An illustrative reporting history for the demo year 2026, so that the dashboard, the status
 * table and the lights have a realistic picture of a portfolio in late 2026 (DEMO_AS_OF):
 *
 * - Reporting periods January … October 2026, all closed, shaped as the dispatch office opens
 *   them (lib/reports: the cadence setting gives the kind, suggestPeriod the dates, the due
 *   date DUE_AFTER_END days after the end), opened by the office; one report per active
 *   project (as openPeriod creates them). November is NOT created: the e2e specs open it.
 * - Every project's reports follow its demo annual plan (the frozen 2026 baseline of
 *   demo-plans.ts: seasonal monthly targets in construction, m/12 in 前期) with a
 *   project-specific performance: a few ahead, most slightly behind, a few far behind. A few
 *   reports were submitted late, some were approved by the dispatch office on the leader's
 *   behalf, and some are missing (left as drafts, one returned, two awaiting review).
 * - Physical progress (形象进度) is generic text per project kind, prefixed DEMO_REPORT_MARK, so
 *   it reads as demo wherever it is shown (reports have no per-field source like projects).
 * - The lights of September and October are then computed by the real engine
 *   (lib/lights/compute.ts computeAndStoreLights, the active rule set), as of DEMO_AS_OF.
 *
 * Deterministic: no Math.random, no clock; amounts derive from the plan and a PRNG seeded by
 * the project code and month. No audit events, no notifications (like the rest of the seed).
 *
 * Other code relies on: TC2025-004 (柳树沟水库) has an approved report in every period and is
 * more than 30 points behind its time-elapsed progress in October (e2e/plans.spec.ts).
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { projectLights, reportingPeriods, reports } from '@/db/schema';
import type { PeriodKind, ReportStatus } from '@/db/schema/enums';
import { fromCents, toCents } from '@/lib/lights/decimal';
import { computeAndStoreLights } from '@/lib/lights/compute';
import { readCadence } from '@/lib/reports/cadence';
import { addDays, suggestPeriod } from '@/lib/reports/schemas';
import { DEMO_AS_OF, DEMO_PROJECTS, type DemoMilestone, type DemoProject } from './demo';
import { DEMO_PLAN_YEAR, seasonalTargets } from './demo-plans';
import { PROJECTS, type ProjectFact } from './facts';

/** Marks every demo report's physical progress as illustrative. */
export const DEMO_REPORT_MARK = '【示例】';
/** The months of DEMO_PLAN_YEAR with a (closed) reporting history. */
export const DEMO_REPORT_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
/** The months whose lights are computed (the last one is the dashboard's). */
export const DEMO_LIGHT_MONTHS = [9, 10] as const;

// ── Per-project performance ─────────────────────────────────────────────────────────────────

interface Performance {
  /** Share of the monthly target achieved, at the start of the year and by October (linear in between). */
  from: number;
  to: number;
  /** Months without a report (left as a draft: never submitted). */
  missing?: number[];
  /** October's report: sent back by the leader (returned) or not reviewed yet (submitted). */
  october?: 'returned' | 'submitted';
  /** Months submitted after the due date. */
  late?: number[];
  /** What holds it back (physical progress and coordination needs), for projects behind. */
  issue?: string;
}

const PERFORMANCE: Readonly<Record<string, Performance>> = {
  'TC2025-001': { from: 1.0, to: 1.05 },
  'TC2025-002': { from: 0.92, to: 0.74, issue: '车购税补助资金拨付滞后，部分标段施工力量不足', late: [7] },
  'TC2025-003': { from: 0.96, to: 0.93, late: [4] },
  // Far behind (>30 points in October): e2e/plans.spec.ts relies on it.
  'TC2025-004': { from: 0.72, to: 0.52, issue: '地方配套资金到位不足，溢洪道标段施工组织不力' },
  'TC2025-005': { from: 0.8, to: 0.58, issue: '库区林草地使用手续未批复，清库及移民安置滞后', late: [5, 9] },
  'TC2025-006': { from: 0.97, to: 0.8, issue: '施工临时用电容量不足，主设备到货晚于计划' },
  'TC2025-007': { from: 0.62, to: 0.42, issue: '上水库水土保持方案变更未批复，核准要件办理滞后' },
  'TC2025-008': { from: 1.03, to: 1.06 },
  'TC2025-009': { from: 1.0, to: 0.96 },
  'TC2025-010': { from: 0.92, to: 0.85, issue: '光伏组件到货批次延后', late: [7] },
  'TC2025-011': { from: 0.97, to: 0.95 },
  'TC2025-012': { from: 0.92, to: 0.84, october: 'submitted', issue: '送出线路工程进度滞后' },
  'TC2025-013': { from: 1.0, to: 0.98 },
  'TC2025-014': { from: 0.96, to: 0.93 },
  'TC2025-015': { from: 0.72, to: 0.5, issue: '采矿许可证延续所需储量核实报告未完成', late: [5, 9] },
  'TC2025-016': { from: 0.92, to: 0.86, missing: [10] },
  'TC2025-017': { from: 0.94, to: 0.8, issue: '部分塔基用地补偿未落实，铁塔组立滞后', late: [10] },
  'TC2025-018': { from: 0.92, to: 0.86, issue: '铁路专用线接轨方案审批周期较长' },
  'TC2025-019': { from: 0.86, to: 0.76, october: 'returned', issue: '园区供水管网接入滞后', late: [8] },
  'TC2025-020': { from: 1.0, to: 0.98, october: 'submitted' },
  'TC2025-021': { from: 0.96, to: 0.95 },
  'TC2025-022': { from: 0.8, to: 0.7, missing: [6], issue: '环评批复补充论证耗时较长', late: [3] },
  'TC2025-023': { from: 1.0, to: 0.97 },
  'TC2025-024': { from: 0.92, to: 0.88 },
  'TC2025-025': { from: 0.6, to: 0.5, missing: [9, 10], issue: '采矿权出让及用地预审手续推进缓慢' },
  'TC2025-026': { from: 0.96, to: 0.92 },
  'TC2025-027': { from: 0.86, to: 0.8, missing: [10] },
  'TC2025-028': { from: 0.76, to: 0.6, missing: [8], issue: '部分地块土地流转合同未签订', late: [6] },
  'TC2025-029': { from: 1.0, to: 1.02 },
};

// ── Deterministic helpers ───────────────────────────────────────────────────────────────────

/** mulberry32, seeded from a string (the same generator as demo.ts). */
function prng(seedText: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 16777619);
  let t = h >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const dayMs = 86_400_000;
/** A moment on a date, at hh:mm in Asia/Shanghai (UTC+8). */
const at = (date: string, hh: number, mm = 0): Date => new Date(Date.parse(`${date}T00:00:00Z`) + (hh - 8) * 3_600_000 + mm * 60_000);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs);
const pct = (n: number) => `${clamp(Math.round(n), 0, 100)}%`;

// ── Periods ─────────────────────────────────────────────────────────────────────────────────

export interface DemoPeriod {
  kind: PeriodKind;
  month: number;
  startDate: string;
  endDate: string;
  dueDate: string;
  /** Share of the month's works that falls in this period (1 for a monthly period). */
  share: number;
}

/** The periods of one month as the open-period form suggests them (a monthly period, or three 旬). */
export function demoPeriodsOf(kind: PeriodKind, month: number): DemoPeriod[] {
  const mm = String(month).padStart(2, '0');
  const days = kind === 'monthly' ? [15] : [5, 15, 25];
  const periods = days.map((d) => suggestPeriod(kind, `${DEMO_PLAN_YEAR}-${mm}-${String(d).padStart(2, '0')}`));
  const dim = Number(periods[periods.length - 1]!.endDate.slice(8, 10));
  return periods.map((p) => ({ kind, month, ...p, share: (daysBetween(p.startDate, p.endDate) + 1) / dim }));
}

// ── Reports ─────────────────────────────────────────────────────────────────────────────────

export interface DemoReport {
  code: string;
  /** Index into the periods list. */
  period: number;
  status: ReportStatus;
  investmentThisPeriod: string | null;
  physicalProgress: string | null;
  percentComplete: number | null;
  nextSteps: string | null;
  coordinationNeeds: string | null;
  submittedAt: Date | null;
  late: boolean;
  reviewedAt: Date | null;
  /** 'leader' = the project's responsible leader; 'office' = the dispatch office on their behalf. */
  reviewer: 'leader' | 'office' | null;
  reviewComment: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoHistory {
  periods: (DemoPeriod & { openedAt: Date })[];
  reports: DemoReport[];
}

/** The project's plan for the year as demo-plans.ts seeds it: monthly targets in construction, m/12 in 前期. */
function monthlyTargets(fact: ProjectFact, demo: DemoProject): string[] {
  if (fact.stage === 'construction') return seasonalTargets(demo.annualPlannedInvestment);
  const cents = toCents(demo.annualPlannedInvestment);
  const parts = Array.from({ length: 12 }, () => cents / 12n);
  parts[11] = parts[11]! + (cents - parts.reduce((a, b) => a + b, 0n));
  return parts.map(fromCents);
}

/** Overall completion of the project (%), from its schedule, as at a date. */
function percentComplete(fact: ProjectFact, demo: DemoProject, date: string, perf: number): number {
  if (fact.stage === 'preliminary') return clamp(Math.round((1 + Number(date.slice(5, 7)) / 3) * perf), 1, 6);
  const span = daysBetween(demo.startDate, demo.plannedCompletionDate);
  const done = daysBetween(demo.startDate, date);
  const linear = span > 0 ? (done / span) * 100 : 100;
  return clamp(Math.round(linear * (0.9 + 0.1 * perf)), 3, 98);
}

/** The last milestone done and the next one open, as at a date (by the demo milestones' dates). */
function milestoneState(ms: readonly DemoMilestone[], date: string) {
  const sorted = [...ms].sort((a, b) => a.sort - b.sort);
  const done = sorted.filter((m) => m.actualDate !== null && m.actualDate <= date);
  const next = sorted.find((m) => !(m.actualDate !== null && m.actualDate <= date));
  return { last: done[done.length - 1] ?? null, next: next ?? null };
}

type Work = (p: number, rnd: () => number, fact: ProjectFact) => string;

/** What is happening on site, by project kind, at overall completion p (%). Generic, illustrative. */
const WORK: Readonly<Record<string, Work>> = {
  transport: (p) => `路基土石方累计完成${pct(p + 14)}，桥涵结构物完成${pct(p + 6)}，路面工程完成${pct(p - 12)}，交安及沿线设施同步施工`,
  water: (p) => `大坝填筑累计完成${pct(p + 12)}，溢洪道及导流洞衬砌完成${pct(p)}，库区清理和移民安置有序推进`,
  coal_power: (p) =>
    `1号机组锅炉受热面安装完成${pct(p + 8)}，汽轮发电机组安装完成${pct(p - 4)}，2号机组主厂房结构施工中，主要设备到货率${pct(p + 15)}`,
  pumped_storage: (_p, rnd) =>
    `核准要件办理中，进厂交通洞、通风兼安全洞施工准备，${pick(rnd, ['上水库区域水保方案变更报批中', '征地移民安置规划复核中', '主体工程招标文件编制中'])}`,
  wind: (p, _rnd, f) => {
    const n = Math.round((Number(f.capacity ?? 50) * 10) / 6.25);
    return `风机基础浇筑完成${Math.min(n, Math.round((n * (p + 10)) / 100))}/${n}台，风机吊装完成${Math.min(n, Math.round((n * p) / 100))}台，升压站电气设备安装调试完成${pct(p - 5)}`;
  },
  solar: (p, _rnd, f) => {
    const cap = Number(f.capacity ?? 50);
    return `光伏支架安装完成${pct(p + 8)}，组件安装完成${Math.round((cap * clamp(p, 0, 100)) / 10) / 10}万千瓦，升压站及送出线路施工完成${pct(p - 5)}`;
  },
  wind_solar: (p) => `风机吊装完成${pct(p + 3)}，光伏组件安装完成${pct(p)}，升压站及集电线路施工完成${pct(p - 6)}`,
  coal_mine: (p) => `井巷（剥离）工程累计完成${pct(p + 8)}，地面生产系统土建完成${pct(p)}，选煤厂设备安装完成${pct(p - 10)}`,
  grid: (p) => `线路基础完成${pct(p + 12)}，铁塔组立完成${pct(p)}，架线完成${pct(p - 18)}，变电站主变及GIS设备安装中`,
  logistics: (p) => `主体工程累计完成${pct(p + 8)}，仓储及查验设施完成${pct(p)}，场区道路、给排水等配套工程施工中`,
  textile: (_p, rnd) => `项目备案已完成，${pick(rnd, ['厂房施工图设计', '主要设备选型及招标', '用地报批及场地平整'])}推进中，供水、供电、污水处理等配套条件落实中`,
  mining: (_p, rnd) => `${pick(rnd, ['储量核实报告评审', '采矿权证办理', '开发利用方案编制'])}推进中，可行性研究及初步设计编制中，用地预审和环评手续同步办理`,
  agriculture: (p) => `高标准制种田平整及滴灌管网铺设完成${pct(p + 6)}，种子加工车间及晒场施工完成${pct(p - 4)}，良种繁育配套设施安装中`,
  tourism: (p) => `游客服务中心及景区道路提升完成${pct(p + 5)}，标识导览和智慧景区系统安装完成${pct(p - 8)}，5A级创建资料整理中`,
};

const NEXT: Readonly<Record<string, string>> = {
  transport: '加快路面及交安工程施工',
  water: '推进坝体填筑及溢洪道衬砌',
  coal_power: '推进机组安装及调试准备',
  pumped_storage: '加快核准要件办理',
  wind: '推进风机安装调试及消缺',
  solar: '推进组件安装及并网调试',
  wind_solar: '推进风机、组件安装及并网调试',
  coal_mine: '推进井巷工程及地面生产系统建设',
  grid: '推进铁塔组立及架线施工',
  logistics: '推进主体及配套工程施工',
  textile: '加快开工前手续办理',
  mining: '加快前期要件办理',
  agriculture: '推进田间工程及配套设施建设',
  tourism: '推进景区提升工程及创建迎检准备',
};

const WINTER = '冬季停工期间，开展施工组织设计优化、设备检修及复工前安全检查，主要材料储备中';
const APPROVE_COMMENTS = [null, null, '同意。', '同意，请继续加快进度。', '已阅，同意。'] as const;

/**
 * The whole history as plain data (no database): the periods of the months in
 * DEMO_REPORT_MONTHS for the given cadence, and every active demo project's report in each.
 */
export function buildDemoHistory(kind: PeriodKind = 'monthly'): DemoHistory {
  const periods = DEMO_REPORT_MONTHS.flatMap((m) => demoPeriodsOf(kind, m)).map((p) => ({ ...p, openedAt: at(p.startDate, 9) }));
  const facts = new Map(PROJECTS.map((p) => [p.code, p]));
  const out: DemoReport[] = [];

  for (const demo of DEMO_PROJECTS) {
    const fact = facts.get(demo.code);
    const perf = PERFORMANCE[demo.code];
    if (!fact || fact.stage === 'operating' || !perf) continue;
    const targets = monthlyTargets(fact, demo);
    const last = DEMO_REPORT_MONTHS[DEMO_REPORT_MONTHS.length - 1]!;

    periods.forEach((period, index) => {
      const m = period.month;
      const rnd = prng(`${demo.code}/${period.startDate}`);
      const factor = perf.from + ((perf.to - perf.from) * (m - 1)) / (last - 1);
      const noise = 0.88 + rnd() * 0.24;
      const cents = (toCents(targets[m - 1]!) * BigInt(Math.round(factor * noise * period.share * 10_000))) / 10_000n;
      // Reported to the tenth of a 万元, as the tables show it.
      const amount = fromCents((cents / 10n) * 10n);
      const lastOfMonth = index === periods.length - 1 || periods[index + 1]!.month !== m;
      const isMissing = lastOfMonth && (perf.missing ?? []).includes(m);
      const october = lastOfMonth && m === last ? perf.october : undefined;
      const createdAt = period.openedAt;

      if (isMissing) {
        out.push({
          code: demo.code, period: index, status: 'draft', investmentThisPeriod: null, physicalProgress: null, percentComplete: null,
          nextSteps: null, coordinationNeeds: null, submittedAt: null, late: false, reviewedAt: null, reviewer: null,
          reviewComment: null, version: 1, createdAt, updatedAt: createdAt,
        });
        return;
      }

      const late = lastOfMonth && (perf.late ?? []).includes(m);
      const submittedDay = late ? addDays(period.dueDate, int(rnd, 1, 4)) : addDays(period.endDate, int(rnd, 1, 5));
      const submittedAt = at(submittedDay, int(rnd, 9, 18), int(rnd, 0, 59));
      const reviewedDay = addDays(submittedDay, int(rnd, 1, 3));
      const p = percentComplete(fact, demo, period.endDate, factor);
      const winter = fact.stage === 'construction' && toCents(targets[m - 1]!) === 0n;
      const { last: done, next } = milestoneState(demo.milestones, period.endDate);
      const work = winter ? WINTER : WORK[fact.categoryCode]!(p, rnd, fact);
      const milestone = [done ? `已完成“${done.name}”` : null, next ? `正在推进“${next.name}”` : null].filter(Boolean).join('，');
      const behind = factor < 0.9 && perf.issue;
      const physicalProgress = `${DEMO_REPORT_MARK}${work}${milestone ? `；${milestone}` : ''}${behind ? `。受${perf.issue}影响，进度滞后于计划` : ''}。`;
      const nextSteps = winter ? '做好复工准备，天气转暖后及时全面复工。' : `下一步：${NEXT[fact.categoryCode]}${next ? `，确保“${next.name}”按期完成` : ''}。`;
      const coordinationNeeds = behind ? `请协调解决：${perf.issue}。` : null;

      const status: ReportStatus = october === 'submitted' ? 'submitted' : october === 'returned' ? 'returned' : 'approved';
      const reviewed = status !== 'submitted';
      const office = reviewed && rnd() < 0.18;
      const reviewComment =
        status === 'returned' ? '本期投资与支付凭证不一致，请核实后重新报送。' : reviewed ? pick(rnd, APPROVE_COMMENTS) : null;
      const reviewedAt = reviewed ? at(reviewedDay, int(rnd, 9, 17), int(rnd, 0, 59)) : null;
      out.push({
        code: demo.code,
        period: index,
        status,
        investmentThisPeriod: amount,
        physicalProgress,
        percentComplete: p,
        nextSteps,
        coordinationNeeds,
        submittedAt,
        late: submittedDay > period.dueDate,
        reviewedAt,
        reviewer: reviewed ? (office ? 'office' : 'leader') : null,
        reviewComment,
        version: reviewed ? 4 : 3,
        createdAt,
        updatedAt: reviewedAt ?? submittedAt,
      });
    });
  }
  return { periods, reports: out };
}

// ── Seeding ─────────────────────────────────────────────────────────────────────────────────

export interface DemoReportContext {
  /** Project id by project code (TC2025-…). */
  projectIds: Map<string, number>;
  /** User id by username (dispatch, leader2, lead …). */
  userIds: Map<string, number>;
}

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`demo reports: unknown ${what} "${key}"`);
  return v;
}

/**
 * Inserts the history (periods in the cadence setting's kind, reports) and computes the lights
 * of the last DEMO_LIGHT_MONTHS with the real engine as of DEMO_AS_OF. Runs inside the seed's
 * transaction, after the projects, milestones, problems and plans.
 */
export async function seedDemoReports(tx: Tx, ctx: DemoReportContext): Promise<void> {
  const kind = await readCadence(tx);
  const history = buildDemoHistory(kind);
  const dispatchId = need(ctx.userIds, 'dispatch', 'user');

  const periodRows = await tx
    .insert(reportingPeriods)
    .values(
      history.periods.map((p) => ({
        kind: p.kind,
        startDate: p.startDate,
        endDate: p.endDate,
        dueDate: p.dueDate,
        openedById: dispatchId,
        openedAt: p.openedAt,
      })),
    )
    .returning();
  const demoByCode = new Map(DEMO_PROJECTS.map((d) => [d.code, d]));

  const rows = history.reports.map((r) => {
    const demo = need(demoByCode, r.code, 'demo project');
    return {
      periodId: periodRows[r.period]!.id,
      projectId: need(ctx.projectIds, r.code, 'project'),
      status: r.status,
      investmentThisPeriod: r.investmentThisPeriod,
      physicalProgress: r.physicalProgress,
      percentComplete: r.percentComplete,
      nextSteps: r.nextSteps,
      coordinationNeeds: r.coordinationNeeds,
      submittedAt: r.submittedAt,
      submittedById: r.submittedAt ? need(ctx.userIds, demo.projectLead, 'user') : null,
      late: r.late,
      reviewedAt: r.reviewedAt,
      reviewedById: r.reviewer === null ? null : r.reviewer === 'office' ? dispatchId : need(ctx.userIds, demo.responsibleLeader, 'user'),
      reviewedOnBehalf: r.reviewer === 'office',
      reviewComment: r.reviewComment,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(reports).values(rows.slice(i, i + 500));

  // The lights, as the office computes them after each period's due date.
  const lightMonths = new Set<number>(DEMO_LIGHT_MONTHS);
  const lit = periodRows.filter((p, i) => lightMonths.has(history.periods[i]!.month));
  for (const period of lit) {
    await computeAndStoreLights(tx, { period, actor: { id: dispatchId, countyId: null }, today: DEMO_AS_OF });
    await tx
      .update(projectLights)
      .set({ computedAt: at(addDays(period.dueDate, 1), 10) })
      .where(eq(projectLights.periodId, period.id));
  }
}
