/**
 * FACTS: reference data and key projects taken from the 2025 government work report of Tacheng
 * Prefecture (shared/source/tacheng-2025-government-work-report.txt) and the domain summary.
 *
 * Data only. Nothing in this file is invented: every project field that comes from the report
 * carries a `sources[field]` entry with the report section and a verbatim quote. Fields the
 * report does not give (investment, dates, owners, leaders, ...) are absent here; the separable
 * demo set (./demo.ts) may fill them.
 *
 * Report facts and interpretations are kept apart. A `kind: 'report'` source is a fact: its
 * quote is verbatim in the report (lib/seed/facts.test.ts checks this against the report text),
 * and for a text field (annualTarget, constructionContent) the value itself is in the quote. A
 * value the report does not state in so many words is a `kind: 'interpretation'` source: the
 * verbatim quote it was read from, and a note saying what was inferred. Pages show it as 解读,
 * never under the 报告原文 badge.
 * - `stage` is required by the schema, but the report rarely states one. It is a report fact
 *   only where the 2024 review says the works are being built (加快建设) or were started
 *   (开工建设). Everywhere else the stage is an interpretation: a 2025 target of 建成投运 /
 *   下闸蓄水 / 完成建设 is read as 'construction', a target of 开工建设 as 'preliminary', and
 *   有序推进 / 落地实施 / 取得实质性进展 as 'construction'.
 * - `countyId` is set only where the project's name places it in exactly one county of the
 *   prefecture (`sources.countyId` quotes that name). S350 托里—克拉玛依 runs from Toli to
 *   Karamay, which is outside the prefecture, so its Tacheng part is in Toli County.
 * - `countyCodes` (the counties a project touches, project_counties) is set where the name names
 *   several counties of the prefecture: S317 裕民—托里 (裕民县, 托里县) and 塔额 750千伏 (塔城,
 *   额敏: the report's own 塔额盆地 pairs the two). Which counties a line passes is read from its
 *   name, so `sources.countyIds` is an interpretation; its responsible level stays 地区级
 *   (countyCode null): the report names no responsible county. A project with a county touches it.
 * - The coal-power statements: 二(三) names 国家电投塔城2×66万千瓦煤电一体化项目 with
 *   年内首台机组建成投运, 二(五) names 塔城2×66万千瓦煤电 with 开工建设. Each is kept as its own
 *   record with its own wording (TC2025-006, TC2025-030). Whether they are one project is not
 *   assumed: TC2025-030 carries `possibleDuplicateOf` TC2025-006, unconfirmed until the dispatch
 *   office confirms it on the project form.
 */
import type { Stage } from '@/db/schema';

type ReportSource = { kind: 'report'; section: string; quote: string };
type InterpretationSource = { kind: 'interpretation'; section: string; quote: string; note: string; noteEn: string };
type FactSourceOf = ReportSource | InterpretationSource;

export interface CountyFact {
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
}

export interface CategoryFact {
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
}

export interface ProjectFact {
  /** Stable registry code of this seed (not the national investment project code). */
  code: string;
  name: string;
  nameEn: string;
  categoryCode: string;
  /** The responsible county (a code from COUNTIES), or null: 地区级 (the prefecture). */
  countyCode: string | null;
  /** The counties the project touches besides countyCode (codes from COUNTIES), where its name places it in several. */
  countyCodes?: readonly string[];
  constructionContent: string | null;
  /** Decimal string, as stored in the numeric column. */
  capacity: string | null;
  capacityUnit: string | null;
  stage: Stage;
  targetYear: number;
  annualTarget: string | null;
  /** Keyed by project field name (name, countyId, capacity, stage, annualTarget, ...). */
  sources: Partial<Record<string, FactSourceOf>>;
  /** Another record that may be the same project (two statements of the report); unconfirmed in the seed. */
  possibleDuplicateOf?: string;
}

export const PREFECTURE_NAME = '塔城地区';

