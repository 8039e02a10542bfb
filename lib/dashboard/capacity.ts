/**
 * New-energy capacity against the portfolio target (the report's 力争年内累计并网规模达到1000万千瓦).
 * The target and the categories that count are data: the `new_energy_capacity_target` setting
 * (lib/seed/facts.ts). Capacities in 万千瓦 or MW (1 万千瓦 = 10 MW) count; other units are not power.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { milestones, projects, settings } from '@/db/schema';
import { type Actor, projectScope } from '@/lib/authz';
import { type CapacityBaseline, readCapacityBaseline } from '@/lib/capacity-baseline/queries';
import { capacityWanKwSql, energyFilterSql, NEW_ENERGY_SETTING } from './drilldown-sql';
import { rowsOf, whereAll } from './sql-util';

/** The largest projects listed on the chart (the totals cover every project). */
export const CAPACITY_LIST_LIMIT = 40;

export interface CapacityTarget {
  /** 万千瓦. */
  amount: number;
  quote: string | null;
  year: number | null;
}

/** The setting's value: { amount, unit: '万千瓦', categories, year?, source? }; null when absent or unreadable. */
export function parseCapacityTarget(value: string | undefined | null): CapacityTarget | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as { amount?: unknown; unit?: unknown; year?: unknown; source?: { quote?: unknown } };
    const amount = Number(v.amount);
    if (!Number.isFinite(amount) || amount <= 0) return null;
    const scale = v.unit === 'MW' ? 0.1 : 1;
    return {
      amount: amount * scale,
      quote: typeof v.source?.quote === 'string' ? v.source.quote : null,
      year: typeof v.year === 'number' ? v.year : null,
    };
  } catch {
    return null;
  }
}

export async function readCapacityTarget(db: Executor): Promise<CapacityTarget | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, NEW_ENERGY_SETTING)).limit(1);
  return parseCapacityTarget(row?.value);
}

export interface CapacityRow {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  capacity: number;
  /** 万千瓦 connected by the end of the year: its batches (at most its capacity), else all of it once connected. */
  connectedCapacity: number;
  connected: boolean;
  /** Connected, but no grid connection carries a batch capacity: its whole capacity counts. */
  whole: boolean;
  connectedOn: string | null;
}

export interface CapacityData {
  rows: CapacityRow[];
  projects: number;
  connectedProjects: number;
  /** Of the connected, those counted with their whole capacity (no batch capacities entered). */
  wholeProjects: number;
  /** 万千瓦. */
  total: number;
  /** The registry's connected capacity by the end of the year, 万千瓦. */
  connected: number;
  /** New-energy projects in scope without a power capacity (not in the totals, listed as such). */
  unknown: number;
  /** The office's baseline before the year (prefecture scope only; null for a county or when not entered). */
  baseline: CapacityBaseline | null;
}

/**
 * The new-energy projects in scope, largest first (at most `limit`), with the totals over all of
 * them, as connected by the end of `year`. A project's connected capacity is the sum of its grid
 * connections' batch capacities (分批并网) with an actual date by then, never more than its
 * capacity; a project with no batch capacity counts whole once connected (a grid connection's
 * actual date by then, or in operation with no dated grid connection). A prefecture-wide actor
 * also gets the office's baseline of the year (capacity connected before it, outside the registry).
 */
export async function capacityData(db: Executor, actor: Actor, year: number, limit = CAPACITY_LIST_LIMIT): Promise<CapacityData> {
  const end = sql`make_date(${year}::int, 12, 31)`;
  const grid = sql`gm.project_id = ${projects.id} AND gm.kind = 'grid_connection'`;
  // The projects, the count of those without a capacity and the baseline, read together.
  const [rows, [unknown], baseline] = await Promise.all([
    rowsOf<{
      id: number;
      code: string;
      name: string;
      name_en: string | null;
      capacity: string;
      connected_capacity: string;
      connected: boolean;
      whole: boolean;
      connected_on: string | null;
      n: number;
      n_connected: number;
      n_whole: number;
      total: string;
      total_connected: string;
    }>(
      db,
      sql`WITH e AS MATERIALIZED (
        SELECT ${projects.id} AS id, ${projects.code} AS code, ${projects.name} AS name, ${projects.nameEn} AS name_en,
          ${capacityWanKwSql} AS capacity, ${projects.stage} AS stage,
          (CASE btrim(${projects.capacityUnit}) WHEN 'MW' THEN 10 ELSE 1 END) AS per_wan,
          (SELECT min(gm.actual_date) FROM ${milestones} gm WHERE ${grid} AND gm.actual_date <= ${end}) AS connected_on,
          EXISTS (SELECT 1 FROM ${milestones} gm WHERE ${grid} AND gm.actual_date IS NOT NULL) AS ever_dated,
          EXISTS (SELECT 1 FROM ${milestones} gm WHERE ${grid} AND gm.capacity IS NOT NULL) AS batched,
          (SELECT sum(gm.capacity) FROM ${milestones} gm WHERE ${grid} AND gm.actual_date <= ${end}) AS batches
        FROM ${projects}
        ${whereAll(projectScope(actor), energyFilterSql('all'))}
      ), w AS (
        SELECT e.*, (NOT e.batched AND (e.connected_on IS NOT NULL OR (e.stage = 'operating' AND NOT e.ever_dated))) AS whole FROM e
      ), c AS (
        SELECT w.*,
          (CASE WHEN w.whole THEN w.capacity WHEN w.batched THEN least(coalesce(w.batches, 0) / w.per_wan, w.capacity) ELSE 0 END)
            AS connected_capacity
        FROM w
      )
      SELECT id, code, name, name_en, capacity::text, connected_capacity::text, whole, connected_on::text,
        (connected_capacity > 0) AS connected,
        count(*) OVER ()::int AS n,
        count(*) FILTER (WHERE connected_capacity > 0) OVER ()::int AS n_connected,
        count(*) FILTER (WHERE whole) OVER ()::int AS n_whole,
        sum(capacity) OVER ()::text AS total,
        sum(connected_capacity) OVER ()::text AS total_connected
      FROM c
      ORDER BY capacity DESC, code ASC
      LIMIT ${limit}::int`,
    ),
    rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${projects} ${whereAll(projectScope(actor), energyFilterSql('unknown'))}`),
    // The baseline is the prefecture's: a county's view never adds it.
    actor.countyId === null ? readCapacityBaseline(db, year) : Promise.resolve(null),
  ]);
  const first = rows[0];
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      capacity: Number(r.capacity),
      connectedCapacity: Number(r.connected_capacity),
      connected: Boolean(r.connected),
      whole: Boolean(r.whole),
      connectedOn: r.connected_on,
    })),
    projects: Number(first?.n ?? 0),
    connectedProjects: Number(first?.n_connected ?? 0),
    wholeProjects: Number(first?.n_whole ?? 0),
    total: Number(first?.total ?? 0),
    connected: Number(first?.total_connected ?? 0),
    unknown: Number(unknown?.n ?? 0),
    baseline,
  };
}
