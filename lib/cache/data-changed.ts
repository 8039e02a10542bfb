/**
 * The "data changed" signal for read caches (lib/cache/cache.ts), in this process and in every
 * other app instance on the same database.
 *
 * - **In this process.** Every write path calls dataChanged() once its transaction has
 *   committed: the action wrapper (lib/actions/wrapper.ts) after every successful mutation, and
 *   the escalation job (lib/problems/schedule.ts) when it changed something. A cache keeps the
 *   generation its entry was computed under and discards the entry once the generation moved on.
 * - **Other instances (PostgreSQL).** Several app instances, on one machine or many, share
 *   nothing but the database, so the database carries the signal: inside the writing
 *   transaction, announceDataChange(tx) runs `pg_notify('kpd_data_changed', <instance id>)`.
 *   PostgreSQL delivers a notification only when (and if) that transaction commits, to every
 *   session LISTENing on the channel. Each instance keeps one dedicated LISTEN connection
 *   (startDataChangedListener, from instrumentation.ts) and drops its caches on every notice
 *   from another instance. Its own notices are skipped (the payload is its instance id): it
 *   already dropped its caches synchronously after the commit, before answering the writer.
 * - **A dropped LISTEN connection** (server restart, network, pg_terminate_backend) may have
 *   missed notices. From the moment it drops, no cache serves (cacheInvalidationLive() is false,
 *   so cachedByScope computes every time); the listener reconnects with a growing delay (up to
 *   10 s) for as long as it takes, and once it listens again it drops every cache once.
 * - **Embedded PGlite** is one process: the in-process signal is all there is.
 *
 * The state lives on globalThis: Next.js may load a module once per bundle (pages, route
 * handlers, server actions), and all of them must see the same generation and listener.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Executor } from '@/db/client';

/** The PostgreSQL channel of the signal. */
export const DATA_CHANGED_CHANNEL = 'kpd_data_changed';

interface Listener {
  url: string;
  client?: Sql;
  /** LISTEN is in effect on the current connection. */
  live: boolean;
  stopped: boolean;
  connecting: boolean;
  /** Moves on whenever the listening connection closes: a LISTEN from an older epoch proves nothing. */
  epoch: number;
  attempt: number;
  timer?: ReturnType<typeof setTimeout>;
  backendPid?: number;
  /** Times LISTEN took effect (1 after the first start, +1 per reconnection). */
  listens: number;
  /** Notices heard from other instances. */
  heard: number;
}

type Holder = { generation: number; listeners: Set<() => void>; instanceId: string; listener?: Listener };
const holder: Holder = ((globalThis as unknown as { __kpdDataChanged?: Holder }).__kpdDataChanged ??= {
  generation: 0,
  listeners: new Set(),
  instanceId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
});

function bump(): void {
  holder.generation++;
  for (const listener of holder.listeners) {
    try {
      listener();
    } catch {
      // A cache's clean-up must not fail the write that has already committed.
    }
  }
}

/** This process's id among the app instances (host, pid, random): the payload of its notices. */
export function instanceId(): string {
  return holder.instanceId;
}

