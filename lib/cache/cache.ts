/**
 * A short-lived in-process cache of the dashboard's figures (getDashboard), so that 20 people
 * opening the dashboard at once, or the presentation screen refreshing every minute, do not each
 * run its ~16 aggregate statements over the whole portfolio.
 *
 * Why this is safe:
 * - **Keyed by scope.** The figures depend only on the actor's scope — projectScope uses nothing
 *   but actor.countyId — and on today's date. The key is (countyId ?? 'all', today): a county
 *   user can never be given the prefecture's entry or another county's, and the date in the key
 *   starts fresh figures at midnight (overdue, due-in-30-days, missing reports move with it).
 * - **Invalidated by writes, in every instance.** Every mutation goes through the action
 *   wrapper, which calls dataChanged() after its transaction commits; the escalation job does
 *   too. With PostgreSQL the writing transaction also notifies every other app instance
 *   (LISTEN/NOTIFY, lib/cache/data-changed.ts), which drops its entries when the notice arrives.
 *   An entry computed before the latest change is never served again, and a computation
 *   running while a write commits is not shared with requests that arrive after it. While an
 *   instance's LISTEN connection is down, it serves no cached entry at all.
 * - **Short TTL.** DASHBOARD_CACHE_SECONDS (default 30 in production, 0 = off). A write from
 *   outside the app (psql, `npm run db:seed`) sends no notice: it shows within the TTL. The page
 *   and the presentation screen say when their figures were computed ("数据更新于 HH:mm").
 * - **Single flight.** Concurrent misses for the same key share one computation.
 *
 * Off under vitest (the ground-truth tests compare every figure with SQL over the rows they just
 * wrote), except where a test turns it on with setDashboardCacheForTests.
 */
import type { Actor } from '@/lib/authz';
import { now, today } from '@/lib/clock';
import { cacheInvalidationLive, dataGeneration, onDataChanged } from './data-changed';

interface Entry<T> {
  generation: number;
  /** When the computation started (ms): its reads are at least this fresh. */
  started: number;
  value: Promise<T>;
}

type Holder = { entries: Map<string, Entry<unknown>>; seconds?: number; subscribed?: boolean };
const holder: Holder = ((globalThis as unknown as { __kpdDashboardCache?: Holder }).__kpdDashboardCache ??= { entries: new Map() });
if (!holder.subscribed) {
  holder.subscribed = true;
  onDataChanged(() => holder.entries.clear());
}

/** The TTL in seconds (0: no caching). */
export function dashboardCacheSeconds(): number {
  if (holder.seconds !== undefined) return holder.seconds;
  if (process.env.VITEST) return 0;
  const raw = process.env.DASHBOARD_CACHE_SECONDS;
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    return Number.isFinite(n) && n > 0 ? n : 0;
  }
  return process.env.NODE_ENV === 'production' ? 30 : 0;
}

/** Tests: turn the cache on (seconds > 0), off (0), or back to the default (undefined); empties it. */
export function setDashboardCacheForTests(seconds: number | undefined): void {
  holder.seconds = seconds;
  holder.entries.clear();
}

/** The cache key: the scope and the day, nothing else about the actor. */
export function dashboardCacheKey(actor: Pick<Actor, 'countyId'>): string {
  return `${actor.countyId ?? 'all'}|${today()}`;
}

/**
 * compute() for this actor's scope, or the shared result of a computation for the same scope
 * started less than the TTL ago and after the latest data change. `kind` keeps the entries of
 * different computations apart (the dashboard's figures; the reference lists,
 * lib/reference/queries.ts). A cached value is shared between requests: callers never mutate it.
 */
export function cachedByScope<T>(actor: Pick<Actor, 'countyId'>, compute: () => Promise<T>, kind = 'dashboard'): Promise<T> {
  const seconds = dashboardCacheSeconds();
  // Without a live "data changed" signal from the other instances an entry could be stale.
  if (seconds <= 0 || !cacheInvalidationLive()) return compute();
  const key = `${kind}:${dashboardCacheKey(actor)}`;
  const generation = dataGeneration();
  const at = now().getTime();
  const ttl = seconds * 1000;
  const hit = holder.entries.get(key) as Entry<T> | undefined;
  if (hit && hit.generation === generation && at - hit.started < ttl && at >= hit.started) return hit.value;

  // Forget what can no longer be served (older generation, expired, another day).
  for (const [k, e] of holder.entries) {
    if (e.generation !== generation || at - e.started >= ttl) holder.entries.delete(k);
  }
  const value = compute();
  const entry: Entry<T> = { generation, started: at, value };
  holder.entries.set(key, entry as Entry<unknown>);
  // A failed computation is not cached: the next request tries again.
  value.catch(() => {
    if (holder.entries.get(key) === entry) holder.entries.delete(key);
  });
  return value;
}
