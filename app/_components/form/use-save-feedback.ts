'use client';

import { useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import type { FieldErrors } from '@/lib/errors';

type Refused = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * What an edit form shows after a refused save, shared by the forms that save a versioned
 * record: field errors under their fields; on a conflict, the current values (for the conflict
 * panel, no other message); otherwise one message (a summary when fields are invalid). Focus
 * moves to the message so a screen reader announces it. Render `alertRef` around the alerts.
 */
export function useSaveFeedback() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  function fail(res: Refused, invalidSummary: string) {
    setErrors(res.fieldErrors ?? {});
    if (res.code === 'CONFLICT' && res.current) {
      setConflict(res.current);
      setAlert(null);
    } else {
      setConflict(null);
      setAlert(res.code === 'INVALID' && res.fieldErrors ? invalidSummary : res.message);
    }
    requestAnimationFrame(() => alertRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus());
  }

  /** After a successful save or a reload of the current values. */
  function clear() {
    setErrors({});
    setAlert(null);
    setConflict(null);
  }

  return { errors, alert, conflict, alertRef, fail, clear };
}
