/**
 * FACTS: the report's sections and the verbatim quotes the key projects of ./facts.ts are read
 * from (several projects share a quote), and the helpers that mark a value as an interpretation
 * of a quote rather than a statement of it. See ./facts.ts for the rules.
 */
import type { FactSourceOf } from './facts';

type ReportSource = Extract<FactSourceOf, { kind: 'report' }>;
type InterpretationSource = Extract<FactSourceOf, { kind: 'interpretation' }>;

export const P1 = '一、2024年工作回顾';
export const P2 = '二、关于2025年工作';
export const S1_1 = `${P1} (一)试验区建设步伐加快`;
export const S1_4 = `${P1} (四)特色优势产业加快发展`;
export const S1_5 = `${P1} (五)服务业质效稳步提升`;
export const S1_6 = `${P1} (六)基础设施建设不断完善`;
export const S2_1 = `${P2} (一)抢抓开发开放机遇,推动试验区高质量发展`;
export const S2_2 = `${P2} (二)持续抓好“三农”工作,扎实推进乡村振兴`;
export const S2_3 = `${P2} (三)聚焦“十大产业集群”,加快现代产业体系建设`;
export const S2_4 = `${P2} (四)打造文旅商贸品牌,促进服务业提档升级`;
export const S2_5 = `${P2} (五)积极推动有效投资,扎实推进项目建设`;

export const src = (section: string, quote: string): ReportSource => ({ kind: 'report', section, quote });
/** A value read from a quote rather than stated by it: the quote is still verbatim, the note says what was inferred. */
export const interp = (basis: ReportSource, note: string, noteEn: string): InterpretationSource => ({
  kind: 'interpretation',
  section: basis.section,
  quote: basis.quote,
  note,
  noteEn,
});
export const BUILDING = (q: ReportSource) =>
  interp(
    q,
    '阶段“在建”由该句的建设目标推断，报告未直接写明',
    'Stage "under construction" inferred from the target in this sentence; the report does not state it',
  );
export const NOT_STARTED = (q: ReportSource) =>
  interp(
    q,
    '阶段“前期”由“开工建设”目标推断，报告未直接写明',
    'Stage "preliminary" inferred from the target to start works; the report does not state it',
  );
export const UNDER_WAY = (q: ReportSource, words: string) =>
  interp(
    q,
    `阶段“在建”由“${words}”推断，报告未直接写明`,
    `Stage "under construction" inferred from "${words}"; the report does not state it`,
  );
export const PARAPHRASE = (q: ReportSource) =>
  interp(q, '年度目标是对该句的概括，不是原话', "The annual target summarises this sentence; it is not the report's wording");

// Verbatim quotes, reused by several projects.
export const Q_ROADS_2025 = src(S2_5, '接续推进S317裕民—托里、S225和布克赛尔—和什托洛盖、S350托里—克拉玛依等公路项目建成投运');
export const Q_ROADS_2024 = src(S1_6, 'S317裕民—托里、S350托里—克拉玛依等公路项目加快建设');
export const Q_RESERVOIRS = src(S2_5, '实现柳树沟、切格尔等重点水库年内下闸蓄水');
export const Q_COAL_2024 = src(S1_4, '红山煤矿、陶和煤矿、国电投塔城2×66万千瓦煤电一体化等项目有序推进');
export const Q_COAL_POWER_2025 = src(S2_3, '力争国家电投塔城2×66万千瓦煤电一体化项目年内首台机组建成投运');
export const Q_START_2025 = src(S2_5, '推动塔城2×66万千瓦煤电和额敏140万千瓦抽水蓄能项目开工建设');
export const Q_NEW_ENERGY = src(
  S2_3,
  '加快金风科技国创中心托里县80万千瓦实验风电场、中电建额敏60万千瓦风电、中电建沙湾产业园区低碳转型80万千瓦光伏等项目建成投运',
);
export const Q_WIND_SOLAR = src(S2_5, '三一重能、上海申能、国家能源等重大风电光伏项目建成投运');
export const Q_COAL_MINES = src(S2_3, '推动红山、陶和、红山西等煤矿项目建成投运');
export const Q_GRID = src(S1_6, '塔额750千伏输变电工程开工建设');
export const Q_ROAD_S317 = src(S1_6, 'S317裕民—托里');
export const S317_COUNTIES = interp(
  Q_ROAD_S317,
  '所涉县市（裕民县、托里县）由公路名称“裕民—托里”推断，报告未写明途经的县市',
  'The counties (Yumin, Toli) are read from the name "Yumin–Toli"; the report does not say which counties the road passes',
);
export const GRID_COUNTIES = interp(
  Q_GRID,
  '所涉县市（塔城市、额敏县）由名称“塔额”推断（报告亦称“塔额盆地”），报告未写明线路经过的县市',
  'The counties (Tacheng, Emin) are read from the name "塔额" (the report also says 塔额盆地, the Tacheng–Emin basin); the report does not say which counties the line crosses',
);
export const Q_LOGISTICS = src(S2_1, '加快铁路物流园、国际公路港、口岸通关能力提升等全局性、基础性项目建设');
export const Q_TEXTILE = src(S2_3, '力争沙湾天目湖高档地毯、BCF毛纺纱生产和海融纺织年产50亿米纺织品生产线等项目年内开工建设');
export const Q_MINING = src(S2_3, '加快托里县呼的合铜矿、菱镁矿,裕民县钼矿、钛铁矿开发建设');
export const Q_SEED_BASE = src(S2_2, '完成30万亩制种基地建设');
export const Q_5A_2025 = src(S2_4, '推进兵地联动共创小白杨国家5A级旅游景区');
export const Q_5A_2024 = src(S1_5, '兵地联创小白杨文化旅游5A级景区取得实质性进展');
export const Q_PORT_MODE = src(S2_1, '完成“公路口岸+属地直通”模式建设并投入使用');
export const Q_PORT_MODE_2024 = src(`${P1} (二)对外开放水平不断提升`, '推进“公路口岸+属地直通”项目实施');
export const Q_NEW_ENERGY_2024 = src(S1_6, '申能、中船、中电建等一批新能源项目落地实施');
export const Q_PARKS_2024 = src(S1_1, '国际物流园、新能源创新产业园等项目加快建设');
export const Q_COMPUTING = src(S1_4, '规划建设塔城(托里)绿色智算产业园,算力规模已达6000P');

export const base = { constructionContent: null, capacity: null, capacityUnit: null, targetYear: 2025 } as const;
