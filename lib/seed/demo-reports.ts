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
import { moneyText, parseMoney } from '@/lib/money';
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
  'TC2025-030': { from: 0.98, to: 0.96 },
  'TC2025-031': { from: 1.0, to: 1.0 },
  'TC2025-032': { from: 0.96, to: 0.94 },
  'TC2025-033': { from: 1.0, to: 0.97 },
  'TC2025-034': { from: 0.94, to: 0.9 },
  'TC2025-035': { from: 1.02, to: 1.04 },
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
  const cents = parseMoney(demo.annualPlannedInvestment);
  const parts = Array.from({ length: 12 }, () => cents / 12n);
  parts[11] = parts[11]! + (cents - parts.reduce((a, b) => a + b, 0n));
  return parts.map(moneyText);
}

/**
 * Where the project stands at a date, by its demo milestones (in their order): how many are done,
 * the last one done and the next one open, and how far it is (0–1) from the one to the other.
 */
function milestoneState(demo: DemoProject, date: string) {
  const sorted = [...demo.milestones].sort((a, b) => a.sort - b.sort);
  const isDone = (m: DemoMilestone) => m.actualDate !== null && m.actualDate <= date;
  const doneCount = sorted.findIndex((m) => !isDone(m));
  const done = doneCount < 0 ? sorted.length : doneCount;
  const last = done > 0 ? sorted[done - 1]! : null;
  const next = sorted[done] ?? null;
  let within = 1;
  if (next) {
    const from = last?.actualDate ?? demo.startDate;
    const to = next.forecastDate ?? next.plannedDate;
    const span = daysBetween(from, to);
    within = span > 0 ? clamp(daysBetween(from, date) / span, 0.05, 0.95) : 0.9;
  }
  return { done, total: sorted.length, last, next, within, startPending: sorted.some((m) => m.kind === 'start_works' && !isDone(m)) };
}

/** Overall completion of the project (%): the milestones done, and the way to the next one. */
function percentComplete(state: ReturnType<typeof milestoneState>): number {
  if (state.startPending) return clamp(Math.round(1 + 4 * state.within), 1, 5);
  if (!state.next) return 100;
  return clamp(Math.round(((state.done + state.within) / state.total) * 100), 1, 99);
}

/**
 * What is happening on site, by project kind and by the next milestone open (index = milestones
 * done; the last entry: all done). a = progress within that stage (%), b = a second figure.
 * Aligned with the milestone templates of demo.ts. Generic, illustrative.
 */
type Phase = (a: number, b: number, f: ProjectFact) => string;
const turbines = (f: ProjectFact) => Math.round((Number(f.capacity ?? 50) * 10) / 6.25);
const RENEWABLE_PHASES = (build: string, connect: string): Phase[] => [
  () => '核准（备案）要件办理中，接入系统方案及用地手续同步推进',
  (a) => `施工准备完成${a}%，场区道路及施工临建施工中`,
  build === 'wind'
    ? (a, b, f) =>
        `风机基础浇筑完成${Math.round((turbines(f) * clamp(a + 15, 0, 100)) / 100)}/${turbines(f)}台，风机吊装完成${Math.round((turbines(f) * b) / 100)}台，升压站土建完成${pct(a)}`
    : build === 'solar'
      ? (a, b) => `光伏支架安装完成${pct(a + 10)}，组件安装完成${pct(b)}，升压站土建完成${pct(a)}`
      : (a, b) => `风机吊装完成${pct(a)}，光伏组件安装完成${pct(b)}，升压站土建及电气安装同步推进`,
  (a) => `${connect}安装完成，集电线路及升压站调试完成${pct(a)}，首批并网准备中`,
  (a) => `首批已并网发电，剩余${build === 'solar' ? '光伏方阵' : '机组'}调试并网完成${pct(a)}`,
  (a) => `已全容量并网运行，消缺整改完成${pct(a)}，竣工验收资料整理中`,
  () => '已通过竣工验收，转入生产运营',
];

/** Categories that borrow another category's phases (the report gives no type for them; as in demo.ts). */
const PHASES_OF: Readonly<Record<string, string>> = { new_energy: 'wind_solar', industrial_park: 'logistics' };

