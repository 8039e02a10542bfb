import type { ErrorCode, FieldErrors } from '@/lib/errors';

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; current?: Record<string, unknown> };