/**
 * The portfolio target for new-energy capacity (settings key `new_energy_capacity_target`,
 * stored as JSON): cumulative grid-connected capacity of 1000 万千瓦 within 2025. Which project
 * categories count as new energy (wind, solar, wind and solar) is an interpretation of the
 * report's 风电光伏 and 新能源项目, stated here; the dashboard reads both from the setting.
 */
export const NEW_ENERGY_CAPACITY_TARGET = {
  amount: 1000,
  unit: '万千瓦',
  year: 2025,
  categories: ['wind', 'solar', 'wind_solar', 'new_energy'],
  source: {
    kind: 'report',
    section: '二、关于2025年工作 (五)积极推动有效投资,扎实推进项目建设',
    quote: '力争年内累计并网规模达到1000万千瓦',
  },
} as const;

/** Counties and cities of Tacheng Prefecture (domain.md; all named in the report). */
export const COUNTIES: readonly CountyFact[] = [
  { code: 'tacheng', nameZh: '塔城市', nameEn: 'Tacheng City', sort: 1 },
  { code: 'wusu', nameZh: '乌苏市', nameEn: 'Wusu City', sort: 2 },
  { code: 'shawan', nameZh: '沙湾市', nameEn: 'Shawan City', sort: 3 },
  { code: 'emin', nameZh: '额敏县', nameEn: 'Emin County', sort: 4 },
  { code: 'toli', nameZh: '托里县', nameEn: 'Toli County', sort: 5 },
  { code: 'yumin', nameZh: '裕民县', nameEn: 'Yumin County', sort: 6 },
  { code: 'hoboksar', nameZh: '和布克赛尔蒙古自治县', nameEn: 'Hoboksar Mongol Autonomous County', sort: 7 },
];

/** Project categories, as used in the domain.md table of key projects. */
export const CATEGORIES: readonly CategoryFact[] = [
  { code: 'transport', nameZh: '交通（公路）', nameEn: 'Transport (highways)', sort: 1 },
  { code: 'water', nameZh: '水利（水库）', nameEn: 'Water conservancy (reservoirs)', sort: 2 },
  { code: 'coal_power', nameZh: '煤电', nameEn: 'Coal power', sort: 3 },
  { code: 'pumped_storage', nameZh: '抽水蓄能', nameEn: 'Pumped storage', sort: 4 },
  { code: 'wind', nameZh: '风电', nameEn: 'Wind power', sort: 5 },
  { code: 'solar', nameZh: '光伏', nameEn: 'Solar PV', sort: 6 },
  { code: 'wind_solar', nameZh: '风电光伏', nameEn: 'Wind and solar', sort: 7 },
  { code: 'coal_mine', nameZh: '煤矿', nameEn: 'Coal mining', sort: 8 },
  { code: 'grid', nameZh: '电网（输变电）', nameEn: 'Power grid (transmission)', sort: 9 },
  { code: 'logistics', nameZh: '物流与口岸', nameEn: 'Logistics and ports', sort: 10 },
  { code: 'textile', nameZh: '纺织服装', nameEn: 'Textiles and apparel', sort: 11 },
  { code: 'mining', nameZh: '矿产开发', nameEn: 'Mineral mining', sort: 12 },
  { code: 'agriculture', nameZh: '农业', nameEn: 'Agriculture', sort: 13 },
  { code: 'tourism', nameZh: '文化旅游', nameEn: 'Culture and tourism', sort: 14 },
  // The report's 新能源项目 without saying wind or solar (一(六): 申能、中船、中电建等一批新能源项目).
  { code: 'new_energy', nameZh: '新能源（未分类）', nameEn: 'New energy (type not given)', sort: 15 },
  // Parks the report names as projects (一(一) 国际物流园、新能源创新产业园; 一(四) 绿色智算产业园).
  { code: 'industrial_park', nameZh: '产业园区', nameEn: 'Industrial parks', sort: 16 },
];