const PHASES: Readonly<Record<string, readonly Phase[]>> = {
  transport: [
    (a, b) => `路基土石方完成${pct(a + 10)}，桥涵结构物完成${pct(b)}`,
    (a, b) => `路基桥涵已完工，路面基层完成${pct(a)}、面层完成${pct(b)}`,
    (a) => `路面工程基本完成，交安设施及沿线房建完成${pct(a)}，通车前检测准备中`,
    (a) => `已建成通车，交工验收前缺陷修复及附属工程完成${pct(a)}`,
    (a) => `已通过交工验收，缺陷责任期养护中，绿化及附属设施完善、竣工资料整理完成${pct(a)}`,
    () => '已通过竣工验收，开展结算及移交工作',
  ],
  water: [
    (a, b) => `大坝填筑累计完成${pct(a)}，溢洪道及导流洞衬砌完成${pct(b)}`,
    (a) => `大坝已填筑到顶，坝顶结构及安全监测设施完成${pct(a)}，蓄水阶段验收资料准备中`,
    (a) => `蓄水阶段验收已通过，库底清理及下闸准备完成${pct(a)}`,
    (a, b) => `水库已下闸蓄水，输水管线铺设完成${pct(a)}，配套泵站及管理设施完成${pct(b)}`,
    (a) => `输水及配套工程已完工，蓄水安全监测运行正常，竣工验收资料整理完成${pct(a)}`,
    () => '已通过竣工验收，转入运行管理',
  ],
  coal_power: [
    (a, b) => `主厂房结构施工完成${pct(a)}，锅炉钢架吊装完成${pct(b)}`,
    (a, b) => `主厂房已封顶，1号锅炉受热面安装完成${pct(a)}，汽轮发电机组安装完成${pct(b)}`,
    (a, b) => `1号锅炉水压试验完成，1号机组分系统调试完成${pct(a)}，2号机组安装完成${pct(b)}`,
    (a) => `1号机组已投产发电，2号机组安装完成${pct(a)}，整套启动调试准备中`,
    (a) => `两台机组均已并网发电，尾工及性能试验完成${pct(a)}，竣工验收准备中`,
    () => '已通过竣工验收，转入生产运营',
  ],
  pumped_storage: [
    () => '可研报告评审及核准要件办理中',
    () => '项目已核准，进厂交通洞、通风兼安全洞施工准备，主体工程开工前手续办理中',
    (a) => `主体工程已开工，地下厂房开挖完成${pct(a)}`,
    (a) => `地下厂房开挖完成，上水库大坝填筑完成${pct(a)}`,
    (a) => `机组埋件及主机安装完成${pct(a)}`,
    () => '首台机组已投产发电',
  ],
  wind: RENEWABLE_PHASES('wind', '风机'),
  solar: RENEWABLE_PHASES('solar', '光伏组件'),
  wind_solar: RENEWABLE_PHASES('wind_solar', '风机及光伏组件'),
  coal_mine: [
    (a) => `井巷（剥离）工程累计完成${pct(a)}，地面生产系统土建同步施工`,
    (a, b) => `井巷工程已完工，地面生产系统土建完成${pct(a)}，选煤厂设备安装完成${pct(b)}`,
    (a) => `地面生产系统已完工，联合试运转准备完成${pct(a)}`,
    (a) => `联合试运转中，竣工验收准备完成${pct(a)}`,
    (a) => `已正式投产，产能逐步释放，月均产量达设计能力的${pct(a)}`,
    () => '已达产达效，转入正常生产',
  ],
  grid: [
    () => '施工图设计及物资招标推进中，开工准备',
    (a) => `线路基础完成${pct(a)}，变电站土建同步施工`,
    (a) => `线路基础已完成，铁塔组立完成${pct(a)}`,
    (a, b) => `铁塔组立已完成，架线完成${pct(a)}，变电站主变及GIS设备安装完成${pct(b)}`,
    (a) => `架线及设备安装已完成，系统调试完成${pct(a)}，带电投运准备中`,
    () => '已带电投运',
  ],
  logistics: [
    () => '施工图设计及招标完成，开工准备',
    (a, b) => `主体工程完成${pct(a)}，仓储及查验设施完成${pct(b)}`,
    (a) => `主体工程已完工，场区道路、给排水等配套设施完成${pct(a)}`,
    (a) => `配套设施已完工，设备调试及竣工验收准备完成${pct(a)}`,
    () => '已竣工验收投入使用',
  ],
  textile: [
    () => '项目备案办理中，厂址及配套条件论证',
    () => '项目已备案，环评报告编制及审查中',
    () => '环评已批复，施工图设计及开工前手续办理中',
    (a) => `已开工建设，厂房主体施工完成${pct(a)}`,
    (a) => `厂房主体已封顶，主要设备到货及安装完成${pct(a)}`,
    (a) => `设备安装调试完成${pct(a)}，试生产准备中`,
    () => '已建成投产',
  ],
  mining: [
    () => '采矿许可办理及储量核实报告评审推进中，开发利用方案编制中',
    () => '采矿许可及项目核准已完成，施工准备及用地手续办理中',
    (a) => `已开工建设，基建剥离及井巷工程完成${pct(a)}`,
    (a) => `基建剥离及井巷工程已完工，选矿厂及配套设施完成${pct(a)}`,
    () => '已建成投产',
  ],
  agriculture: [
    () => '施工准备，地块流转及规划设计推进中',
    (a, b) => `高标准制种田平整完成${pct(a)}，滴灌管网铺设完成${pct(b)}`,
    (a) => `田间工程及节水设施已完工，种子加工车间及晒场完成${pct(a)}`,
    (a) => `已完成建设并通过验收，良种繁育及加工设备调试完成${pct(a)}`,
    () => '制种基地已投入生产',
  ],
  tourism: [
    () => '创建提升规划报批中',
    (a, b) => `游客服务中心及景区道路提升完成${pct(a)}，标识导览系统完成${pct(b)}`,
    (a) => `提升工程已完工，智慧景区系统及服务设施完善完成${pct(a)}，景观质量评审准备中`,
    (a) => `已通过景观质量评审，创建迎检资料及服务质量提升完成${pct(a)}`,
    () => '已通过国家5A级旅游景区评定，巩固提升中',
  ],
};

