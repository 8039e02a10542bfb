'use client';

import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * Unsaved form input, kept in the browser's IndexedDB as it is typed, so that nothing a user
 * typed is lost to a reload, a crash, a dropped network or an expired session. One entry per
 * user and form (`u<user id>:<form>:<record>`), so that another user of the same phone never
 * sees it. Where IndexedDB is unavailable (a private window of some browsers), drafts are
 * kept in memory for the page's lifetime and the form still works.
 */
export interface Draft<V> {
  values: V;
  /** The record's version the user started from: a later save is checked against it. */
  baseVersion: number | null;
  /** When the input was last written here (ms since epoch). */
  savedAt: number;
  /**
   * A save was asked for and has not been answered by the server yet (offline, or the session
   * ended): the form sends it again, with the same idempotency key, when it can.
   */
  pendingSave?: {
    kind: string;
    idempotencyKey: string;
    /** The values the save was sent with (JSON): a save of other values gets a key of its own. */
    sent?: string;
  } | null;
}

let store: UseStore | null | undefined;
const memory = new Map<string, unknown>();

function idb(): UseStore | null {
  if (store !== undefined) return store;
  try {
    store = typeof indexedDB === 'undefined' ? null : createStore('kpd-drafts', 'drafts');
  } catch {
    store = null;
  }
  return store;
}

export async function readDraft<V>(key: string): Promise<Draft<V> | null> {
  const s = idb();
  if (!s) return (memory.get(key) as Draft<V> | undefined) ?? null;
  try {
    return ((await get(key, s)) as Draft<V> | undefined) ?? null;
  } catch {
    return (memory.get(key) as Draft<V> | undefined) ?? null;
  }
}

export async function writeDraft<V>(key: string, draft: Draft<V>): Promise<void> {
  memory.set(key, draft);
  const s = idb();
  if (!s) return;
  try {
    await set(key, draft, s);
  } catch {
    // Quota or a closed database: the in-memory copy still covers this page's lifetime.
  }
}

export async function deleteDraft(key: string): Promise<void> {
  memory.delete(key);
  const s = idb();
  if (!s) return;
  try {
    await del(key, s);
  } catch {
    // Nothing to do: a stale draft is offered again and can be discarded.
  }
}
