'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type Draft, deleteDraft, readDraft, writeDraft } from './draft-store';
import { useDraftOwner } from './draft-scope';

export type PendingSave = NonNullable<Draft<unknown>['pendingSave']>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Keeps a form's unsaved input in the browser as it is typed (draft-store.ts) and offers it
 * back when the form opens again: after a reload, a crash, a lost network or a new sign-in.
 * The kept values (and the version the user started from) go back into the form through its
 * own `setValues` / `setVersion`. A draft equal to what the server sent is dropped. Call `settled(values, version)`
 * after a successful save or after reloading the current values: that is the new starting
 * point. Without a signed-in user (no DraftScope) nothing is kept.
 */
export function useDraft<V>({
  form,
  values,
  baseVersion,
  setValues,
  setVersion,
  server,
}: {
  /** The form and its record, e.g. `milestone:12`. */
  form: string;
  values: V;
  baseVersion: number | null;
  /** The form's own state: the kept values and the version they were typed against go back in. */
  setValues: (values: V) => void;
  setVersion: (version: number) => void;
  /** What the server sent: where `reset()` takes the form back to. */
  server: { values: V; version: number };
}) {
  const owner = useDraftOwner();
  const key = owner === null ? null : `u${owner}:${form}`;
  // Without a user there is nothing to read: loaded at once.
  const [loaded, setLoaded] = useState(key === null);
  const [restored, setRestored] = useState<Draft<V> | null>(null);
  const initial = useRef(values);
  const base = useRef(baseVersion);
  const pending = useRef<PendingSave | null>(null);
  const latest = useRef(values);
  const restore = useRef((draft: Draft<V>) => {
    setValues(draft.values);
    if (draft.baseVersion !== null) setVersion(draft.baseVersion);
  });
  const serverRef = useRef(server);
  useLayoutEffect(() => {
    latest.current = values;
    restore.current = (draft) => {
      setValues(draft.values);
      if (draft.baseVersion !== null) setVersion(draft.baseVersion);
    };
    serverRef.current = server;
  });

  useEffect(() => {
    if (!key) return;
    let live = true;
    void readDraft<V>(key).then((draft) => {
      if (!live) return;
      if (draft && (draft.pendingSave || !same(draft.values, initial.current))) {
        base.current = draft.baseVersion;
        pending.current = draft.pendingSave ?? null;
        restore.current(draft);
        setRestored(draft);
      }
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [key]);

  const persist = useCallback(() => {
    if (!key) return Promise.resolve();
    const v = latest.current;
    if (same(v, initial.current) && !pending.current) return deleteDraft(key);
    return writeDraft<V>(key, { values: v, baseVersion: base.current, savedAt: Date.now(), pendingSave: pending.current });
  }, [key]);

  // As the user types (a short pause), and at once when the page is hidden or closed.
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => void persist(), 250);
    return () => clearTimeout(timer);
  }, [values, loaded, persist]);
  useEffect(() => {
    if (!loaded) return;
    const flush = () => void persist();
    const onHide = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [loaded, persist]);

  return {
    /** The draft's stored copy has been read (restored or not): saving may start. */
    loaded,
    /** The draft that was put back into the form when it opened, if any. */
    restored,
    /** A save that was asked for and not yet answered (kept with the draft). */
    pendingSave: () => pending.current,
    /** The version the kept input was typed against. */
    baseVersion: () => base.current,
    /** The form's values now (what a save would send). */
    currentValues: () => latest.current,
    markPending: async (save: PendingSave | null) => {
      pending.current = save;
      await persist();
    },
    /** A save went through, or the current values were reloaded: start again from these. */
    settled: (nextValues: V, version: number | null) => {
      initial.current = nextValues;
      latest.current = nextValues;
      base.current = version;
      pending.current = null;
      setRestored(null);
      if (key) void deleteDraft(key);
    },
    /** The kept input is thrown away (the user leaves the form). */
    discard: () => {
      pending.current = null;
      setRestored(null);
      if (key) void deleteDraft(key);
    },
    /** The user throws the kept input away and stays: the form goes back to what the server sent. */
    reset: () => {
      pending.current = null;
      setRestored(null);
      if (key) void deleteDraft(key);
      setValues(serverRef.current.values);
      setVersion(serverRef.current.version);
    },
  };
}
