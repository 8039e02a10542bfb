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
  /** The same idempotency key was sent before with another input (lib/actions/idempotency.ts). */
  IDEMPOTENCY_MISMATCH: 422,
  INTERNAL: 500,
  /** The database cannot be reached (an outage, a restart): try again later (Retry-After). */
  UNAVAILABLE: 503,
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

/** postgres.js's own connection error codes and the socket errors it passes on. */
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
]);

/**
 * Whether the database could not be reached, from either driver, anywhere in the cause chain
 * (drizzle wraps the driver's error): postgres.js's connection errors (CONNECTION_CLOSED,
 * CONNECT_TIMEOUT, ECONNREFUSED …), the server's SQLSTATE class 08 (connection exception),
 * 57P01–57P03 (shut down by the administrator, crashed, cannot connect now), 53300 (too many
 * connections), and a closed PGlite. The request did not fail because of its input: 503.
 */
export function isUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (CONNECTION_CODES.has(code)) return true;
      if (/^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
    }
    if (e instanceof Error && /^PGlite is closed\b/.test(e.message)) return true;
    // A socket error of several addresses (net's AggregateError: IPv4 and IPv6 refused).
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((x) => isUnavailable(x))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
