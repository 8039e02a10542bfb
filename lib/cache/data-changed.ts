/**
 * The in-process "data changed" signal for read caches (lib/cache/cache.ts). Every write path
 * of this process calls dataChanged() once its transaction has committed: the action wrapper
 * (lib/actions/wrapper.ts) after every successful mutation, and the escalation job
 * (lib/problems/schedule.ts) when it changed something. A cache keeps the generation its entry
 * was computed under and discards the entry once the generation has moved on.
 *
 * The counter lives on globalThis: Next.js may load a module once per bundle (pages, route
 * handlers, server actions), and all of them must see the same generation.
 */
type Holder = { generation: number; listeners: Set<() => void>; relaying?: boolean };
const holder: Holder = ((globalThis as unknown as { __kpdDataChanged?: Holder }).__kpdDataChanged ??= {
  generation: 0,
  listeners: new Set(),
});

/**
 * Several app processes (scripts/app.mjs with WEB_CONCURRENCY > 1 runs them as a Node.js cluster,
 * each with KPD_WORKER set): a write in one process must drop the read caches of all of them.
 * A worker tells the primary over the cluster's IPC channel, and the primary passes the message
 * on to every other worker.
 */
export const DATA_CHANGED_MESSAGE = 'kpd:data-changed';
const inCluster = () => process.env.KPD_WORKER !== undefined && typeof process.send === 'function';

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

if (!holder.relaying && inCluster()) {
  holder.relaying = true;
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === DATA_CHANGED_MESSAGE) bump();
  });
}

/** Call after a write has committed. Cheap; never throws. */
export function dataChanged(): void {
  bump();
  if (inCluster()) {
    try {
      process.send!({ type: DATA_CHANGED_MESSAGE });
    } catch {
      // The primary is gone (shutting down): the other workers go with it.
    }
  }
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
