/** Hand-made status rows and headings for the export tests (test-only). */
import type { MeetingHeading, MinutesDoc, StatusRow } from '@/lib/meetings/types';

export const HEADING: MeetingHeading = {
  title: '2025年第6次重点项目调度会',
  date: '2025-06-16',
  chairName: '王主任',
  frozenAt: new Date('2025-06-15T10:30:00Z'), // 18:30 in Asia/Shanghai
};

function row(overrides: Partial<StatusRow>): StatusRow {
  return {
    projectId: 1,
    code: 'KP-0001',
    name: 'S317裕民至托里公路',
    nameEn: 'S317 Yumin–Toli highway',
    categoryCode: 'transport',
    categoryZh: '交通',
    categoryEn: 'Transport',
    categorySort: 1,
    countyZh: '托里县',
    countyEn: 'Toli County',
    constructionContent: '新建二级公路96公里',
    totalInvestment: '120000.00',
    annualPlanned: '30000.00',
    completedThisYear: '12000.10',
    completionRate: 0.40000333,
    physicalProgress: '路基完成80%',
    problems: [],
    leaderName: '李副专员',
    unitName: '交通运输局',
    unitNameEn: 'Transport Bureau',
    stage: 'construction',
    pipelineStage: 'continuing',
    status: 'on_track',
    light: 'green',
    ...overrides,
  };
}

/**
 * Two categories: transport (2 projects), water (3), with every awkward value; by pipeline stage
 * 续建 (KP-0001, KP-0003), 新开工 (KP-0002), 谋划储备 (KP-0004) and 投运 (KP-0005).
 */
export const ROWS: StatusRow[] = [
  row({}),
  row({
    projectId: 2,
    code: 'KP-0002',
    name: '=HYPERLINK("http://evil.example","点击")',
    nameEn: null,
    constructionContent: '包含逗号, "引号" 和\n换行',
    totalInvestment: '0.10',
    annualPlanned: '0.20',
    completedThisYear: '0.20',
    completionRate: 1,
    physicalProgress: '-15% 落后序时进度',
    problems: ['征地未完成', '+电力接入待协调'],
    leaderName: '@张三',
    unitName: '\t水利局',
    unitNameEn: null,
    light: 'red',
    pipelineStage: 'new_start',
  }),
  row({
    projectId: 3,
    code: 'KP-0003',
    name: '柳树沟水库',
    nameEn: 'Liushugou reservoir',
    categoryCode: 'water',
    categoryZh: '水利',
    categoryEn: 'Water',
    categorySort: 2,
    totalInvestment: '250000.00',
    annualPlanned: '50000.00',
    completedThisYear: '20000.00',
    completionRate: 0.4,
    light: 'yellow',
  }),
  row({
    projectId: 4,
    code: 'KP-0004',
    name: '切格尔水库',
    nameEn: 'Qiegeer reservoir',
    categoryCode: 'water',
    categoryZh: '水利',
    categoryEn: 'Water',
    categorySort: 2,
    totalInvestment: null,
    annualPlanned: null,
    completedThisYear: '500.00',
    completionRate: null,
    physicalProgress: null,
    constructionContent: null,
    leaderName: null,
    unitName: null,
    unitNameEn: null,
    light: null,
    stage: 'preliminary',
    pipelineStage: 'reserve',
  }),
  row({
    projectId: 5,
    code: 'KP-0005',
    name: '\r回车开头的名称',
    categoryCode: 'water',
    categoryZh: '水利',
    categoryEn: 'Water',
    categorySort: 2,
    totalInvestment: '-100.50',
    annualPlanned: '10000.00',
    completedThisYear: '2500.00',
    completionRate: 0.25,
    light: 'green',
    stage: 'operating',
    pipelineStage: 'operating',
  }),
];

export async function* rowsOf(rows: StatusRow[]): AsyncGenerator<StatusRow> {
  for (const r of rows) yield r;
}

export const MINUTES: MinutesDoc = {
  ...HEADING,
  participants: ['王主任', '李副专员', '赵局长'],
  invitedUnits: ['交通运输局', '水利局'],
  publishedAt: new Date('2025-06-17T02:00:00Z'),
  decisions: [
    {
      itemTitle: 'S317公路征地',
      projectName: 'S317裕民至托里公路',
      decision: '由自然资源局牵头，6月底前完成征地补偿',
      problem: { id: 42, title: '征地补偿', unitName: '自然资源局', leaderName: '李副专员', deadline: '2025-06-30' },
    },
    { itemTitle: '水库蓄水准备', projectName: null, decision: '水利局做好下闸蓄水准备', problem: null },
  ],
};