// Section headings: "<part heading> <sub-section heading>", both verbatim from the report.
const P1 = '一、2024年工作回顾';
export const P2 = '二、关于2025年工作';
const S1_1 = `${P1} (一)试验区建设步伐加快`;
const S1_4 = `${P1} (四)特色优势产业加快发展`;
const S1_5 = `${P1} (五)服务业质效稳步提升`;
const S1_6 = `${P1} (六)基础设施建设不断完善`;
const S2_1 = `${P2} (一)抢抓开发开放机遇,推动试验区高质量发展`;
const S2_2 = `${P2} (二)持续抓好“三农”工作,扎实推进乡村振兴`;
export const S2_3 = `${P2} (三)聚焦“十大产业集群”,加快现代产业体系建设`;
export const S2_4 = `${P2} (四)打造文旅商贸品牌,促进服务业提档升级`;
const S2_5 = `${P2} (五)积极推动有效投资,扎实推进项目建设`;

const src = (section: string, quote: string): ReportSource => ({ kind: 'report', section, quote });
/** A value read from a quote rather than stated by it: the quote is still verbatim, the note says what was inferred. */
const interp = (basis: ReportSource, note: string, noteEn: string): InterpretationSource => ({
  kind: 'interpretation',
  section: basis.section,
  quote: basis.quote,
  note,
  noteEn,
});
const BUILDING = (q: ReportSource) =>
  interp(
    q,
    '阶段“在建”由该句的建设目标推断，报告未直接写明',
    'Stage "under construction" inferred from the target in this sentence; the report does not state it',
  );
const NOT_STARTED = (q: ReportSource) =>
  interp(
    q,
    '阶段“前期”由“开工建设”目标推断，报告未直接写明',
    'Stage "preliminary" inferred from the target to start works; the report does not state it',
  );
const UNDER_WAY = (q: ReportSource, words: string) =>
  interp(
    q,
    `阶段“在建”由“${words}”推断，报告未直接写明`,
    `Stage "under construction" inferred from "${words}"; the report does not state it`,
  );
const PARAPHRASE = (q: ReportSource) =>
  interp(q, '年度目标是对该句的概括，不是原话', "The annual target summarises this sentence; it is not the report's wording");

// Verbatim quotes, reused by several projects.
const Q_ROADS_2025 = src(S2_5, '接续推进S317裕民—托里、S225和布克赛尔—和什托洛盖、S350托里—克拉玛依等公路项目建成投运');
const Q_ROADS_2024 = src(S1_6, 'S317裕民—托里、S350托里—克拉玛依等公路项目加快建设');
const Q_RESERVOIRS = src(S2_5, '实现柳树沟、切格尔等重点水库年内下闸蓄水');
const Q_COAL_2024 = src(S1_4, '红山煤矿、陶和煤矿、国电投塔城2×66万千瓦煤电一体化等项目有序推进');
const Q_COAL_POWER_2025 = src(S2_3, '力争国家电投塔城2×66万千瓦煤电一体化项目年内首台机组建成投运');
const Q_START_2025 = src(S2_5, '推动塔城2×66万千瓦煤电和额敏140万千瓦抽水蓄能项目开工建设');
const Q_NEW_ENERGY = src(
  S2_3,
  '加快金风科技国创中心托里县80万千瓦实验风电场、中电建额敏60万千瓦风电、中电建沙湾产业园区低碳转型80万千瓦光伏等项目建成投运',
);
const Q_WIND_SOLAR = src(S2_5, '三一重能、上海申能、国家能源等重大风电光伏项目建成投运');
const Q_COAL_MINES = src(S2_3, '推动红山、陶和、红山西等煤矿项目建成投运');
const Q_GRID = src(S1_6, '塔额750千伏输变电工程开工建设');
const Q_ROAD_S317 = src(S1_6, 'S317裕民—托里');
const S317_COUNTIES = interp(
  Q_ROAD_S317,
  '所涉县市（裕民县、托里县）由公路名称“裕民—托里”推断，报告未写明途经的县市',
  'The counties (Yumin, Toli) are read from the name "Yumin–Toli"; the report does not say which counties the road passes',
);
const GRID_COUNTIES = interp(
  Q_GRID,
  '所涉县市（塔城市、额敏县）由名称“塔额”推断（报告亦称“塔额盆地”），报告未写明线路经过的县市',
  'The counties (Tacheng, Emin) are read from the name "塔额" (the report also says 塔额盆地, the Tacheng–Emin basin); the report does not say which counties the line crosses',
);
const Q_LOGISTICS = src(S2_1, '加快铁路物流园、国际公路港、口岸通关能力提升等全局性、基础性项目建设');
const Q_TEXTILE = src(S2_3, '力争沙湾天目湖高档地毯、BCF毛纺纱生产和海融纺织年产50亿米纺织品生产线等项目年内开工建设');
const Q_MINING = src(S2_3, '加快托里县呼的合铜矿、菱镁矿,裕民县钼矿、钛铁矿开发建设');
const Q_SEED_BASE = src(S2_2, '完成30万亩制种基地建设');
const Q_5A_2025 = src(S2_4, '推进兵地联动共创小白杨国家5A级旅游景区');
const Q_5A_2024 = src(S1_5, '兵地联创小白杨文化旅游5A级景区取得实质性进展');
const Q_PORT_MODE = src(S2_1, '完成“公路口岸+属地直通”模式建设并投入使用');
const Q_PORT_MODE_2024 = src(`${P1} (二)对外开放水平不断提升`, '推进“公路口岸+属地直通”项目实施');
const Q_NEW_ENERGY_2024 = src(S1_6, '申能、中船、中电建等一批新能源项目落地实施');
const Q_PARKS_2024 = src(S1_1, '国际物流园、新能源创新产业园等项目加快建设');
const Q_COMPUTING = src(S1_4, '规划建设塔城(托里)绿色智算产业园,算力规模已达6000P');

