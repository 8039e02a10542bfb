/**
 * Rule sets as data: reading them and making sure the default exists. No action imports here,
 * so the seed can use it (lib/seed). The versioned edit is in rule-sets.ts.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ruleSets, rules } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { DEFAULT_RULE_SET_KEY, DEFAULT_RULE_SET_NAME, DEFAULT_RULES, type RuleDef } from './rules';

export interface RuleSetWithRules {
  id: number;
  key: string;
  name: string;
  version: number;
  active: boolean;
  note: string | null;
  createdAt: Date;
  createdById: number | null;
  rules: RuleDef[];
}

function toRuleDef(r: typeof rules.$inferSelect): RuleDef {
  return { id: r.id, measure: r.measure, comparison: r.comparison, threshold: Number(r.threshold), light: r.light, sort: r.sort };
}

async function withRules(db: Executor, sets: (typeof ruleSets.$inferSelect)[]): Promise<RuleSetWithRules[]> {
  if (sets.length === 0) return [];
  const rows = await db
    .select()
    .from(rules)
    .where(
      inArray(
        rules.ruleSetId,
        sets.map((s) => s.id),
      ),
    )
    .orderBy(asc(rules.sort), asc(rules.id));
  return sets.map((s) => ({ ...s, rules: rows.filter((r) => r.ruleSetId === s.id).map(toRuleDef) }));
}

export async function loadActiveRuleSet(db: Executor): Promise<RuleSetWithRules | null> {
  const sets = await db.select().from(ruleSets).where(eq(ruleSets.active, true)).limit(1);
  return (await withRules(db, sets))[0] ?? null;
}

export async function loadRuleSet(db: Executor, id: number): Promise<RuleSetWithRules | null> {
  const sets = await db.select().from(ruleSets).where(eq(ruleSets.id, id)).limit(1);
  return (await withRules(db, sets))[0] ?? null;
}

/** Every version of a rule set family, newest first, with its rules. */
export async function listRuleSetVersions(db: Executor, key: string): Promise<RuleSetWithRules[]> {
  const sets = await db.select().from(ruleSets).where(eq(ruleSets.key, key)).orderBy(desc(ruleSets.version));
  return withRules(db, sets);
}

/**
 * Creates the default rule set (version 1, active) when no rule set is active. Idempotent and
 * safe to call from the seed (facts-only and demo alike) and before every computation, so a
 * database seeded before rule sets existed gets it too. Returns the active rule set.
 */
export async function ensureDefaultRuleSet(db: Executor): Promise<RuleSetWithRules> {
  const active = await loadActiveRuleSet(db);
  if (active) return active;
  const [set] = await db
    .insert(ruleSets)
    .values({
      key: DEFAULT_RULE_SET_KEY,
      name: DEFAULT_RULE_SET_NAME,
      version: 1,
      active: true,
      note: '按已发布的做法：落后序时进度 10–30 个百分点为黄灯，超过 30 为红灯；当月未开工为黄灯，3 个月未开工为红灯。',
    })
    .onConflictDoNothing()
    .returning();
  if (set) await db.insert(rules).values(DEFAULT_RULES.map((r) => ({ ...r, threshold: String(r.threshold), ruleSetId: set.id })));
  const now = await loadActiveRuleSet(db);
  if (!now) throw new AppError('CONFLICT', 'no active rule set');
  return now;
}
