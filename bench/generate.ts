/**
 * BENCHMARK DATA — SYNTHETIC, FOR `npm run bench` ONLY. Never loaded into a real or demo database.
 *
 * A deterministic scale data set: 5,000 projects × 10 milestones, ~5 audit events per project,
 * with the reference data (counties and categories from lib/seed/facts.ts) the app needs; and the
 * reporting cycle behind the dashboard: two years of monthly periods (July 2024 – June 2026, the
 * last one current) with a report per project not in operation (approved, except a mix in the
 * last period), annual plans for 2025 and 2026 (frozen; monthly targets for projects under
 * construction), computed lights for the last six periods, a few overrides, ~2,000 problems of
 * every type, status and age, and the new-energy capacity target setting. The
 * same seed always yields the same rows (a seeded PRNG, no Math.random, no clock); only the
 * argon2 salt of the password hash differs between runs.
 *
 * Users: `bench` (dispatch, prefecture-wide) and `bench_lead` (a project lead who leads project
 * #1), both with BENCH_PASSWORD, plus responsible leaders, project leads and county viewers.
 *
 * Everything goes in one transaction through `tx` (using `db` inside a PGlite transaction waits
 * forever), in multi-row INSERTs of at most CHUNK rows. It expects a migrated, empty database:
 * because it fills the counties and projects tables, the app's seedIfEmpty() leaves it alone.
 */
import type { Db, Tx } from '@/db/client';
import * as s from '@/db/schema';
import { type MilestoneKind, type MilestoneStatus, type ProjectStatus, type Stage } from '@/db/schema/enums';
import { CATEGORIES, COUNTIES, NEW_ENERGY_CAPACITY_TARGET, PREFECTURE_NAME } from '@/lib/seed/facts';
import { hashPassword } from '@/lib/auth/password';
import { ensureDefaultRuleSet } from '@/lib/lights/rule-set-store';
import { moneyText, parseMoney, shareOf } from '@/lib/money';

export const BENCH_USERNAME = 'bench';
export const BENCH_LEAD_USERNAME = 'bench_lead';
export const BENCH_PASSWORD = 'bench-pass-2025';

/** The generator's fixed "today": milestones planned before it are mostly done. */
export const BENCH_AS_OF = '2026-06-30';