/** Whether this process tells other instances through PostgreSQL (DATABASE_URL set: the postgres.js driver). */
function crossInstance(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/**
 * Call inside the writing transaction, last. With PostgreSQL it queues a notice for the other
 * instances that the server sends when the transaction commits, never if it rolls back. With the
 * embedded database it does nothing.
 */
export async function announceDataChange(tx: Executor): Promise<void> {
  if (!crossInstance()) return;
  await tx.execute(sql`select pg_notify(${DATA_CHANGED_CHANNEL}, ${holder.instanceId})`);
}

/** Call after a write has committed: this process's caches start afresh. Cheap; never throws. */
export function dataChanged(): void {
  bump();
}

/** The current generation: it changes whenever data changed. */
export function dataGeneration(): number {
  return holder.generation;
}

/** Runs `listener` after every change (e.g. to free a cache's memory at once). Returns the unsubscribe. */
export function onDataChanged(listener: () => void): () => void {
  holder.listeners.add(listener);
  return () => holder.listeners.delete(listener);
}

/**
 * Whether a change made by another instance reaches this process at once, so that a cache may
 * serve: always with the embedded database (one process); with PostgreSQL only while the LISTEN
 * connection is up. (With DATABASE_URL and no listener started, e.g. a script: never.)
 */
export function cacheInvalidationLive(): boolean {
  if (holder.listener && !holder.listener.stopped) return holder.listener.live;
  return !crossInstance();
}

const MAX_RETRY_MS = 10_000;

function schedule(l: Listener): void {
  if (l.stopped || l.connecting || l.timer) return;
  const delay = l.attempt === 0 ? 0 : Math.min(250 * 2 ** (l.attempt - 1), MAX_RETRY_MS);
  l.timer = setTimeout(() => {
    l.timer = undefined;
    void connect(l);
  }, delay);
  l.timer.unref?.();
}

function lost(l: Listener): void {
  l.epoch++;
  if (l.live) {
    l.live = false;
    l.backendPid = undefined;
    if (!l.stopped) console.error('[data-changed] the LISTEN connection closed; caches are bypassed until it is back');
  }
  schedule(l);
}

async function connect(l: Listener): Promise<void> {
  if (l.stopped || l.connecting) return;
  l.connecting = true;
  const epoch = l.epoch;
  try {
    // LISTEN and the backend's pid in one round trip, so both are on the same connection.
    const results = (await l.client!.unsafe(`listen ${DATA_CHANGED_CHANNEL}; select pg_backend_pid() as pid`).simple()) as unknown as [
      unknown,
      { pid: number }[],
    ];
    if (l.stopped) return;
    if (l.epoch !== epoch) throw new Error('the connection closed while LISTEN was sent');
    const first = l.listens === 0;
    l.live = true;
    l.attempt = 0;
    l.listens++;
    l.backendPid = results[1]?.[0]?.pid;
    if (!first) console.info('[data-changed] listening again; caches dropped once (notices may have been missed)');
    // Notices sent while nobody listened are lost: whatever a cache holds may be stale.
    bump();
  } catch (err) {
    l.attempt++;
    if (l.attempt === 1 || l.attempt % 10 === 0) {
      console.error(`[data-changed] could not LISTEN (attempt ${l.attempt}); retrying`, err instanceof Error ? err.message : err);
    }
  } finally {
    l.connecting = false;
  }
  if (!l.live) schedule(l);
}

/**
 * Starts this process's LISTEN connection (idempotent; PostgreSQL only, a no-op without
 * DATABASE_URL or with another URL already listening). Never throws and never waits for the
 * database: a failed connection is retried in the background. Resolves once the first attempt
 * is over (listening or not).
 */
export async function startDataChangedListener(url = process.env.DATABASE_URL): Promise<void> {
  if (!url) return;
  const current = holder.listener;
  if (current && !current.stopped) return;
  const { default: postgres } = await import('postgres');
  const l: Listener = { url, live: false, stopped: false, connecting: false, epoch: 0, attempt: 0, listens: 0, heard: 0 };
  const options = {
    max: 1,
    // One long-lived connection: no idle or lifetime recycling (each would drop every cache).
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: `kpd-listen ${holder.instanceId}` },
    onclose: () => lost(l),
    // postgres.js hands every NotificationResponse of the connection to this option (it is
    // what its own sql.listen uses; that one re-listens once after a drop and gives up if
    // the server is not back at that moment, which is why this module supervises its own).
    onnotify: (channel: string, payload: string) => {
      if (channel !== DATA_CHANGED_CHANNEL || payload === holder.instanceId) return;
      l.heard++;
      bump();
    },
  };
  l.client = postgres(url, options as Parameters<typeof postgres>[1]);
  holder.listener = l;
  await connect(l);
}

/** Closes the LISTEN connection (shutdown, tests). */
export async function stopDataChangedListener(): Promise<void> {
  const l = holder.listener;
  if (!l) return;
  l.stopped = true;
  l.live = false;
  if (l.timer) clearTimeout(l.timer);
  l.timer = undefined;
  holder.listener = undefined;
  await l.client?.end({ timeout: 1 }).catch(() => {});
}

/** What the listener is doing (tests, the health check). */
export function dataChangedListenerState(): { live: boolean; backendPid?: number; listens: number; heard: number } | null {
  const l = holder.listener;
  return l ? { live: l.live, backendPid: l.backendPid, listens: l.listens, heard: l.heard } : null;
}
