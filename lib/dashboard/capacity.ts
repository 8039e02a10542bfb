/**
 * New-energy capacity against the portfolio target (the report's 力争年内累计并网规模达到1000万千瓦).
 * The target and the categories that count are data: the `new_energy_capacity_target` setting
 * (lib/seed/facts.ts). Capacities in 万千瓦 or MW (1 万千瓦 = 10 MW) count; other units are not power.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { milestones, projects, settings } from '@/db/schema';
import { type Actor, projectScope } from '@/lib/authz';
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
  connected: boolean;
  connectedOn: string | null;
}

export interface CapacityData {
  rows: CapacityRow[];
  projects: number;
  connectedProjects: number;
  /** 万千瓦. */
  total: number;
  connected: number;
  /** New-energy projects in scope without a power capacity (not in the totals, listed as such). */
  unknown: number;
}

/** The new-energy projects in scope, largest first (at most `limit`), with the totals over all of them. */
export async function capacityData(db: Executor, actor: Actor, limit = CAPACITY_LIST_LIMIT): Promise<CapacityData> {
  // The projects and the count of those without a capacity, read together.
  const [rows, [unknown]] = await Promise.all([
    rowsOf<{
      id: number;
      code: string;
      name: string;
      name_en: string | null;
      capacity: string;
      connected: boolean;
      connected_on: string | null;
      n: number;
      n_connected: number;
      total: string;
      total_connected: string;
    }>(
      db,
      sql`WITH e AS MATERIALIZED (
        SELECT ${projects.id} AS id, ${projects.code} AS code, ${projects.name} AS name, ${projects.nameEn} AS name_en,
          ${capacityWanKwSql} AS capacity, ${projects.stage} AS stage,
          (SELECT min(gm.actual_date) FROM ${milestones} gm WHERE gm.project_id = ${projects.id} AND gm.kind = 'grid_connection') AS connected_on
        FROM ${projects}
        ${whereAll(projectScope(actor), energyFilterSql('all'))}
      ), c AS (
        SELECT e.*, (e.stage = 'operating' OR e.connected_on IS NOT NULL) AS connected FROM e
      )
      SELECT id, code, name, name_en, capacity::text, connected, connected_on::text,
        count(*) OVER ()::int AS n,
        count(*) FILTER (WHERE connected) OVER ()::int AS n_connected,
        sum(capacity) OVER ()::text AS total,
        coalesce(sum(capacity) FILTER (WHERE connected) OVER (), 0)::text AS total_connected
      FROM c
      ORDER BY capacity DESC, code ASC
      LIMIT ${limit}::int`,
    ),
    rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${projects} ${whereAll(projectScope(actor), energyFilterSql('unknown'))}`),
  ]);
  const first = rows[0];
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      capacity: Number(r.capacity),
      connected: Boolean(r.connected),
      connectedOn: r.connected_on,
    })),
    projects: Number(first?.n ?? 0),
    connectedProjects: Number(first?.n_connected ?? 0),
    total: Number(first?.total ?? 0),
    connected: Number(first?.total_connected ?? 0),
    unknown: Number(unknown?.n ?? 0),
  };
}
