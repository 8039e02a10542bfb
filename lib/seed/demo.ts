/**
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * DEMO DATA — ILLUSTRATIVE ONLY. NOT FROM THE GOVERNMENT WORK REPORT.
 *
 * Units, users, investment amounts, dates, statuses, leaders and milestones below are made up
 * so that the application has something realistic to show. The report gives none of them.
 * Every project field set from here is marked `sources[field] = { kind: 'demo' }`, and the
 * whole set is left out when seeding with `demo: false` (production starts from facts only).
 *
 * Deterministic: no Math.random and no clock. Values derive from a PRNG seeded by the project
 * code, and "past/future" is judged against the fixed date DEMO_AS_OF.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import type { AgencyKind } from '@/db/schema/enums';
import type { MilestoneKind, MilestoneStatus, ProjectStatus, Role } from '@/db/schema';
import { PROJECTS, type ProjectFact } from './facts';

/** The password of every demo user. */
export const DEMO_PASSWORD = 'demo2025';

/** The demo's "today": milestones before it are done (or delayed), after it are planned. */
export const DEMO_AS_OF = '2026-11-15';

/**
 * An illustrative capacity baseline (new-energy capacity connected before the demo year outside
 * the registry), so the panel shows the sum; its source says it is demo data. The facts leave it unset.
 */
export const DEMO_CAPACITY_BASELINE = {
  year: Number(DEMO_AS_OF.slice(0, 4)),
  amount: '420.00',
  source: '示例数据：非实际统计，仅供演示',
} as const;

/** The project fields the demo set fills (each gets sources[field] = { kind: 'demo' }). */
export const DEMO_PROJECT_FIELDS = [
  'totalInvestment',
  'annualPlannedInvestment',
  'startDate',
  'plannedCompletionDate',
  'status',
  'responsibleLeaderId',
  'responsibleUnitId',
  'ownerUnitId',
  'projectLeadId',
] as const;

// ── Units ───────────────────────────────────────────────────────────────────────────────────

export interface DemoUnit {
  key: string;
  nameZh: string;
  nameEn: string;
  kind: 'responsible' | 'owner';
  /** The kind of approving agency it is (手续联办), if any. */
  agencyKind?: AgencyKind;
}

const R = 'responsible' as const;
const O = 'owner' as const;