const base = { constructionContent: null, capacity: null, capacityUnit: null, targetYear: 2025 } as const;

/** The key projects named in the report (domain.md table), one record per named project. */
export const PROJECTS: readonly ProjectFact[] = [
  // ── Transport ────────────────────────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-001',
    name: 'S317裕民—托里公路',
    nameEn: 'S317 Yumin–Toli Highway',
    categoryCode: 'transport',
    countyCode: null,
    countyCodes: ['yumin', 'toli'],
    stage: 'construction',
    annualTarget: '建成投运',
    sources: { name: Q_ROADS_2025, stage: Q_ROADS_2024, annualTarget: Q_ROADS_2025, countyIds: S317_COUNTIES },
  },
  {
    ...base,
    code: 'TC2025-002',
    name: 'S225和布克赛尔—和什托洛盖公路',
    nameEn: 'S225 Hoboksar–Heshituoluogai Highway',
    categoryCode: 'transport',
    countyCode: 'hoboksar',
    stage: 'construction',
    annualTarget: '建成投运',
    sources: {
      name: Q_ROADS_2025,
      countyId: src(S2_5, 'S225和布克赛尔—和什托洛盖'),
      stage: BUILDING(Q_ROADS_2025),
      annualTarget: Q_ROADS_2025,
    },
  },
  {
    ...base,
    code: 'TC2025-003',
    name: 'S350托里—克拉玛依公路',
    nameEn: 'S350 Toli–Karamay Highway',
    categoryCode: 'transport',
    countyCode: 'toli',
    stage: 'construction',
    annualTarget: '建成投运',
    sources: {
      name: Q_ROADS_2025,
      countyId: src(S2_5, 'S350托里—克拉玛依'),
      stage: Q_ROADS_2024,
      annualTarget: Q_ROADS_2025,
    },
  },
  // ── Water ────────────────────────────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-004',
    name: '柳树沟水库',
    nameEn: 'Liushugou Reservoir',
    categoryCode: 'water',
    countyCode: null,
    stage: 'construction',
    annualTarget: '年内下闸蓄水',
    sources: { name: Q_RESERVOIRS, stage: BUILDING(Q_RESERVOIRS), annualTarget: Q_RESERVOIRS },
  },
  {
    ...base,
    code: 'TC2025-005',
    name: '切格尔水库',
    nameEn: 'Qiegeer Reservoir',
    categoryCode: 'water',
    countyCode: null,
    stage: 'construction',
    annualTarget: '年内下闸蓄水',
    sources: { name: Q_RESERVOIRS, stage: BUILDING(Q_RESERVOIRS), annualTarget: Q_RESERVOIRS },
  },
  // ── Energy ───────────────────────────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-006',
    name: '国家电投塔城2×66万千瓦煤电一体化项目',
    nameEn: 'SPIC Tacheng 2×660 MW Integrated Coal-Power Project',
    categoryCode: 'coal_power',
    countyCode: null,
    constructionContent: '2×66万千瓦煤电一体化',
    capacity: '132',
    capacityUnit: '万千瓦',
    stage: 'construction',
    annualTarget: '年内首台机组建成投运',
    sources: {
      name: Q_COAL_POWER_2025,
      constructionContent: Q_COAL_POWER_2025,
      capacity: Q_COAL_POWER_2025,
      stage: UNDER_WAY(Q_COAL_2024, '有序推进'),
      annualTarget: Q_COAL_POWER_2025,
    },
  },
  {
    ...base,
    code: 'TC2025-007',
    name: '额敏140万千瓦抽水蓄能项目',
    nameEn: 'Emin 1,400 MW Pumped-Storage Hydropower Project',
    categoryCode: 'pumped_storage',
    countyCode: 'emin',
    constructionContent: '140万千瓦抽水蓄能',
    capacity: '140',
    capacityUnit: '万千瓦',
    stage: 'preliminary',
    annualTarget: '开工建设',
    sources: {
      name: Q_START_2025,
      countyId: Q_START_2025,
      constructionContent: Q_START_2025,
      capacity: Q_START_2025,
      stage: NOT_STARTED(Q_START_2025),
      annualTarget: Q_START_2025,
    },
  },
  {
    ...base,
    code: 'TC2025-008',
    name: '金风科技国创中心托里县80万千瓦实验风电场',
    nameEn: 'Goldwind National Innovation Center 800 MW Experimental Wind Farm, Toli County',
    categoryCode: 'wind',
    countyCode: 'toli',
    constructionContent: '80万千瓦实验风电场',
    capacity: '80',
    capacityUnit: '万千瓦',
    stage: 'construction',
    annualTarget: '建成投运',
    sources: {
      name: Q_NEW_ENERGY,
      countyId: Q_NEW_ENERGY,
      constructionContent: Q_NEW_ENERGY,
      capacity: Q_NEW_ENERGY,
      stage: BUILDING(Q_NEW_ENERGY),
      annualTarget: Q_NEW_ENERGY,
    },
  },
  {
    ...base,
    code: 'TC2025-009',
    name: '中电建额敏60万千瓦风电项目',
    nameEn: 'PowerChina Emin 600 MW Wind Power Project',
    categoryCode: 'wind',
    countyCode: 'emin',
    constructionContent: '60万千瓦风电',
    capacity: '60',
    capacityUnit: '万千瓦',
    stage: 'construction',
    annualTarget: '建成投运',
    sources: {
      name: Q_NEW_ENERGY,
      countyId: Q_NEW_ENERGY,
      constructionContent: Q_NEW_ENERGY,
      capacity: Q_NEW_ENERGY,
      stage: BUILDING(Q_NEW_ENERGY),
      annualTarget: Q_NEW_ENERGY,
    },
  },
  {
    ...base,
    code: 'TC2025-010',
    name: '中电建沙湾产业园区低碳转型80万千瓦光伏项目',
    nameEn: 'PowerChina Shawan Industrial Park Low-Carbon Transition 800 MW Solar PV Project',
    categoryCode: 'solar',
    countyCode: 'shawan',
    constructionContent: '产业园区低碳转型80万千瓦光伏',
    capacity: '80',
    capacityUnit: '万千瓦',
    stage: 'construction',
    annualTarget: '建成投运',
    sources: {
      name: Q_NEW_ENERGY,
      countyId: Q_NEW_ENERGY,
      constructionContent: Q_NEW_ENERGY,
      capacity: Q_NEW_ENERGY,
      stage: BUILDING(Q_NEW_ENERGY),
      annualTarget: Q_NEW_ENERGY,
    },
  },
  {
    ...base,
    code: 'TC2025-011',
    name: '三一重能风电光伏项目',
    nameEn: 'Sany Renewable Energy Wind and Solar Project',
    categoryCode: 'wind_solar',
    countyCode: null,
    stage: 'construction',
    annualTarget: '建成投运',
    sources: { name: Q_WIND_SOLAR, stage: BUILDING(Q_WIND_SOLAR), annualTarget: Q_WIND_SOLAR },
  },
  {
    ...base,
    code: 'TC2025-012',
    name: '上海申能风电光伏项目',
    nameEn: 'Shanghai Shenergy Wind and Solar Project',
    categoryCode: 'wind_solar',
    countyCode: null,
    stage: 'construction',
    annualTarget: '建成投运',
    sources: { name: Q_WIND_SOLAR, stage: BUILDING(Q_WIND_SOLAR), annualTarget: Q_WIND_SOLAR },
  },
  {
    ...base,
    code: 'TC2025-013',
    name: '国家能源风电光伏项目',
    nameEn: 'CHN Energy Wind and Solar Project',
    categoryCode: 'wind_solar',
    countyCode: null,
    stage: 'construction',
    annualTarget: '建成投运',
    sources: { name: Q_WIND_SOLAR, stage: BUILDING(Q_WIND_SOLAR), annualTarget: Q_WIND_SOLAR },
  },
  {
    ...base,
    code: 'TC2025-014',
    name: '红山煤矿',
    nameEn: 'Hongshan Coal Mine',
    categoryCode: 'coal_mine',
    countyCode: null,
    stage: 'construction',
    annualTarget: '建成投运',
    sources: { name: Q_COAL_2024, stage: UNDER_WAY(Q_COAL_2024, '有序推进'), annualTarget: Q_COAL_MINES },
  },
  {
    ...base,
    code: 'TC2025-015',
    name: '陶和煤矿',
    nameEn: 'Taohe Coal Mine',
    categoryCode: 'coal_mine',
    countyCode: null,
    stage: 'construction',
    annualTarget: '建成投运',
    sources: { name: Q_COAL_2024, stage: UNDER_WAY(Q_COAL_2024, '有序推进'), annualTarget: Q_COAL_MINES },
  },
  {
    ...base,
    code: 'TC2025-016',
    name: '红山西煤矿',
    nameEn: 'Hongshan West Coal Mine',
    categoryCode: 'coal_mine',
    countyCode: null,
    stage: 'construction',
    annualTarget: '建成投运',
    sources: { name: Q_COAL_MINES, stage: BUILDING(Q_COAL_MINES), annualTarget: Q_COAL_MINES },
  },
  {
    ...base,
    code: 'TC2025-017',
    name: '塔额750千伏输变电工程',
    nameEn: 'Tacheng–Emin 750 kV Transmission and Substation Project',
    categoryCode: 'grid',
    countyCode: null,
    countyCodes: ['tacheng', 'emin'],
    constructionContent: '750千伏输变电工程',
    stage: 'construction',
    annualTarget: null,
    sources: { name: Q_GRID, constructionContent: Q_GRID, stage: Q_GRID, countyIds: GRID_COUNTIES },
  },
  // ── Logistics and ports ──────────────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-018',
    name: '铁路物流园',
    nameEn: 'Railway Logistics Park',
    categoryCode: 'logistics',
    countyCode: null,
    stage: 'construction',
    annualTarget: '加快建设',
    sources: { name: Q_LOGISTICS, stage: BUILDING(Q_LOGISTICS), annualTarget: PARAPHRASE(Q_LOGISTICS) },
  },
  {
    ...base,
    code: 'TC2025-019',
    name: '国际公路港',
    nameEn: 'International Road Port',
    categoryCode: 'logistics',
    countyCode: null,
    stage: 'construction',
    annualTarget: '加快建设',
    sources: { name: Q_LOGISTICS, stage: BUILDING(Q_LOGISTICS), annualTarget: PARAPHRASE(Q_LOGISTICS) },
  },
  {
    ...base,
    code: 'TC2025-020',
    name: '口岸通关能力提升项目',
    nameEn: 'Port Customs-Clearance Capacity Upgrade',
    categoryCode: 'logistics',
    countyCode: null,
    stage: 'construction',
    annualTarget: '加快建设',
    sources: { name: Q_LOGISTICS, stage: BUILDING(Q_LOGISTICS), annualTarget: PARAPHRASE(Q_LOGISTICS) },
  },
  // ── Textiles ─────────────────────────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-021',
    name: '沙湾天目湖高档地毯项目',
    nameEn: 'Shawan Tianmuhu High-End Carpet Project',
    categoryCode: 'textile',
    countyCode: 'shawan',
    stage: 'preliminary',
    annualTarget: '年内开工建设',
    sources: { name: Q_TEXTILE, countyId: Q_TEXTILE, stage: NOT_STARTED(Q_TEXTILE), annualTarget: Q_TEXTILE },
  },
  {
    ...base,
    code: 'TC2025-022',
    name: 'BCF毛纺纱生产项目',
    nameEn: 'BCF Wool Yarn Production Project',
    categoryCode: 'textile',
    countyCode: null,
    stage: 'preliminary',
    annualTarget: '年内开工建设',
    sources: { name: Q_TEXTILE, stage: NOT_STARTED(Q_TEXTILE), annualTarget: Q_TEXTILE },
  },
  {
    ...base,
    code: 'TC2025-023',
    name: '海融纺织年产50亿米纺织品生产线项目',
    nameEn: 'Hairong Textile Production Line, 5 Billion Metres of Fabric a Year',
    categoryCode: 'textile',
    countyCode: null,
    constructionContent: '年产50亿米纺织品生产线',
    capacity: '50',
    capacityUnit: '亿米/年',
    stage: 'preliminary',
    annualTarget: '年内开工建设',
    sources: {
      name: Q_TEXTILE,
      constructionContent: Q_TEXTILE,
      capacity: Q_TEXTILE,
      stage: NOT_STARTED(Q_TEXTILE),
      annualTarget: Q_TEXTILE,
    },
  },
  // ── Mining ───────────────────────────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-024',
    name: '托里县呼的合铜矿',
    nameEn: 'Hudehe Copper Mine, Toli County',
    categoryCode: 'mining',
    countyCode: 'toli',
    stage: 'preliminary',
    annualTarget: '加快开发建设',
    sources: { name: Q_MINING, countyId: Q_MINING, annualTarget: PARAPHRASE(Q_MINING) },
  },
  {
    ...base,
    code: 'TC2025-025',
    name: '托里县菱镁矿',
    nameEn: 'Magnesite Mine, Toli County',
    categoryCode: 'mining',
    countyCode: 'toli',
    stage: 'preliminary',
    annualTarget: '加快开发建设',
    sources: { name: Q_MINING, countyId: Q_MINING, annualTarget: PARAPHRASE(Q_MINING) },
  },
  {
    ...base,
    code: 'TC2025-026',
    name: '裕民县钼矿',
    nameEn: 'Molybdenum Mine, Yumin County',
    categoryCode: 'mining',
    countyCode: 'yumin',
    stage: 'preliminary',
    annualTarget: '加快开发建设',
    sources: { name: Q_MINING, countyId: Q_MINING, annualTarget: PARAPHRASE(Q_MINING) },
  },
  {
    ...base,
    code: 'TC2025-027',
    name: '裕民县钛铁矿',
    nameEn: 'Ilmenite Mine, Yumin County',
    categoryCode: 'mining',
    countyCode: 'yumin',
    stage: 'preliminary',
    annualTarget: '加快开发建设',
    sources: { name: Q_MINING, countyId: Q_MINING, annualTarget: PARAPHRASE(Q_MINING) },
  },
  // ── Agriculture and tourism ──────────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-028',
    name: '30万亩制种基地',
    nameEn: 'Seed Production Base, 300,000 mu',
    categoryCode: 'agriculture',
    countyCode: null,
    constructionContent: '30万亩制种基地',
    capacity: '30',
    capacityUnit: '万亩',
    stage: 'construction',
    annualTarget: '完成建设',
    sources: {
      name: Q_SEED_BASE,
      constructionContent: Q_SEED_BASE,
      capacity: Q_SEED_BASE,
      stage: BUILDING(Q_SEED_BASE),
      annualTarget: PARAPHRASE(Q_SEED_BASE),
    },
  },
  {
    ...base,
    code: 'TC2025-029',
    name: '小白杨国家5A级旅游景区创建',
    nameEn: 'Xiaobaiyang National 5A Tourist Attraction (application)',
    categoryCode: 'tourism',
    countyCode: null,
    stage: 'construction',
    annualTarget: '推进兵地联动共创',
    sources: { name: Q_5A_2025, stage: UNDER_WAY(Q_5A_2024, '取得实质性进展'), annualTarget: Q_5A_2025 },
  },
  // ── Named elsewhere in the report ────────────────────────────────────────────────────────
  {
    ...base,
    code: 'TC2025-030',
    name: '塔城2×66万千瓦煤电项目',
    nameEn: 'Tacheng 2×660 MW Coal-Power Project',
    categoryCode: 'coal_power',
    countyCode: null,
    constructionContent: '2×66万千瓦煤电',
    capacity: '132',
    capacityUnit: '万千瓦',
    stage: 'preliminary',
    annualTarget: '开工建设',
    possibleDuplicateOf: 'TC2025-006',
    sources: {
      name: Q_START_2025,
      constructionContent: Q_START_2025,
      capacity: Q_START_2025,
      stage: NOT_STARTED(Q_START_2025),
      annualTarget: Q_START_2025,
    },
  },
  {
    ...base,
    code: 'TC2025-031',
    name: '“公路口岸+属地直通”模式建设',
    nameEn: '"Road port + local direct clearance" model',
    categoryCode: 'logistics',
    countyCode: null,
    stage: 'construction',
    annualTarget: '完成“公路口岸+属地直通”模式建设并投入使用',
    sources: {
      name: Q_PORT_MODE,
      stage: UNDER_WAY(Q_PORT_MODE_2024, '推进……项目实施'),
      annualTarget: Q_PORT_MODE,
    },
  },
  {
    ...base,
    code: 'TC2025-032',
    name: '中船新能源项目',
    nameEn: 'CSSC New-Energy Projects',
    categoryCode: 'new_energy',
    countyCode: null,
    stage: 'construction',
    annualTarget: null,
    sources: { name: Q_NEW_ENERGY_2024, stage: UNDER_WAY(Q_NEW_ENERGY_2024, '落地实施') },
  },
  {
    ...base,
    code: 'TC2025-033',
    name: '国际物流园',
    nameEn: 'International Logistics Park',
    categoryCode: 'logistics',
    countyCode: null,
    stage: 'construction',
    annualTarget: null,
    sources: { name: Q_PARKS_2024, stage: Q_PARKS_2024 },
  },
  {
    ...base,
    code: 'TC2025-034',
    name: '新能源创新产业园',
    nameEn: 'New-Energy Innovation Industrial Park',
    categoryCode: 'industrial_park',
    countyCode: null,
    stage: 'construction',
    annualTarget: null,
    sources: { name: Q_PARKS_2024, stage: Q_PARKS_2024 },
  },
  {
    ...base,
    code: 'TC2025-035',
    name: '塔城(托里)绿色智算产业园',
    nameEn: 'Tacheng (Toli) Green Computing Industrial Park',
    categoryCode: 'industrial_park',
    countyCode: 'toli',
    stage: 'construction',
    annualTarget: null,
    sources: {
      name: Q_COMPUTING,
      countyId: Q_COMPUTING,
      stage: UNDER_WAY(Q_COMPUTING, '规划建设……算力规模已达6000P'),
    },
  },
];