const NEXT: Readonly<Record<string, string>> = {
  transport: '加快剩余工程施工及验收准备',
  water: '推进剩余工程施工及验收准备',
  coal_power: '推进机组安装调试及尾工施工',
  pumped_storage: '加快核准及开工要件办理',
  wind: '推进风机安装调试及消缺',
  solar: '推进组件安装及并网调试',
  wind_solar: '推进风机、组件安装及并网调试',
  coal_mine: '推进井巷及地面生产系统建设',
  grid: '推进线路及变电站施工',
  logistics: '推进主体及配套工程施工',
  textile: '加快手续办理及工程建设',
  mining: '加快前期要件办理',
  agriculture: '推进田间工程及配套设施建设',
  tourism: '推进景区提升及创建迎检准备',
};

const WINTER = '冬季停工期间，现场开展设备检修、安全检查及复工准备';
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
      const cents = (parseMoney(targets[m - 1]!) * BigInt(Math.round(factor * noise * period.share * 10_000))) / 10_000n;
      // The demo leads report to the tenth of a 万元.
      const amount = moneyText((cents / 10n) * 10n);
      const lastOfMonth = index === periods.length - 1 || periods[index + 1]!.month !== m;
      const isMissing = lastOfMonth && (perf.missing ?? []).includes(m);
      const october = lastOfMonth && m === last ? perf.october : undefined;
      const createdAt = period.openedAt;

      if (isMissing) {
        out.push({
          code: demo.code,
          period: index,
          status: 'draft',
          investmentThisPeriod: null,
          physicalProgress: null,
          percentComplete: null,
          nextSteps: null,
          coordinationNeeds: null,
          submittedAt: null,
          late: false,
          reviewedAt: null,
          reviewer: null,
          reviewComment: null,
          version: 1,
          createdAt,
          updatedAt: createdAt,
        });
        return;
      }

      const late = lastOfMonth && (perf.late ?? []).includes(m);
      const submittedDay = late ? addDays(period.dueDate, int(rnd, 1, 4)) : addDays(period.endDate, int(rnd, 1, 5));
      const submittedAt = at(submittedDay, int(rnd, 9, 18), int(rnd, 0, 59));
      const reviewedDay = addDays(submittedDay, int(rnd, 1, 3));
      const state = milestoneState(demo, period.endDate);
      const p = percentComplete(state);
      const winter = fact.stage === 'construction' && parseMoney(targets[m - 1]!) === 0n;
      const phases = PHASES[PHASES_OF[fact.categoryCode] ?? fact.categoryCode]!;
      const a = clamp(Math.round(15 + 80 * state.within + (rnd() - 0.5) * 6), 5, 97);
      const b = clamp(a - int(rnd, 6, 18), 0, 95);
      const stage = phases[Math.min(state.done, phases.length - 1)]!(a, b, fact);
      const work = `${winter ? `${WINTER}；` : ''}${stage}${state.next ? '' : '，工程结算及尾款支付推进中'}`;
      const { last: done, next } = state;
      const milestone = [done ? `已完成“${done.name}”` : null, next ? `正在推进“${next.name}”` : null].filter(Boolean).join('，');
      const behind = factor < 0.9 && perf.issue;
      const physicalProgress = `${DEMO_REPORT_MARK}${work}${milestone ? `；${milestone}` : ''}${behind ? `。受${perf.issue}影响，投资完成滞后于序时进度` : ''}。`;
      const nextSteps = !next
        ? '下一步：完成工程结算及尾款支付，做好资料归档和运营移交。'
        : winter
          ? '做好复工准备，天气转暖后及时全面复工。'
          : `下一步：${NEXT[fact.categoryCode]}，确保“${next.name}”按期完成。`;
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
