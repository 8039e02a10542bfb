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
import { INDUSTRY_PROJECTS } from './facts-projects-industry';
import { INFRASTRUCTURE_PROJECTS } from './facts-projects-infra';

type ReportSource = { kind: 'report'; section: string; quote: string };
type InterpretationSource = { kind: 'interpretation'; section: string; quote: string; note: string; noteEn: string };
export type FactSourceOf = ReportSource | InterpretationSource;

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

export { P2, S2_3, S2_4 } from './facts-sources';

/** The key projects of the report, in the order of their codes (TC2025-001 …). */
export const PROJECTS: readonly ProjectFact[] = [...INFRASTRUCTURE_PROJECTS, ...INDUSTRY_PROJECTS];
