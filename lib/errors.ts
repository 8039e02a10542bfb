/**
 * The one error type. Every failure a user can meet is an AppError with a code; the code maps
 * to an HTTP status and to a translated message (catalogue namespace "errors").
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  LOCKED: 423,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** For CONFLICT: the record as it is now, so the user can compare, reload and retry. */
  readonly current?: Record<string, unknown>;
  /** A more specific catalogue key for the user's message (e.g. errors.DUPLICATE) than the code's. */
  readonly messageKey?: string;
  /** The values the messageKey's message names (a limit, a count). */
  readonly messageValues?: Record<string, string | number>;
  /** An HTTP status more specific than the code's, for a route (413 too large, 415 wrong type). */
  readonly httpStatus?: number;

  constructor(
    code: ErrorCode,
    message?: string,
    extra: {
      fieldErrors?: FieldErrors;
      current?: Record<string, unknown>;
      cause?: unknown;
      messageKey?: string;
      messageValues?: Record<string, string | number>;
      httpStatus?: number;
    } = {},
  ) {
    super(message ?? code, { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.current = extra.current;
    this.messageKey = extra.messageKey;
    this.messageValues = extra.messageValues;
    this.httpStatus = extra.httpStatus;
  }

  get status(): number {
    return this.httpStatus ?? ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'record') => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'forbidden') => new AppError('FORBIDDEN', why);

/** PostgreSQL error codes that mean "the data broke a rule", from either driver. */
export function fromDatabaseError(err: unknown): AppError | null {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      if (code === '23505') return new AppError('CONFLICT', 'duplicate', { cause: err, messageKey: 'errors.DUPLICATE' });
      if (code === '23503') return new AppError('INVALID', 'reference', { cause: err });
      // Integrity rules (CHECK, NOT NULL) and every data exception (class 22: a bad date, a number
      // out of range, a character the encoding refuses, a string too long) are the input's fault.
      if (code === '23514' || code === '23502' || code.startsWith('22')) return new AppError('INVALID', 'constraint', { cause: err });
      if (code === '40001' || code === '40P01') return new AppError('CONFLICT', 'serialization', { cause: err });
      return null;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
