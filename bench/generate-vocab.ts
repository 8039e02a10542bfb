/**
 * BENCHMARK DATA — SYNTHETIC, FOR `npm run bench` ONLY. The generator's building blocks: a seeded
 * PRNG, plain date arithmetic and the vocabulary projects are named from (bench/generate.ts).
 */
import { type MilestoneKind, type ProjectStatus, type Stage } from '@/db/schema/enums';
import { moneyText, parseMoney } from '@/lib/money';

// ── Deterministic PRNG ─────────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, good enough for test data, and the same on every platform. */
function prng(seed: number) {
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

/** The generator's fixed "today": milestones planned before it are mostly done. */
export const BENCH_AS_OF = '2026-06-30';

export const DAY = 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
export const addDays = (d: string, n: number): string => iso(ms(d) + n * DAY);

// ── Vocabulary ─────────────────────────────────────────────────────────────────────────────────

/** Per category: what a project is called, its capacity unit, and a weight in the mix. */
export const CATEGORY_SHAPE: Record<string, { zh: string; en: string; unit: string | null; weight: number }> = {
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

export const STAGE_MIX: readonly (readonly [Stage, number])[] = [
  ['preliminary', 25],
  ['construction', 50],
  ['completed', 15],
  ['operating', 10],
];
export const STATUS_MIX: readonly (readonly [ProjectStatus, number])[] = [
  ['on_track', 65],
  ['at_risk', 18],
  ['delayed', 12],
  ['suspended', 5],
];

/** The ten milestone steps of a project, in order, as fractions of its schedule. */
export const STEPS: readonly { kind: MilestoneKind; zh: string; en: string; at: number }[] = [
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

export function personName(i: number): string {
  const sn = SURNAMES[i % SURNAMES.length]!;
  const g1 = GIVEN[(i * 7) % GIVEN.length]!;
  const g2 = GIVEN[(i * 13 + 5) % GIVEN.length]!;
  return i % 3 === 0 ? `${sn}${g1}` : `${sn}${g1}${g2}`;
}

export const RESP_UNIT_KINDS = [
  ['发展和改革委员会', 'Development and Reform Commission'],
  ['交通运输局', 'Transport Bureau'],
  ['水利局', 'Water Resources Bureau'],
  ['工业和信息化局', 'Industry and IT Bureau'],
  ['自然资源局', 'Natural Resources Bureau'],
  ['商务局', 'Commerce Bureau'],
  ['农业农村局', 'Agriculture and Rural Affairs Bureau'],
  ['文化体育广播电视和旅游局', 'Culture and Tourism Bureau'],
] as const;

export const OWNER_KINDS = [
  ['新能源有限公司', 'New Energy Co.'],
  ['建设投资有限公司', 'Construction Investment Co.'],
  ['能源开发有限公司', 'Energy Development Co.'],
  ['矿业有限公司', 'Mining Co.'],
  ['产业发展有限公司', 'Industrial Development Co.'],
] as const;

/** Share of the year's works per month, per mille (construction season March–November). */
const SEASON = [0, 0, 60, 100, 130, 140, 140, 140, 130, 100, 60, 0] as const;

export function seasonal(annual: string): string[] {
  const cents = parseMoney(annual);
  const parts = SEASON.map((pm) => (cents * BigInt(pm)) / 1000n);
  parts[10] = parts[10]! + (cents - parts.reduce((a, b) => a + b, 0n));
  return parts.map(moneyText);
}

export const monthEnd = (y: number, m: number): string => iso(Date.UTC(y, m, 0));

/**
 * An independent stream per project: project i's rows are the same whatever the batch size,
 * so generating in batches (bench/generate.ts) changes no row.
 */
export function projectPrng(seed: number, i: number, stream: number) {
  return prng((seed ^ Math.imul(i, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0);
}

export type Rnd = ReturnType<typeof prng>;