export const DEMO_UNITS: readonly DemoUnit[] = [
  {
    key: 'fgw',
    kind: R,
    agencyKind: 'development_reform',
    nameZh: '塔城地区发展和改革委员会',
    nameEn: 'Tacheng Prefecture Development and Reform Commission',
  },
  { key: 'jtj', kind: R, agencyKind: 'transport', nameZh: '塔城地区交通运输局', nameEn: 'Tacheng Prefecture Transport Bureau' },
  { key: 'slj', kind: R, agencyKind: 'water', nameZh: '塔城地区水利局', nameEn: 'Tacheng Prefecture Water Resources Bureau' },
  { key: 'gxj', kind: R, nameZh: '塔城地区工业和信息化局', nameEn: 'Tacheng Prefecture Industry and IT Bureau' },
  {
    key: 'zrj',
    kind: R,
    agencyKind: 'natural_resources',
    nameZh: '塔城地区自然资源局',
    nameEn: 'Tacheng Prefecture Natural Resources Bureau',
  },
  { key: 'swj', kind: R, nameZh: '塔城地区商务局', nameEn: 'Tacheng Prefecture Commerce Bureau' },
  { key: 'kab', kind: R, nameZh: '塔城地区口岸管理办公室', nameEn: 'Tacheng Prefecture Port Administration Office' },
  { key: 'nyj', kind: R, nameZh: '塔城地区农业农村局', nameEn: 'Tacheng Prefecture Agriculture and Rural Affairs Bureau' },
  {
    key: 'lyj',
    kind: R,
    nameZh: '塔城地区文化体育广播电视和旅游局',
    nameEn: 'Tacheng Prefecture Culture, Sports, Radio, TV and Tourism Bureau',
  },
  {
    key: 'sthj',
    kind: R,
    agencyKind: 'ecology_environment',
    nameZh: '塔城地区生态环境局',
    nameEn: 'Tacheng Prefecture Ecology and Environment Bureau',
  },
  {
    key: 'lcj',
    kind: R,
    agencyKind: 'forestry_grassland',
    nameZh: '塔城地区林业和草原局',
    nameEn: 'Tacheng Prefecture Forestry and Grassland Bureau',
  },
  {
    key: 'zjj',
    kind: R,
    agencyKind: 'housing_construction',
    nameZh: '塔城地区住房和城乡建设局',
    nameEn: 'Tacheng Prefecture Housing and Construction Bureau',
  },
  { key: 'wwj', kind: R, agencyKind: 'cultural_relics', nameZh: '塔城地区文物局', nameEn: 'Tacheng Prefecture Cultural Relics Bureau' },
  { key: 'emin_gov', kind: R, nameZh: '额敏县人民政府', nameEn: 'Emin County People’s Government' },
  { key: 'shawan_gov', kind: R, nameZh: '沙湾市人民政府', nameEn: 'Shawan City People’s Government' },
  { key: 'o_road', kind: O, nameZh: '塔城地区交通建设投资有限公司', nameEn: 'Tacheng Transport Construction Investment Co.' },
  {
    key: 'o_water',
    kind: O,
    nameZh: '塔城地区重点水利工程建设管理中心',
    nameEn: 'Tacheng Key Water Projects Construction Management Center',
  },
  { key: 'o_spic', kind: O, nameZh: '国家电投集团塔城煤电有限公司', nameEn: 'SPIC Tacheng Coal Power Co.' },
  { key: 'o_psh', kind: O, nameZh: '额敏抽水蓄能有限公司', nameEn: 'Emin Pumped Storage Co.' },
  { key: 'o_goldwind', kind: O, nameZh: '金风科技托里新能源有限公司', nameEn: 'Goldwind Toli New Energy Co.' },
  { key: 'o_powerchina', kind: O, nameZh: '中电建新能源塔城有限公司', nameEn: 'PowerChina New Energy Tacheng Co.' },
  { key: 'o_sany', kind: O, nameZh: '三一重能塔城新能源有限公司', nameEn: 'Sany Renewable Energy Tacheng Co.' },
  { key: 'o_shenergy', kind: O, nameZh: '申能塔城新能源有限公司', nameEn: 'Shenergy Tacheng New Energy Co.' },
  { key: 'o_chnenergy', kind: O, nameZh: '国家能源集团塔城新能源有限公司', nameEn: 'CHN Energy Tacheng New Energy Co.' },
  { key: 'o_coal', kind: O, nameZh: '塔城地区煤炭开发有限公司', nameEn: 'Tacheng Coal Development Co.' },
  {
    key: 'o_grid',
    kind: O,
    agencyKind: 'grid',
    nameZh: '国网新疆电力有限公司塔城供电公司',
    nameEn: 'State Grid Xinjiang Tacheng Power Supply Co.',
  },
  { key: 'o_logistics', kind: O, nameZh: '塔城地区现代物流投资有限公司', nameEn: 'Tacheng Modern Logistics Investment Co.' },
  { key: 'o_port', kind: O, nameZh: '塔城地区口岸建设发展有限公司', nameEn: 'Tacheng Port Construction and Development Co.' },
  { key: 'o_textile', kind: O, nameZh: '塔城地区纺织产业投资有限公司', nameEn: 'Tacheng Textile Industry Investment Co.' },
  { key: 'o_mining', kind: O, nameZh: '塔城地区矿业开发有限公司', nameEn: 'Tacheng Mining Development Co.' },
  { key: 'o_seed', kind: O, nameZh: '塔城地区种业发展有限公司', nameEn: 'Tacheng Seed Industry Development Co.' },
  { key: 'o_tourism', kind: O, nameZh: '塔城地区文化旅游投资集团有限公司', nameEn: 'Tacheng Culture and Tourism Investment Group' },
  { key: 'o_cssc', kind: O, nameZh: '中船塔城新能源有限公司', nameEn: 'CSSC Tacheng New Energy Co.' },
  { key: 'o_park', kind: O, nameZh: '塔城地区试验区开发建设有限公司', nameEn: 'Tacheng Pilot Zone Development Co.' },
];