export interface GenerateOptions {
  projects?: number;
  milestonesPerProject?: number;
  /** Mean audit events per project (uniform in [mean-2, mean+2]). */
  auditPerProject?: number;
  seed?: number;
  /** Rows per INSERT statement. */
  chunk?: number;
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

// ── Deterministic PRNG ─────────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, good enough for test data, and the same on every platform. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

// ── Date helpers (UTC, plain YYYY-MM-DD strings) ───────────────────────────────────────────────

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const addDays = (d: string, n: number): string => iso(ms(d) + n * DAY);

// ── Vocabulary ─────────────────────────────────────────────────────────────────────────────────

/** Per category: what a project is called, its capacity unit, and a weight in the mix. */
const CATEGORY_SHAPE: Record<string, { zh: string; en: string; unit: string | null; weight: number }> = {
  transport: { zh: '公路工程', en: 'highway', unit: '公里', weight: 10 },
  water: { zh: '水库工程', en: 'reservoir', unit: '万立方米', weight: 6 },
  coal_power: { zh: '煤电项目', en: 'coal power plant', unit: '万千瓦', weight: 3 },
  pumped_storage: { zh: '抽水蓄能电站', en: 'pumped storage station', unit: '万千瓦', weight: 2 },
  wind: { zh: '风电场', en: 'wind farm', unit: '万千瓦', weight: 14 },
  solar: { zh: '光伏电站', en: 'solar PV plant', unit: '万千瓦', weight: 12 },
  wind_solar: { zh: '风光储一体化项目', en: 'wind-solar-storage project', unit: '万千瓦', weight: 8 },
  coal_mine: { zh: '煤矿项目', en: 'coal mine', unit: '万吨/年', weight: 4 },
  grid: { zh: '输变电工程', en: 'transmission project', unit: '千伏', weight: 7 },
  logistics: { zh: '物流园区', en: 'logistics park', unit: null, weight: 6 },
  textile: { zh: '纺织产业园', en: 'textile park', unit: null, weight: 7 },
  mining: { zh: '矿产开发项目', en: 'mineral mining project', unit: '万吨/年', weight: 5 },
  agriculture: { zh: '农业产业化项目', en: 'agricultural project', unit: '万亩', weight: 9 },
  tourism: { zh: '文旅项目', en: 'tourism project', unit: null, weight: 7 },
};

const STAGE_MIX: readonly (readonly [Stage, number])[] = [
  ['preliminary', 25],
  ['construction', 50],
  ['completed', 15],
  ['operating', 10],
];
const STATUS_MIX: readonly (readonly [ProjectStatus, number])[] = [
  ['on_track', 65],
  ['at_risk', 18],
  ['delayed', 12],
  ['suspended', 5],
];

/** The ten milestone steps of a project, in order, as fractions of its schedule. */
const STEPS: readonly { kind: MilestoneKind; zh: string; en: string; at: number }[] = [
  { kind: 'approval', zh: '项目核准（备案）', en: 'Project approval', at: -0.08 },
  { kind: 'other', zh: '用地预审与规划选址', en: 'Land use and siting approval', at: -0.04 },
  { kind: 'start_works', zh: '开工建设', en: 'Start of works', at: 0 },
  { kind: 'main_works', zh: '场平及基础工程完成', en: 'Site and foundations complete', at: 0.18 },
  { kind: 'main_works', zh: '主体结构完成', en: 'Main structure complete', at: 0.42 },
  { kind: 'main_works', zh: '设备安装完成', en: 'Equipment installed', at: 0.62 },
  { kind: 'grid_connection', zh: '首批并网（投用）', en: 'First part in service', at: 0.78 },
  { kind: 'first_unit', zh: '全面建成', en: 'Fully built', at: 0.9 },
  { kind: 'other', zh: '专项验收', en: 'Special acceptances', at: 0.96 },
  { kind: 'completion', zh: '竣工验收', en: 'Final acceptance', at: 1 },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建林红燕宇浩凯斌波宁琳晨欣海峰亮成俊健飞彬婷雪';

function personName(i: number): string {
  const sn = SURNAMES[i % SURNAMES.length]!;
  const g1 = GIVEN[(i * 7) % GIVEN.length]!;
  const g2 = GIVEN[(i * 13 + 5) % GIVEN.length]!;
  return i % 3 === 0 ? `${sn}${g1}` : `${sn}${g1}${g2}`;
}

const RESP_UNIT_KINDS = [
  ['发展和改革委员会', 'Development and Reform Commission'],
  ['交通运输局', 'Transport Bureau'],
  ['水利局', 'Water Resources Bureau'],
  ['工业和信息化局', 'Industry and IT Bureau'],
  ['自然资源局', 'Natural Resources Bureau'],
  ['商务局', 'Commerce Bureau'],
  ['农业农村局', 'Agriculture and Rural Affairs Bureau'],
  ['文化体育广播电视和旅游局', 'Culture and Tourism Bureau'],
] as const;

const OWNER_KINDS = [
  ['新能源有限公司', 'New Energy Co.'],
  ['建设投资有限公司', 'Construction Investment Co.'],
  ['能源开发有限公司', 'Energy Development Co.'],
  ['矿业有限公司', 'Mining Co.'],
  ['产业发展有限公司', 'Industrial Development Co.'],
] as const;

// ── Insertion ──────────────────────────────────────────────────────────────────────────────────

async function insertChunks<T>(rows: T[], chunk: number, insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

/**
 * Fills a migrated, empty database with the benchmark data set. Deterministic for a given seed
 * and sizes. Returns what it wrote.
 */
export async function generate(db: Db, opts: GenerateOptions = {}): Promise<GenerateSummary> {
  const nProjects = opts.projects ?? 5000;
  const perProject = Math.min(opts.milestonesPerProject ?? 10, STEPS.length);
  const auditMean = opts.auditPerProject ?? 5;
  const chunk = opts.chunk ?? 1000;
  const log = opts.log ?? (() => {});
  const rnd = prng(opts.seed ?? 20250101);

  // argon2 is slow on purpose: hash once, outside the transaction. Every generated user shares
  // the hash (and so the password); only bench and bench_lead are meant to sign in.
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  return db.transaction(async (tx: Tx) => {
    // Reference data: the report's counties and categories (facts), and the prefecture name.
    const countyRows = await tx
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
    for (const [zh, en] of RESP_UNIT_KINDS) {
      unitValues.push({ nameZh: `塔城地区${zh}`, nameEn: `Tacheng Prefecture ${en}`, kind: 'responsible' });
    }
    for (const c of countyRows) {
      unitValues.push({ nameZh: `${c.nameZh}人民政府`, nameEn: `${c.nameEn} People's Government`, kind: 'responsible' });
      for (const [zh, en] of RESP_UNIT_KINDS.slice(0, 3)) {
        unitValues.push({ nameZh: `${c.nameZh}${zh}`, nameEn: `${c.nameEn} ${en}`, kind: 'responsible' });
      }
    }
    for (let i = 1; i <= 150; i++) {
      const [zh, en] = OWNER_KINDS[i % OWNER_KINDS.length]!;
      const county = countyRows[i % countyRows.length]!;
      unitValues.push({
        nameZh: `${county.nameZh.slice(0, 2)}第${i}${zh}`,
        nameEn: `${county.nameEn.split(' ')[0]} No. ${i} ${en}`,
        kind: 'owner',
      });
    }
    const unitRows = await tx.insert(s.units).values(unitValues).returning({ id: s.units.id, kind: s.units.kind });
    const responsibleUnits = unitRows.filter((u) => u.kind === 'responsible').map((u) => u.id);
    const ownerUnits = unitRows.filter((u) => u.kind === 'owner').map((u) => u.id);

    // Users.
    const userValues: (typeof s.users.$inferInsert)[] = [
      { username: BENCH_USERNAME, displayName: '压测调度员', passwordHash, role: 'dispatch', unitId: responsibleUnits[0]! },
      { username: BENCH_LEAD_USERNAME, displayName: '压测项目负责人', passwordHash, role: 'lead', unitId: responsibleUnits[0]! },
    ];
    for (let i = 1; i <= 12; i++) {
      userValues.push({ username: `bench_leader${i}`, displayName: `${personName(i)}（行署）`, passwordHash, role: 'leader' });
    }
    for (let i = 1; i <= 120; i++) {
      const county = i % 4 === 0 ? countyRows[i % countyRows.length]! : null;
      userValues.push({
        username: `bench_lead${i}`,
        displayName: `${personName(100 + i)}（${county ? county.nameZh : '地区'}）`,
        passwordHash,
        role: 'lead',
        countyId: county?.id ?? null,
        unitId: responsibleUnits[i % responsibleUnits.length]!,
      });
    }
    countyRows.forEach((c, i) => {
      userValues.push({
        username: `bench_viewer_${c.code}`,
        displayName: `${personName(300 + i)}（${c.nameZh}）`,
        passwordHash,
        role: 'viewer',
        countyId: c.id,
      });
    });
    const userRows = await tx
      .insert(s.users)
      .values(userValues)
      .returning({ id: s.users.id, username: s.users.username, role: s.users.role, displayName: s.users.displayName });
    const benchUser = userRows.find((u) => u.username === BENCH_USERNAME)!;
    const benchLead = userRows.find((u) => u.username === BENCH_LEAD_USERNAME)!;
    const leaders = userRows.filter((u) => u.role === 'leader');
    const leads = userRows.filter((u) => u.role === 'lead' && u.id !== benchLead.id);
    log(`reference data: ${countyRows.length} counties, ${unitRows.length} units, ${userRows.length} users`);

    // Projects.
    const categoryMix = CATEGORIES.map((c) => [c.code, CATEGORY_SHAPE[c.code]?.weight ?? 5] as const);
    type ProjectPlan = { start: string; end: string; stage: Stage; leadId: number; leadName: string };
    const plans: ProjectPlan[] = [];
    const projectValues: (typeof s.projects.$inferInsert)[] = [];
    for (let i = 1; i <= nProjects; i++) {
      const categoryCode = rnd.weighted(categoryMix);
      const shape = CATEGORY_SHAPE[categoryCode] ?? { zh: '项目', en: 'project', unit: null, weight: 1 };
      const county = rnd.next() < 0.12 ? null : rnd.pick(countyRows);
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
      const lead = i === 1 ? benchLead : rnd.pick(leads);
      const place = county ? county.nameZh : '塔城地区';
      const placeEn = county ? county.nameEn : 'Tacheng Prefecture';
      const cap = capacity && shape.unit ? `${Number(capacity)}${shape.unit}` : '';
      projectValues.push({
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
        responsibleLeaderId: rnd.pick(leaders).id,
        responsibleUnitId: rnd.pick(responsibleUnits),
        ownerUnitId: rnd.pick(ownerUnits),
        projectLeadId: lead.id,
        targetYear: 2025 + (i % 2),
        annualTarget: stage === 'preliminary' ? '年内开工建设' : stage === 'construction' ? '年内建成投运' : '稳定运行',
        sources: {},
        createdAt: new Date(ms('2025-01-02') + (i % 300) * DAY),
        updatedAt: new Date(ms('2026-01-05') + (i % 170) * DAY + (i % 86_400) * 1000),
      });
      plans.push({ start, end, stage, leadId: lead.id, leadName: lead.displayName });
    }
    const projectIds: number[] = [];
    await insertChunks(projectValues, chunk, async (part) => {
      const rows = await tx.insert(s.projects).values(part).returning({ id: s.projects.id });
      projectIds.push(...rows.map((r) => r.id));
    });
    log(`projects: ${projectIds.length}`);

    // Milestones: ten steps spread over each project's schedule, their state judged at BENCH_AS_OF.
    const milestoneValues: (typeof s.milestones.$inferInsert)[] = [];
    for (let p = 0; p < projectIds.length; p++) {
      const plan = plans[p]!;
      const span = (ms(plan.end) - ms(plan.start)) / DAY;
      let previousOpen = false;
      for (let k = 0; k < perProject; k++) {
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
        milestoneValues.push({
          projectId: projectIds[p]!,
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
    }
    const milestoneIds: number[] = [];
    await insertChunks(milestoneValues, chunk, async (part) => {
      const rows = await tx.insert(s.milestones).values(part).returning({ id: s.milestones.id });
      milestoneIds.push(...rows.map((r) => r.id));
    });
    log(`milestones: ${milestoneIds.length}`);

    // Audit history: a create event, milestone updates and a project update per project, in
    // time order, as the app's actions would have written them.
    const auditValues: (typeof s.auditEvents.$inferInsert)[] = [];
    for (let p = 0; p < projectIds.length; p++) {
      const projectId = projectIds[p]!;
      const plan = plans[p]!;
      const n = Math.max(1, auditMean + rnd.int(-2, 2));
      let at = ms('2025-01-02') + (p % 300) * DAY + 9 * 3600_000;
      auditValues.push({
        at: new Date(at),
        actorId: benchUser.id,
        actorName: benchUser.displayName,
        action: 'project.create',
        entityType: 'project',
        entityId: String(projectId),
        projectId,
        before: null,
        after: { code: projectValues[p]!.code, name: projectValues[p]!.name, stage: plan.stage },
      });
      for (let e = 1; e < n; e++) {
        at += rnd.int(3, 60) * DAY + rnd.int(0, 8 * 3600) * 1000;
        if (e === n - 1 && rnd.next() < 0.5) {
          auditValues.push({
            at: new Date(at),
            actorId: benchUser.id,
            actorName: benchUser.displayName,
            action: 'project.update',
            entityType: 'project',
            entityId: String(projectId),
            projectId,
            before: { status: 'on_track' },
            after: { status: projectValues[p]!.status },
          });
          continue;
        }
        const k = Math.min(perProject - 1, e - 1);
        const milestoneId = milestoneIds[p * perProject + k]!;
        const m = milestoneValues[p * perProject + k]!;
        auditValues.push({
          at: new Date(at),
          actorId: plan.leadId,
          actorName: plan.leadName,
          action: 'milestone.update',
          entityType: 'milestone',
          entityId: String(milestoneId),
          projectId,
          before: { status: 'not_started', forecastDate: null },
          after: { status: m.status ?? 'in_progress', forecastDate: m.forecastDate ?? m.plannedDate, note: '按计划推进' },
        });
      }
    }
    await insertChunks(auditValues, chunk, (part) => tx.insert(s.auditEvents).values(part));
    log(`audit events: ${auditValues.length}`);

    const cycle = await generateReportingCycle(tx, {
      chunk,
      projectIds,
      projects: projectValues,
      benchUserId: benchUser.id,
      leaderIds: leaders.map((l) => l.id),
      responsibleUnits,
      log,
    });

    return {
      projects: projectIds.length,
      milestones: milestoneIds.length,
      auditEvents: auditValues.length,
      users: userRows.length,
      units: unitRows.length,
      ...cycle,
      firstProjectId: projectIds[0]!,
    };
  });
}

// ── The reporting cycle (for the dashboard) ────────────────────────────────────────────────────

/** Share of the year's works per month, per mille (construction season March–November). */
const SEASON = [0, 0, 60, 100, 130, 140, 140, 140, 130, 100, 60, 0] as const;

function seasonal(annual: string): string[] {
  const cents = parseMoney(annual);
  const parts = SEASON.map((pm) => (cents * BigInt(pm)) / 1000n);
  parts[10] = parts[10]! + (cents - parts.reduce((a, b) => a + b, 0n));
  return parts.map(moneyText);
}

const monthEnd = (y: number, m: number): string => iso(Date.UTC(y, m, 0));

/**
 * Two years of monthly periods up to BENCH_AS_OF with their reports, the annual plans, lights,
 * overrides and problems. Its own PRNG, so the projects and milestones above stay as they were.
 */
async function generateReportingCycle(
  tx: Tx,
  ctx: {
    chunk: number;
    projectIds: number[];
    projects: (typeof s.projects.$inferInsert)[];
    benchUserId: number;
    leaderIds: number[];
    responsibleUnits: number[];
    log: (msg: string) => void;
  },
): Promise<{ periods: number; reports: number; plans: number; lights: number; problems: number }> {
  const rnd = prng(20250701);
  const { chunk, projectIds, projects, log } = ctx;
  const reporting = projectIds.map((id, i) => ({ id, p: projects[i]! })).filter((x) => x.p.stage !== 'operating');

  // 24 monthly periods: July 2024 … June 2026 (BENCH_AS_OF's month is the last, the current one).
  const periodValues: (typeof s.reportingPeriods.$inferInsert)[] = [];
  for (let k = 0; k < 24; k++) {
    const y = 2024 + Math.floor((6 + k) / 12);
    const m = ((6 + k) % 12) + 1;
    const mm = String(m).padStart(2, '0');
    const next = m === 12 ? `${y + 1}-01-05` : `${y}-${String(m + 1).padStart(2, '0')}-05`;
    periodValues.push({
      kind: 'monthly',
      startDate: `${y}-${mm}-01`,
      endDate: monthEnd(y, m),
      dueDate: next,
      openedById: ctx.benchUserId,
      openedAt: new Date(ms(`${y}-${mm}-01`) + 9 * 3600_000),
    });
  }
  const periods = await tx
    .insert(s.reportingPeriods)
    .values(periodValues)
    .returning({ id: s.reportingPeriods.id, endDate: s.reportingPeriods.endDate });
  const last = periods.length - 1;

  const reportValues: (typeof s.reports.$inferInsert)[] = [];
  periods.forEach((period, k) => {
    const submitted = new Date(ms(period.endDate) + 3 * DAY + 10 * 3600_000);
    for (const { id, p } of reporting) {
      const status =
        k < last
          ? 'approved'
          : rnd.weighted([
              ['approved', 60],
              ['submitted', 15],
              ['draft', 15],
              ['returned', 10],
            ] as const);
      // A twelfth of the plan × 0.3–1.3, to the cent by lib/money's rule.
      const monthly = moneyText(shareOf(parseMoney(p.annualPlannedInvestment ?? '0'), Math.round((0.3 + rnd.next()) * 1e6), 12e6));
      reportValues.push({
        periodId: period.id,
        projectId: id,
        status,
        investmentThisPeriod: status === 'draft' ? null : monthly,
        physicalProgress: status === 'draft' ? null : '按计划推进主体工程施工',
        percentComplete: status === 'draft' ? null : Math.min(100, k * 4 + rnd.int(0, 10)),
        submittedAt: status === 'draft' ? null : submitted,
        submittedById: status === 'draft' ? null : ctx.benchUserId,
        late: status !== 'draft' && rnd.next() < 0.08,
        reviewedAt: status === 'approved' || status === 'returned' ? new Date(submitted.getTime() + 2 * DAY) : null,
        reviewedById: status === 'approved' || status === 'returned' ? ctx.benchUserId : null,
        reviewComment: status === 'returned' ? '请补充现场照片和投资完成佐证材料' : null,
        createdAt: new Date(ms(period.endDate) - 20 * DAY),
        updatedAt: submitted,
      });
    }
  });
  await insertChunks(reportValues, chunk, (part) => tx.insert(s.reports).values(part));
  log(`periods: ${periods.length}, reports: ${reportValues.length}`);

  // Annual plans for 2025 and 2026, both frozen (the baseline), seasonal targets under construction.
  const planValues: (typeof s.annualPlans.$inferInsert)[] = [];
  for (const year of [2025, 2026]) {
    const frozenAt = new Date(`${year}-01-15T02:00:00Z`);
    for (const { id, p } of reporting) {
      const planned = p.annualPlannedInvestment ?? '0.00';
      const monthly = p.stage === 'construction' ? seasonal(planned) : null;
      planValues.push({
        projectId: id,
        year,
        plannedInvestment: planned,
        monthlyTargets: monthly,
        frozenInvestment: planned,
        frozenMonthlyTargets: monthly,
        frozenAt,
        updatedById: ctx.benchUserId,
        createdAt: frozenAt,
        updatedAt: frozenAt,
      });
    }
    await tx
      .insert(s.baselineFreezes)
      .values({ year, frozenAt, frozenById: ctx.benchUserId, planCount: reporting.length, milestoneCount: 0 });
  }
  await insertChunks(planValues, chunk, (part) => tx.insert(s.annualPlans).values(part));

  // Lights for the last six periods, with the default rule set; a few overrides.
  const ruleSet = await ensureDefaultRuleSet(tx);
  const lightValues: (typeof s.projectLights.$inferInsert)[] = [];
  for (const period of periods.slice(-6)) {
    for (const { id } of reporting) {
      lightValues.push({
        projectId: id,
        periodId: period.id,
        light: rnd.weighted([
          ['green', 60],
          ['yellow', 25],
          ['red', 15],
        ] as const),
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        computedAt: new Date(ms(period.endDate) + 6 * DAY),
        computedById: ctx.benchUserId,
      });
    }
  }
  await insertChunks(lightValues, chunk, (part) => tx.insert(s.projectLights).values(part));
  const overrideValues: (typeof s.lightOverrides.$inferInsert)[] = reporting
    .filter((_, i) => i % 100 === 7)
    .map(({ id }, i) => ({
      projectId: id,
      light: i % 2 ? ('red' as const) : ('yellow' as const),
      reason: '包抓领导现场调度后调整',
      startsOn: '2026-06-01',
      // Some have ended already; the others run to the end of the year.
      endsOn: i % 3 === 0 ? '2026-06-20' : '2026-12-31',
      createdById: ctx.benchUserId,
      createdAt: new Date('2026-06-01T03:00:00Z'),
    }));
  if (overrideValues.length) await tx.insert(s.lightOverrides).values(overrideValues);
  log(`plans: ${planValues.length}, lights: ${lightValues.length}, overrides: ${overrideValues.length}`);

  // Problems: about 0.4 per project, raised up to 400 days before BENCH_AS_OF.
  const types = ['land', 'funding', 'approvals', 'power', 'water', 'other'] as const;
  const problemValues: (typeof s.problems.$inferInsert)[] = [];
  for (const { id, p } of reporting) {
    if (rnd.next() >= 0.4) continue;
    const raised = addDays(BENCH_AS_OF, -rnd.int(0, 400));
    const status = rnd.weighted([
      ['open', 30],
      ['in_progress', 30],
      ['resolved', 15],
      ['closed', 25],
    ] as const);
    const done = status === 'resolved' || status === 'closed';
    problemValues.push({
      projectId: id,
      description: '项目用地报批、资金到位或配套条件存在困难，需协调解决',
      type: rnd.pick(types),
      responsibleUnitId: p.responsibleUnitId ?? rnd.pick(ctx.responsibleUnits),
      responsibleLeaderId: p.responsibleLeaderId ?? rnd.pick(ctx.leaderIds),
      deadline: addDays(raised, rnd.int(15, 120)),
      status,
      resolution: done ? '已协调相关部门解决' : null,
      raisedById: ctx.benchUserId,
      resolvedAt: done ? new Date(ms(raised) + 30 * DAY) : null,
      closedAt: status === 'closed' ? new Date(ms(raised) + 40 * DAY) : null,
      createdAt: new Date(ms(raised) + 10 * 3600_000),
      updatedAt: new Date(ms(raised) + 10 * 3600_000),
    });
  }
  await insertChunks(problemValues, chunk, (part) => tx.insert(s.problems).values(part));
  log(`problems: ${problemValues.length}`);

  return {
    periods: periods.length,
    reports: reportValues.length,
    plans: planValues.length,
    lights: lightValues.length,
    problems: problemValues.length,
  };
}
