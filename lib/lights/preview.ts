/**
 * What a rule change would do (read only, nothing is written): the lights of the latest
 * reporting period that has approved reports, computed on today's data with the active rules
 * and with the proposed ones, and the projects whose light would change (from → to, with the
 * reasons under the proposed rules). It uses the same measures (measures.ts) and the same
 * engine (rules.ts) as computeAndStoreLights (compute.ts), so the "to" side is what the next
 * computation of that period stores once the proposed rules are the active version.
 *
 * Overrides are not part of it: they replace the shown light whatever the rules say.
 */
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projects, reportingPeriods, reports } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import type { LightReason } from '@/db/schema/lights';
import { type Actor, projectScope } from '@/lib/authz';
import { today as clockToday } from '@/lib/clock';
import { computeMeasures, type Period } from './measures';
import { evaluate, type RuleDef } from './rules';

export interface PreviewChange {
  projectId: number;
  code: string;
  name: string;
  from: Light;
  to: Light;
  /** Why it would be `to` (empty when it would be green). */
  reasons: LightReason[];
  /** Why it is `from` under the active rules. */
  fromReasons: LightReason[];
}

export interface RulePreview {
  /** The period compared; null when no period has an approved report yet. */
  period: Period | null;
  total: number;
  before: Record<Light, number>;
  after: Record<Light, number>;
  /** How many lights would change. */
  changed: number;
  /** The changed projects (at most PREVIEW_LIST_MAX, reds first); `changed` counts them all. */
  changes: PreviewChange[];
}

export const PREVIEW_LIST_MAX = 200;

type ProposedRule = Pick<RuleDef, 'measure' | 'comparison' | 'threshold' | 'light'>;

/** The rules as the engine takes them, in the order the editor lists them (sort as saved). */
export function asRuleDefs(list: readonly ProposedRule[]): RuleDef[] {
  return list.map((r, i) => ({
    id: null,
    measure: r.measure,
    comparison: r.comparison,
    threshold: r.threshold,
    light: r.light,
    sort: (i + 1) * 10,
  }));
}

/** The latest started period with at least one approved report of a project in the actor's scope. */
export async function latestApprovedPeriod(db: Executor, actor: Pick<Actor, 'countyId'>, today: string) {
  const withApproved = db
    .select({ id: reports.periodId })
    .from(reports)
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .where(and(eq(reports.status, 'approved'), projectScope(actor)));
  const [period] = await db
    .select()
    .from(reportingPeriods)
    .where(and(inArray(reportingPeriods.id, withApproved), lte(reportingPeriods.startDate, today)))
    .orderBy(desc(reportingPeriods.endDate), desc(reportingPeriods.id))
    .limit(1);
  return period ?? null;
}

const SEVERITY: Record<Light, number> = { green: 0, yellow: 1, red: 2 };
const zero = (): Record<Light, number> => ({ green: 0, yellow: 0, red: 0 });

/**
 * Compares the active rules (`current`) with the proposed ones on the latest period with
 * approved reports, for the projects in the actor's scope.
 */
export async function previewRuleChange(
  db: Executor,
  actor: Pick<Actor, 'countyId'>,
  current: readonly RuleDef[],
  proposed: readonly RuleDef[],
  opts: { today?: string } = {},
): Promise<RulePreview> {
  const today = opts.today ?? clockToday();
  const before = zero();
  const after = zero();
  const period = await latestApprovedPeriod(db, actor, today);
  if (!period) return { period: null, total: 0, before, after, changed: 0, changes: [] };

  const measures = await computeMeasures(db, period, { actor, today });
  const changed: Omit<PreviewChange, 'code' | 'name'>[] = [];
  for (const m of measures) {
    const was = evaluate(m.values, current, m.context);
    const will = evaluate(m.values, proposed, m.context);
    before[was.light]++;
    after[will.light]++;
    if (was.light !== will.light)
      changed.push({ projectId: m.projectId, from: was.light, to: will.light, reasons: will.reasons, fromReasons: was.reasons });
  }
  changed.sort((a, b) => SEVERITY[b.to] - SEVERITY[a.to] || SEVERITY[b.from] - SEVERITY[a.from] || a.projectId - b.projectId);
  const listed = changed.slice(0, PREVIEW_LIST_MAX);
  const names = listed.length
    ? await db
        .select({ id: projects.id, code: projects.code, name: projects.name })
        .from(projects)
        .where(
          inArray(
            projects.id,
            listed.map((c) => c.projectId),
          ),
        )
        .orderBy(asc(projects.id))
    : [];
  const nameBy = new Map(names.map((n) => [n.id, n]));
  return {
    period: { id: period.id, kind: period.kind, startDate: period.startDate, endDate: period.endDate },
    total: measures.length,
    before,
    after,
    changed: changed.length,
    changes: listed.map((c) => ({ ...c, code: nameBy.get(c.projectId)?.code ?? '', name: nameBy.get(c.projectId)?.name ?? '' })),
  };
}