// ── Users ───────────────────────────────────────────────────────────────────────────────────

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** County code (facts.COUNTIES) for a county-scoped user; null = prefecture-wide. */
  countyCode: string | null;
  unitKey: string | null;
}

/** Invented people: each name says 示例 (issue 14 §5), so no one takes one for a real official. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', countyCode: null, unitKey: null },
  { username: 'dispatch', displayName: '张伟（示例·调度办）', role: 'dispatch', countyCode: null, unitKey: 'fgw' },
  { username: 'leader', displayName: '王振华（示例·行署副专员）', role: 'leader', countyCode: null, unitKey: null },
  { username: 'leader2', displayName: '李建新（示例·行署副专员）', role: 'leader', countyCode: null, unitKey: null },
  { username: 'leader3', displayName: '马海燕（示例·行署副专员）', role: 'leader', countyCode: null, unitKey: null },
  { username: 'lead', displayName: '刘洋（示例·地区交通运输局）', role: 'lead', countyCode: null, unitKey: 'jtj' },
  { username: 'lead2', displayName: '陈静（示例·地区发改委）', role: 'lead', countyCode: null, unitKey: 'fgw' },
  { username: 'lead3', displayName: '孙磊（示例·地区工信局）', role: 'lead', countyCode: null, unitKey: 'gxj' },
  { username: 'lead4', displayName: '周敏（示例·地区商务局）', role: 'lead', countyCode: null, unitKey: 'swj' },
  { username: 'viewer', displayName: '赵丽（示例·行署督查室）', role: 'viewer', countyCode: null, unitKey: null },
  { username: 'emin', displayName: '叶尔兰（示例·额敏县）', role: 'viewer', countyCode: 'emin', unitKey: 'emin_gov' },
  { username: 'emin_lead', displayName: '马军（示例·额敏县发改委）', role: 'lead', countyCode: 'emin', unitKey: 'emin_gov' },
  { username: 'zrj', displayName: '吴刚（示例·地区自然资源局）', role: 'department', countyCode: null, unitKey: 'zrj' },
  { username: 'sthj', displayName: '郑燕（示例·地区生态环境局）', role: 'department', countyCode: null, unitKey: 'sthj' },
];

// ── Per-project assignments ─────────────────────────────────────────────────────────────────

interface Assignment {
  leader: string;
  lead: string;
  unit: string;
  owner: string;
  status: ProjectStatus;
}

const a = (leader: string, lead: string, unit: string, owner: string, status: ProjectStatus = 'on_track'): Assignment => ({
  leader,
  lead,
  unit,
  owner,
  status,
});

const ASSIGNMENTS: Readonly<Record<string, Assignment>> = {
  'TC2025-001': a('leader', 'lead', 'jtj', 'o_road'),
  'TC2025-002': a('leader', 'lead', 'jtj', 'o_road', 'at_risk'),
  'TC2025-003': a('leader', 'lead', 'jtj', 'o_road'),
  'TC2025-004': a('leader', 'lead', 'slj', 'o_water'),
  'TC2025-005': a('leader', 'lead', 'slj', 'o_water', 'delayed'),
  'TC2025-006': a('leader2', 'lead2', 'fgw', 'o_spic', 'at_risk'),
  'TC2025-007': a('leader2', 'emin_lead', 'emin_gov', 'o_psh', 'delayed'),
  'TC2025-008': a('leader2', 'lead2', 'fgw', 'o_goldwind'),
  'TC2025-009': a('leader2', 'emin_lead', 'emin_gov', 'o_powerchina'),
  'TC2025-010': a('leader2', 'lead', 'shawan_gov', 'o_powerchina'),
  'TC2025-011': a('leader2', 'lead2', 'fgw', 'o_sany'),
  'TC2025-012': a('leader2', 'lead2', 'fgw', 'o_shenergy'),
  'TC2025-013': a('leader2', 'lead2', 'fgw', 'o_chnenergy'),
  'TC2025-014': a('leader2', 'lead3', 'fgw', 'o_coal'),
  'TC2025-015': a('leader2', 'lead3', 'fgw', 'o_coal', 'delayed'),
  'TC2025-016': a('leader2', 'lead3', 'fgw', 'o_coal'),
  'TC2025-017': a('leader2', 'lead', 'fgw', 'o_grid', 'at_risk'),
  'TC2025-018': a('leader', 'lead4', 'swj', 'o_logistics'),
  'TC2025-019': a('leader', 'lead4', 'swj', 'o_logistics', 'at_risk'),
  'TC2025-020': a('leader', 'lead4', 'kab', 'o_port'),
  'TC2025-021': a('leader3', 'lead3', 'gxj', 'o_textile'),
  'TC2025-022': a('leader3', 'lead3', 'gxj', 'o_textile', 'at_risk'),
  'TC2025-023': a('leader3', 'lead3', 'gxj', 'o_textile'),
  'TC2025-024': a('leader3', 'lead2', 'zrj', 'o_mining'),
  'TC2025-025': a('leader3', 'lead2', 'zrj', 'o_mining', 'delayed'),
  'TC2025-026': a('leader3', 'lead2', 'zrj', 'o_mining'),
  'TC2025-027': a('leader3', 'lead2', 'zrj', 'o_mining'),
  'TC2025-028': a('leader3', 'lead4', 'nyj', 'o_seed', 'delayed'),
  'TC2025-029': a('leader', 'lead4', 'lyj', 'o_tourism'),
  'TC2025-030': a('leader2', 'lead2', 'fgw', 'o_spic'),
  'TC2025-031': a('leader', 'lead4', 'kab', 'o_port'),
  'TC2025-032': a('leader2', 'lead2', 'fgw', 'o_cssc'),
  'TC2025-033': a('leader', 'lead4', 'swj', 'o_logistics'),
  'TC2025-034': a('leader', 'lead3', 'gxj', 'o_park'),
  'TC2025-035': a('leader3', 'lead3', 'gxj', 'o_park'),
};

// ── Milestone templates per category ────────────────────────────────────────────────────────

/** m = months after the project's anchor date (its key 2025 milestone). */
type Step = { kind: MilestoneKind; zh: string; en: string; m: number };
interface Template {
  /** Range of the anchor month, 'YYYY-MM'. */
  anchor: readonly [string, string];
  /** Start of works / planned completion, months after the anchor. */
  start: number;
  end: number;
  /** Total investment range in 万元; per 万千瓦 of capacity when perCapacity. */
  invest: readonly [number, number];
  perCapacity?: boolean;
  steps: readonly Step[];
}

