/**
 * The reference of one request (an action call or a route handler's request): a UUID that the
 * user sees in the generic "system error" message, the route answers in `X-Request-Id`, the
 * audit events of the request carry, and the log line of a failure names. The action wrapper
 * (lib/actions/wrapper.ts) and the route wrapper (lib/http/route.ts) both take it from here.
 */
import { randomUUID } from 'node:crypto';

export function newRequestId(): string {
  return randomUUID();
}

/**
 * "<Error name>: <message>" of what went wrong, without query text or parameters: drizzle wraps
 * the driver's error in a DrizzleQueryError whose message is the query and its parameters
 * ("Failed query: …\nparams: …"), and postgres.js errors carry `query` and `parameters`, so
 * neither error object is ever logged as it is (parameters can be password hashes or personal
 * data). The cause is taken when there is one (the driver's error inside drizzle's), and only
 * the first line of its message (a driver's message is one line; what follows can quote data).
 */
export function describeFailure(err: unknown): string {
  const e = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (!(e instanceof Error)) return typeof e === 'string' ? e.split('\n', 1)[0]! : Object.prototype.toString.call(e);
  const message = e.message.split('\n', 1)[0] ?? '';
  return `${e.name}: ${/^Failed query\b/i.test(message) ? 'query failed' : message}`;
}

/**
 * Logs an unexpected failure once: `[<scope>] request <id> failed: <Error name>: <message>`.
 * Never the error object itself (see describeFailure).
 */
export function logFailure(scope: string, requestId: string, err: unknown): void {
  console.error(`[${scope}] request ${requestId} failed: ${describeFailure(err)}`);
}
