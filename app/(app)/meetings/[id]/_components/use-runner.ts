'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

export interface RunnerState {
  error: { message: string; conflict: boolean; fieldErrors: Record<string, string[]> } | null;
  notice: string | null;
}

/**
 * Runs a server action, refreshes the page on success (with an optional notice) and keeps the
 * error (a conflict offers a reload) otherwise.
 */
export function useRunner() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [state, setState] = useState<RunnerState>({ error: null, notice: null });

  function run<T>(key: string, call: () => Promise<ActionResult<T>>, onOk?: (data: T) => string | null | void) {
    setBusy(key);
    startTransition(async () => {
      const res = await call();
      setBusy(null);
      if (res.ok) {
        const notice = onOk?.(res.data) ?? null;
        setState({ error: null, notice });
        router.refresh();
        return;
      }
      setState({ notice: null, error: { message: res.message, conflict: res.code === 'CONFLICT', fieldErrors: res.fieldErrors ?? {} } });
    });
  }

  return {
    run,
    pending,
    busy,
    ...state,
    clear: () => setState({ error: null, notice: null }),
    reload: () => {
      setState({ error: null, notice: null });
      router.refresh();
    },
  };
}