const st = (kind: MilestoneKind, zh: string, en: string, m: number): Step => ({ kind, zh, en, m });

const RENEWABLE = (build: [string, string], first: [string, string]): Step[] => [
  st('approval', '项目核准（备案）', 'Project approval', -17),
  st('start_works', '开工建设', 'Start of works', -14),
  st('main_works', build[0], build[1], -3),
  st('grid_connection', first[0], first[1], -2),
  st('grid_connection', '全容量并网', 'Full-capacity grid connection', 0),
  st('completion', '竣工验收', 'Final acceptance', 8),
];

const TEMPLATES: Readonly<Record<string, Template>> = {
  transport: {
    anchor: ['2025-08', '2025-11'],
    start: -30,
    end: 16,
    invest: [300000, 900000],
    steps: [
      st('main_works', '路基桥涵工程完工', 'Subgrade, bridges and culverts complete', -9),
      st('main_works', '路面工程完工', 'Pavement complete', -2),
      st('open_traffic', '建成通车', 'Open to traffic', 0),
      st('completion', '交工验收', 'Handover acceptance', 3),
      st('other', '竣工验收', 'Final acceptance', 16),
    ],
  },
  water: {
    anchor: ['2025-07', '2025-10'],
    start: -40,
    end: 22,
    invest: [150000, 450000],
    steps: [
      st('main_works', '大坝填筑到顶', 'Dam fill topped out', -6),
      st('other', '下闸蓄水阶段验收', 'Pre-impoundment acceptance', -1),
      st('impoundment', '下闸蓄水', 'Impoundment', 0),
      st('main_works', '输水及配套工程完工', 'Conveyance and ancillary works complete', 10),
      st('completion', '竣工验收', 'Final acceptance', 22),
    ],
  },
  coal_power: {
    anchor: ['2025-11', '2025-12'],
    start: -22,
    end: 14,
    invest: [900000, 1100000],
    steps: [
      st('main_works', '主厂房结构封顶', 'Main powerhouse structure topped out', -12),
      st('main_works', '1号锅炉水压试验', 'Unit 1 boiler hydrostatic test', -5),
      st('first_unit', '1号机组投产', 'Unit 1 in operation', 0),
      st('grid_connection', '2号机组并网发电', 'Unit 2 grid connection', 6),
      st('completion', '竣工验收', 'Final acceptance', 14),
    ],
  },
  pumped_storage: {
    anchor: ['2025-05', '2025-09'],
    start: 0,
    end: 72,
    invest: [850000, 980000],
    steps: [
      st('approval', '项目核准', 'Project approval', -5),
      st('start_works', '主体工程开工', 'Start of main works', 0),
      st('main_works', '地下厂房开挖完成', 'Underground powerhouse excavated', 18),
      st('main_works', '上水库大坝填筑完成', 'Upper reservoir dam fill complete', 28),
      st('first_unit', '首台机组投产发电', 'First unit in operation', 60),
    ],
  },
  wind: {
    anchor: ['2025-09', '2025-12'],
    start: -14,
    end: 8,
    invest: [4500, 5500],
    perCapacity: true,
    steps: RENEWABLE(['风机吊装完成', 'All turbines erected'], ['首批机组并网', 'First turbines connected']),
  },
  solar: {
    anchor: ['2025-09', '2025-12'],
    start: -14,
    end: 8,
    invest: [3500, 4200],
    perCapacity: true,
    steps: RENEWABLE(['光伏组件安装完成', 'PV modules installed'], ['首批光伏方阵并网', 'First PV arrays connected']),
  },
  wind_solar: {
    anchor: ['2025-09', '2025-12'],
    start: -14,
    end: 8,
    invest: [200000, 600000],
    steps: RENEWABLE(['风机吊装及光伏组件安装完成', 'Turbines and PV modules installed'], ['首批并网', 'First grid connection']),
  },
  coal_mine: {
    anchor: ['2025-08', '2025-12'],
    start: -36,
    end: 6,
    invest: [150000, 450000],
    steps: [
      st('main_works', '井巷（剥离）工程完工', 'Shafts and stripping complete', -8),
      st('main_works', '地面生产系统完工', 'Surface production system complete', -4),
      st('other', '联合试运转', 'Trial operation', -2),
      st('completion', '竣工验收、正式投产', 'Acceptance and start of production', 0),
      st('other', '达产达效', 'Design output reached', 6),
    ],
  },
  grid: {
    anchor: ['2024-07', '2024-10'],
    start: 0,
    end: 26,
    invest: [350000, 550000],
    steps: [
      st('start_works', '开工建设', 'Start of works', 0),
      st('main_works', '线路基础工程完成', 'Tower foundations complete', 8),
      st('main_works', '铁塔组立完成', 'Towers erected', 16),
      st('other', '架线及变电站设备安装完成', 'Stringing and substation equipment complete', 22),
      st('completion', '带电投运', 'Energised and in operation', 26),
    ],
  },
  logistics: {
    anchor: ['2024-06', '2024-12'],
    start: 0,
    end: 30,
    invest: [60000, 200000],
    steps: [
      st('start_works', '开工建设', 'Start of works', 0),
      st('main_works', '主体工程完工', 'Main works complete', 14),
      st('other', '配套设施完工', 'Ancillary facilities complete', 22),
      st('completion', '竣工验收投用', 'Acceptance and opening', 30),
    ],
  },
  textile: {
    anchor: ['2025-05', '2025-09'],
    start: 0,
    end: 18,
    invest: [30000, 160000],
    steps: [
      st('approval', '项目备案', 'Project registration', -5),
      st('other', '环评批复', 'Environmental impact approval', -2),
      st('start_works', '开工建设', 'Start of works', 0),
      st('main_works', '厂房主体封顶', 'Factory building topped out', 8),
      st('other', '设备安装调试', 'Equipment installation and commissioning', 14),
      st('completion', '建成投产', 'Start of production', 18),
    ],
  },
  mining: {
    anchor: ['2025-09', '2026-06'],
    start: 0,
    end: 24,
    invest: [40000, 250000],
    steps: [
      st('approval', '采矿许可及项目核准', 'Mining licence and project approval', -6),
      st('start_works', '开工建设', 'Start of works', 0),
      st('main_works', '基建剥离及井巷工程完工', 'Development stripping and shafts complete', 15),
      st('completion', '建成投产', 'Start of production', 24),
    ],
  },
  agriculture: {
    anchor: ['2025-09', '2025-11'],
    start: -12,
    end: 6,
    invest: [30000, 80000],
    steps: [
      st('start_works', '开工建设', 'Start of works', -12),
      st('main_works', '田间工程及节水设施完工', 'Field works and water-saving facilities complete', -4),
      st('completion', '完成建设并通过验收', 'Construction complete and accepted', 0),
      st('other', '制种基地投入生产', 'Seed base in production', 6),
    ],
  },
  tourism: {
    anchor: ['2026-06', '2026-12'],
    start: -24,
    end: 0,
    invest: [20000, 60000],
    steps: [
      st('other', '创建提升规划批复', 'Upgrade plan approved', -18),
      st('main_works', '游客服务中心及景区道路提升完工', 'Visitor centre and scenic roads upgraded', -8),
      st('other', '通过5A级景观质量评审', '5A landscape quality review passed', -4),
      st('completion', '通过国家5A级旅游景区评定', 'Rated national 5A tourist attraction', 0),
    ],
  },
};

