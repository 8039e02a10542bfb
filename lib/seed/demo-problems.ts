/**
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 * DEMO DATA — ILLUSTRATIVE ONLY. NOT FROM THE GOVERNMENT WORK REPORT.
 *
 * A handful of problems (问题清单) on demo projects, in every state, so the problem list, the
 * inbox and the escalation have something to show. Deterministic: dates are relative to
 * DEMO_AS_OF. Escalation levels are seeded at 0; the escalation job (run at server start)
 * raises the overdue ones — as of DEMO_AS_OF, one is overdue by more than 7 days (→ the
 * dispatch office), two by a few days (→ their responsible leader). Against a later real date
 * more of them are overdue, and further along.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import type { Tx } from '@/db/client';
import { problemComments, problems } from '@/db/schema';
import type { ProblemStatus, ProblemType } from '@/db/schema/enums';
import { DEMO_AS_OF } from './demo';

export interface DemoProblemContext {
  /** Project id by project code (TC2025-…). */
  projectIds: Map<string, number>;
  /** User id by username (lead, leader2, dispatch …). */
  userIds: Map<string, number>;
  /** Unit id by demo unit key (fgw, jtj, zrj …). */
  unitIds: Map<string, number>;
}

interface DemoComment {
  by: string;
  /** Days relative to DEMO_AS_OF. */
  day: number;
  body: string;
}

interface DemoProblem {
  project: string;
  type: ProblemType;
  description: string;
  unit: string;
  leader: string;
  raisedBy: string;
  /** Days relative to DEMO_AS_OF. */
  raised: number;
  deadline: number;
  status: ProblemStatus;
  resolution?: string;
  resolvedDay?: number;
  closedDay?: number;
  comments?: DemoComment[];
}

export const DEMO_PROBLEMS: readonly DemoProblem[] = [
  {
    // Overdue by 12 days at DEMO_AS_OF: escalates to the dispatch office.
    project: 'TC2025-005',
    type: 'land',
    description: '库区淹没线以下林地、草地使用手续尚未批复，清库和移民安置工作无法按计划推进，影响年内下闸蓄水目标。',
    unit: 'zrj',
    leader: 'leader',
    raisedBy: 'lead',
    raised: -45,
    deadline: -12,
    status: 'in_progress',
    comments: [
      { by: 'lead', day: -30, body: '已向地区自然资源局补正用地报批材料，正在等待自治区审查意见。' },
      { by: 'dispatch', day: -10, body: '已逾期，请自然资源局说明办理进度并给出明确时限。' },
    ],
  },
  {
    // Overdue by 2 days at DEMO_AS_OF: escalates to the responsible leader.
    project: 'TC2025-007',
    type: 'approvals',
    description: '上水库区域水土保持方案变更尚未批复，上水库开挖无法全面展开。',
    unit: 'emin_gov',
    leader: 'leader2',
    raisedBy: 'emin_lead',
    raised: -28,
    deadline: -2,
    status: 'open',
  },
  {
    // Overdue by 5 days at DEMO_AS_OF: escalates to the responsible leader.
    project: 'TC2025-015',
    type: 'approvals',
    description: '采矿许可证延续申请材料需补充储量核实报告，影响井巷工程施工许可办理。',
    unit: 'gxj',
    leader: 'leader2',
    raisedBy: 'lead3',
    raised: -35,
    deadline: -5,
    status: 'in_progress',
    comments: [{ by: 'lead3', day: -8, body: '储量核实报告已委托第三方编制，预计两周内完成。' }],
  },
  {
    project: 'TC2025-006',
    type: 'power',
    description: '施工临时用电容量不足，主厂房浇筑高峰期需新增 2 台临时变压器及配套线路。',
    unit: 'fgw',
    leader: 'leader2',
    raisedBy: 'lead2',
    raised: -12,
    deadline: 20,
    status: 'in_progress',
    comments: [{ by: 'leader2', day: -6, body: '请发改委协调供电公司优先安排接入方案评审。' }],
  },
  {
    project: 'TC2025-002',
    type: 'funding',
    description: '年度车购税补助资金尚未全部下达，部分标段工程款支付滞后，存在停工风险。',
    unit: 'jtj',
    leader: 'leader',
    raisedBy: 'leader',
    raised: -4,
    deadline: 10,
    status: 'open',
  },
  {
    project: 'TC2025-028',
    type: 'land',
    description: '约 1.2 万亩地块流转合同尚未签订，影响制种基地高标准农田配套建设。',
    unit: 'nyj',
    leader: 'leader3',
    raisedBy: 'lead4',
    raised: -6,
    deadline: 30,
    status: 'open',
  },
  {
    project: 'TC2025-019',
    type: 'water',
    description: '公路港园区供水管网接入点未确定，影响综合服务楼按期投入使用。',
    unit: 'swj',
    leader: 'leader',
    raisedBy: 'lead4',
    raised: -25,
    deadline: 5,
    status: 'resolved',
    resolution: '已与城市供水公司确定接入点，签订供水协议，管网接入工程已开工。',
    resolvedDay: -3,
  },
  {
    project: 'TC2025-022',
    type: 'approvals',
    description: '项目环境影响报告书批复需补充污水处理工艺论证材料。',
    unit: 'gxj',
    leader: 'leader3',
    raisedBy: 'lead3',
    raised: -60,
    deadline: -15,
    status: 'closed',
    resolution: '已补充污水处理工艺论证并取得环评批复。',
    resolvedDay: -20,
    closedDay: -18,
    comments: [{ by: 'leader3', day: -18, body: '经核实已取得批复文件，同意销号。' }],
  },
];

const AS_OF = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
const dayIso = (offset: number): string => new Date(AS_OF + offset * 86_400_000).toISOString().slice(0, 10);
/** A moment on that day (10:00 in Asia/Shanghai). */
const at = (offset: number, minutes = 0): Date => new Date(AS_OF + offset * 86_400_000 + 2 * 3_600_000 + minutes * 60_000);

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`demo problems: unknown ${what} "${key}"`);
  return v;
}

/** Inserts the demo problems and their threads (no audit events, like the rest of the seed). */
export async function seedDemoProblems(tx: Tx, ctx: DemoProblemContext): Promise<void> {
  for (const d of DEMO_PROBLEMS) {
    const last = Math.max(d.raised, d.resolvedDay ?? d.raised, d.closedDay ?? d.raised, ...(d.comments ?? []).map((c) => c.day));
    const [row] = await tx
      .insert(problems)
      .values({
        projectId: need(ctx.projectIds, d.project, 'project'),
        description: d.description,
        type: d.type,
        responsibleUnitId: need(ctx.unitIds, d.unit, 'unit'),
        responsibleLeaderId: need(ctx.userIds, d.leader, 'user'),
        deadline: dayIso(d.deadline),
        status: d.status,
        resolution: d.resolution ?? null,
        raisedById: need(ctx.userIds, d.raisedBy, 'user'),
        resolvedAt: d.resolvedDay === undefined ? null : at(d.resolvedDay, 30),
        closedAt: d.closedDay === undefined ? null : at(d.closedDay, 45),
        createdAt: at(d.raised),
        updatedAt: at(last, 50),
      })
      .returning({ id: problems.id });
    if (!row) throw new Error('demo problems: insert returned nothing');
    const comments = d.comments ?? [];
    if (comments.length) {
      await tx.insert(problemComments).values(
        comments.map((c, i) => ({
          problemId: row.id,
          authorId: need(ctx.userIds, c.by, 'user'),
          body: c.body,
          createdAt: at(c.day, 10 + i),
        })),
      );
    }
  }
}
