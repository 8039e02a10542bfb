'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import type { PendingSave } from './use-draft';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** The server could not be reached: kept here, sent again when the network is back. */
  | { kind: 'offline' }
  /** The session ended: kept here, sent after the user signs in again. */
  | { kind: 'signedOut' }
  /** The request failed on the way (not an answer from the app): kept here, retry offered. */
  | { kind: 'failed'; reference: string };

/** What this needs of the form's draft (use-draft.ts). */
interface Draft {
  loaded: boolean;
  currentValues: () => unknown;
  pendingSave: () => PendingSave | null;
  markPending: (save: PendingSave | null) => Promise<void>;
}
const RETRY_MS = 20_000;

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The key of an unanswered save that this one repeats: the same kind of save with the same
 * values (a retry, or the resumption after a sign-in). A save of values edited since is a new
 * request with a key of its own: if the first one did arrive, the new one meets the version it
 * moved and gets the conflict answer, never a refusal of a reused key. null: a new key.
 */
export function pendingKeyFor(earlier: PendingSave | null, kind: string, sent: string): string | null {
  if (!earlier || earlier.kind !== kind) return null;
  // A save kept by an earlier version of this page, without its values: repeated as it was.
  if (earlier.sent !== undefined && earlier.sent !== sent) return null;
  return earlier.idempotencyKey;
}

/**
 * Sends a form's save so that nothing typed is lost on the way. Before sending, the save is
 * recorded with the draft (use-draft.ts) under an idempotency key; if the server cannot be
 * reached the form stays as it is, says so, and sends the same save again (same key, same
 * starting version, so a conflict still gets the conflict answer and a save that did arrive
 * is not applied twice) when the browser is online again, or every 20 s. An expired session
 * keeps the save for after the next sign-in, which returns to the same page: the draft is
 * restored there and the save completes by itself. `answer` gets every answer of the app.
 */
export function useResilientSave<K extends string, T>({
  draft,
  send,
  answer,
}: {
  draft: Draft;
  send: (kind: K, idempotencyKey: string) => Promise<ActionResult<T>>;
  answer: (kind: K, result: ActionResult<T>) => void;
}) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const sendRef = useRef(send);
  const answerRef = useRef(answer);
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    sendRef.current = send;
    answerRef.current = answer;
    draftRef.current = draft;
  });
  const inFlight = useRef(false);

  const run = useCallback(async (kind: K) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const draft = draftRef.current;
    const earlier = draft.pendingSave();
    const sent = JSON.stringify(draft.currentValues());
    const idempotencyKey = pendingKeyFor(earlier, kind, sent) ?? newKey();
    await draft.markPending({ kind, idempotencyKey, sent });
    setState({ kind: 'sending' });
    let result: ActionResult<T>;
    try {
      result = await sendRef.current(kind, idempotencyKey);
    } catch (err) {
      inFlight.current = false;
      const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || err instanceof TypeError;
      setState(offline ? { kind: 'offline' } : { kind: 'failed', reference: `C-${idempotencyKey.slice(0, 8)}` });
      return;
    }
    inFlight.current = false;
    if (!result.ok && result.code === 'UNAUTHENTICATED') {
      setState({ kind: 'signedOut' });
      return;
    }
    if (!result.ok && result.code === 'UNAVAILABLE') {
      setState({ kind: 'offline' });
      return;
    }
    await draft.markPending(null);
    setState({ kind: 'idle' });
    answerRef.current(kind, result);
  }, []);

  // Offline: send again as soon as the browser says it is online, and every RETRY_MS anyway
  // (a phone can be "online" without reaching the server).
  const pendingKind = () => draftRef.current.pendingSave()?.kind as K | undefined;
  useEffect(() => {
    if (state.kind !== 'offline') return;
    const retry = () => {
      const kind = pendingKind();
      if (kind) void run(kind);
    };
    window.addEventListener('online', retry);
    const timer = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pendingKind reads the draft's ref at the moment of the retry
  }, [state.kind, run]);

  // Back after a new sign-in (or a reload) with a save that was never answered: complete it.
  const resumed = useRef(false);
  useEffect(() => {
    if (!draft.loaded || resumed.current) return;
    resumed.current = true;
    const kind = pendingKind();
    if (kind) void run(kind);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the draft has been read
  }, [draft.loaded]);

  return { state, run, busy: state.kind === 'sending' };
}