/** Categories that borrow another category's template (the report gives no type for them). */
const TEMPLATE_OF: Readonly<Record<string, string>> = { new_energy: 'wind_solar', industrial_park: 'logistics' };

const DELAY_NOTES = ['用地手续办理滞后', '设备到货延迟', '建设资金到位不足', '冬季停工影响工期', '设计变更待审批'];
const RISK_NOTES = ['施工进度偏慢，存在延期风险', '配套电网送出工程进度滞后', '环评批复时间晚于预期'];

// ── Deterministic helpers ───────────────────────────────────────────────────────────────────

/** mulberry32, seeded from a string. */
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
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const ymd = (y: number, m0: number, d: number): Date => new Date(Date.UTC(y, m0, d));
const addMonths = (d: Date, n: number): Date => ymd(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate());
const addDays = (d: Date, n: number): Date => ymd(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n);
const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const AS_OF = new Date(`${DEMO_AS_OF}T00:00:00Z`);
const minDate = (x: Date, y: Date): Date => (x < y ? x : y);

// ── Output ──────────────────────────────────────────────────────────────────────────────────

export interface DemoMilestone {
  kind: MilestoneKind;
  name: string;
  nameEn: string;
  plannedDate: string;
  baselineDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  status: MilestoneStatus;
  note: string | null;
  /** A grid connection's batch (分批并网), in the project's capacity unit; null elsewhere. */
  capacity: string | null;
  sort: number;
}

export interface DemoProject {
  code: string;
  totalInvestment: string;
  annualPlannedInvestment: string;
  startDate: string;
  plannedCompletionDate: string;
  status: ProjectStatus;
  responsibleLeader: string;
  projectLead: string;
  responsibleUnit: string;
  ownerUnit: string;
  milestones: DemoMilestone[];
}

function buildProject(p: ProjectFact): DemoProject {
  const asg = ASSIGNMENTS[p.code];
  const tpl = TEMPLATES[TEMPLATE_OF[p.categoryCode] ?? p.categoryCode];
  if (!asg || !tpl) throw new Error(`demo: no assignment or template for ${p.code} (${p.categoryCode})`);
  const rnd = prng(p.code);

  const from = monthIndex(tpl.anchor[0]);
  const am = int(rnd, from, monthIndex(tpl.anchor[1]));
  const anchor = ymd(Math.floor(am / 12), am % 12, int(rnd, 5, 25));

  const factor = tpl.perCapacity && p.capacity ? Number(p.capacity) : 1;
  const total = Math.round((int(rnd, tpl.invest[0], tpl.invest[1]) * factor) / 100) * 100;
  const share = p.stage === 'preliminary' ? int(rnd, 8, 20) : int(rnd, 25, 45);
  const annual = Math.round((total * share) / 100 / 100) * 100;

  // Milestone dates, in order; a small jitter keeps them off a regular grid.
  const dates = tpl.steps.map((s) => addDays(addMonths(anchor, s.m), s.m === 0 ? 0 : int(rnd, -4, 6)));
  const pastIdx = dates.map((d, i) => (d < AS_OF ? i : -1)).filter((i) => i >= 0);
  const lastPast = pastIdx.length ? pastIdx[pastIdx.length - 1]! : -1;
  // A delayed project's overdue milestone is forecast a few months after DEMO_AS_OF, and the
  // milestones after it move by the same slip.
  const delayedForecast = addMonths(AS_OF, int(rnd, 2, 5));
  const slipDays = lastPast >= 0 ? Math.round((delayedForecast.getTime() - dates[lastPast]!.getTime()) / 86400000) : 0;

  // A renewable project connects in two batches: the first about 40% of its capacity, then the rest.
  const grids = tpl.steps.flatMap((s, i) => (s.kind === 'grid_connection' ? [i] : []));
  const cap = p.capacity === null ? null : Number(p.capacity);
  const firstBatch = cap === null ? null : Math.round(cap * 0.4 * 100) / 100;
  const batchOf = (i: number): string | null => {
    if (cap === null || firstBatch === null || grids.length < 2) return null;
    if (i === grids[0]) return firstBatch.toFixed(2);
    return i === grids[1] ? (cap - firstBatch).toFixed(2) : null;
  };

  const milestones: DemoMilestone[] = tpl.steps.map((s, i) => {
    const planned = dates[i]!;
    let baseline = planned;
    let forecast: Date | null = null;
    let actual: Date | null = null;
    let status: MilestoneStatus = 'not_started';
    let note: string | null = null;
    if (planned < AS_OF) {
      if (asg.status === 'delayed' && i === lastPast) {
        status = 'delayed';
        forecast = delayedForecast;
        note = DELAY_NOTES[int(rnd, 0, DELAY_NOTES.length - 1)]!;
      } else {
        status = 'done';
        actual = minDate(addDays(planned, int(rnd, -6, asg.status === 'on_track' ? 12 : 35)), AS_OF);
      }
    } else if (asg.status === 'delayed' && i > lastPast) {
      forecast = addDays(planned, slipDays);
    } else if (asg.status === 'at_risk' && i === lastPast + 1) {
      baseline = addMonths(planned, -1);
      forecast = addMonths(planned, int(rnd, 1, 3));
      status = 'in_progress';
      note = RISK_NOTES[int(rnd, 0, RISK_NOTES.length - 1)]!;
    } else if (i === lastPast + 1 && planned < addMonths(AS_OF, 4)) {
      status = 'in_progress';
    }
    return {
      kind: s.kind,
      name: s.zh,
      nameEn: s.en,
      plannedDate: iso(planned),
      baselineDate: iso(baseline),
      forecastDate: forecast ? iso(forecast) : null,
      actualDate: actual ? iso(actual) : null,
      status,
      note,
      capacity: batchOf(i),
      sort: (i + 1) * 10,
    };
  });

  const startIdx = tpl.steps.findIndex((s) => s.kind === 'start_works');
  const start = startIdx >= 0 ? dates[startIdx]! : addMonths(anchor, tpl.start);
  const lastMilestone = dates[dates.length - 1]!;
  let end = addMonths(anchor, tpl.end);
  if (end < lastMilestone) end = lastMilestone;

  return {
    code: p.code,
    totalInvestment: String(total),
    annualPlannedInvestment: String(annual),
    startDate: iso(start),
    plannedCompletionDate: iso(end),
    status: asg.status,
    responsibleLeader: asg.leader,
    projectLead: asg.lead,
    responsibleUnit: asg.unit,
    ownerUnit: asg.owner,
    milestones,
  };
}

/** The demo values for every project in facts.PROJECTS, in the same order. */
export const DEMO_PROJECTS: readonly DemoProject[] = PROJECTS.map(buildProject);
