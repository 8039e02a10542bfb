/**
 * The one wrapper every route handler under app/api goes through (next-auth's own handlers
 * excepted), as createAction is for every mutation:
 *
 *   export const patchMilestoneRoute = withRoute({
 *     name: 'milestone.patch',
 *     auth: true,                                 // false: no session needed (a health check)
 *     params: z.object({ id: routeId }),          // malformed → 404
 *     body: z.record(z.string(), z.unknown()),    // JSON only (415 otherwise), zod → 422
 *     handler: ({ actor, params, body, t, requestId }) => updateMilestone.execute(actor, …, t, requestId),
 *   });
 *   // app/api/milestones/[id]/route.ts:  export const PATCH = patchMilestoneRoute;
 *
 * In this order: the session (401), the Origin for `sameOrigin` (403), the route params (a
 * malformed id is 404), the query (422), the permission — with `load`, the record is loaded
 * through its resource's scoped query and authorized on getDb() (404 / 403 / 409, the same
 * authorize() as the actions; mutations leave it to their action, which loads inside its
 * transaction) — the JSON body (415 / 422), then the handler. The handler answers a Response,
 * or an ActionResult: `{ ok: true, data }` → 200 JSON, `{ ok: false }` → the error answer.
 *
 * Every failure, thrown (AppError, a database rule) or an action's { ok: false }, is one answer:
 * `{ ok: false, code, message, fieldErrors?, current?, requestId }` with the code's status
 * (lib/errors.ts), the message in the request's language (its NEXT_LOCALE cookie). Every
 * response carries `X-Request-Id`; an unexpected error is logged once as
 * `[route <name>] request <id> failed: <Error name>: <message>` (never the error object: a
 * database error carries its query's parameters) and answers 500 with the generic message
 * naming the id. A streamed body that fails half-way is logged the same way and aborted.
 */
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/actions/result';
import { type Failure, failureFrom } from '@/lib/actions/failure';
import { parseInput } from '@/lib/actions/parse-input';
import { type Actor, can, type Permission } from '@/lib/authz';
import { authorize, type LoadSpec } from '@/lib/authz/resource';
import { IDEMPOTENCY_HEADER, isValidKey, type RouteIdempotency, withRouteKey } from '@/lib/actions/idempotency';
import { AppError, ERROR_STATUS } from '@/lib/errors';
import { LOCALE_COOKIE, type Locale, toLocale } from '@/lib/i18n/config';
import { translator, type Translate } from '@/lib/i18n/translate';
import { logFailure, newRequestId } from '@/lib/request-id';
import { JSON_BODY_MAX_BYTES, readJsonBody } from './body';

/** Route params as Next.js passes them (a catch-all segment is an array). */
export type RawParams = Record<string, string | string[] | undefined>;

/** The second argument Next.js 16 gives a route handler. */
export interface RouteHandlerContext {
  params: Promise<RawParams>;
}

/** A body the route reads itself (multipart, a stream): it runs after the load step. */
export type BodyReader<B> = (request: Request, t: Translate) => Promise<B>;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOut<S> = S extends z.ZodType ? z.output<S> : S extends BodyReader<infer B> ? B : undefined;

export interface RouteContext<A extends boolean, P, Q, B, Rec> {
  request: Request;
  /** The signed-in user (null only for `auth: false` routes). */
  actor: A extends false ? null : Actor;
  params: P;
  query: Q;
  body: B;
  /** The record `load` named, visible to the actor and permitted. */
  record: Rec;
  /** The URL's query string as it came (for a list's own URL-state parser). */
  search: URLSearchParams;
  locale: Locale;
  t: Translate;
  /** This request's reference (X-Request-Id); pass it to an action's execute. */
  requestId: string;
}

export type RouteAnswer = Response | ActionResult<unknown>;

export interface RouteDef<A extends boolean, PS, QS, BS, Rec> {
  /** For the log line and the tests that list every route: `[route <name>]`. */
  name: string;
  /** true: a session is required (401 without). false: no session is read (actor is null). */
  auth: A;
  /**
   * Checked before the handler: on the loaded record with `load`; without `load`, only an ANY
   * grant passes. A route that hands over to an action leaves it out (the action checks).
   */
  permission?: Permission;
  /** The route params' schema; any failure (a malformed id: use routeId) answers 404. */
  params?: PS;
  /** The query's schema (each key's first value); a failure answers 422 with field errors. */
  query?: QS;
  /**
   * A zod schema for a JSON body (application/json only), or a reader of the route's own (which
   * reads through lib/http/body.ts's readBody with its own limit).
   */
  body?: BS;
  /** The most bytes a JSON body may have (default JSON_BODY_MAX_BYTES); past it 413, the rest unread. */
  bodyLimit?: number;
  /** The record the route reads, by a params field: loaded and authorized on getDb(). */
  load?: LoadSpec<Out<PS>, Rec>;
  /** Refuse a browser request from another origin (403): a cookie-authenticated upload. */
  sameOrigin?: boolean;
  handler: (ctx: RouteContext<A, Out<PS>, Out<QS>, BodyOut<BS>, Rec>) => Promise<RouteAnswer>;
}

export interface RouteMeta {
  name: string;
  auth: boolean;
  permission?: Permission;
  load?: LoadSpec<never, unknown>;
}

/** What withRoute makes: a Next.js route handler, plus `execute` and `meta`. */
export type Route = ((request: Request, context: RouteHandlerContext) => Promise<Response>) & {
  /** Runs the route for a given actor (tests): everything but reading the session cookie. */
  execute: (actor: Actor | null, request: Request, params?: RawParams) => Promise<Response>;
  meta: RouteMeta;
};

const ROUTE = Symbol.for('kpd.route');

/** Whether a value is a route handler made by withRoute (every app/api handler must be one). */
export function isRoute(value: unknown): value is Route {
  return typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[ROUTE] === true;
}

const NO_STORE = { 'cache-control': 'no-store' } as const;

/** A JSON answer that no cache keeps (the default for every API answer). */
export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/** How long a client should wait before retrying when the database cannot be reached (seconds). */
export const RETRY_AFTER_SECONDS = 5;

/** The one error answer: an action's { ok: false } or a thrown error, translated (failureFrom). */
export function failureResponse(failure: Failure, requestId: string, status: number = ERROR_STATUS[failure.code]): Response {
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (failure.code === 'UNAVAILABLE') headers['retry-after'] = String(RETRY_AFTER_SECONDS);
  return json({ ...failure, requestId }, { status, headers });
}

/** A thrown value as the error answer (AppError → its code and status; anything else → 500, logged). */
export function errorResponse(err: unknown, t: Translate, requestId: string, scope: string): Response {
  const failure = failureFrom(err, t, requestId, scope);
  const status = err instanceof AppError && failure.code === err.code ? err.status : ERROR_STATUS[failure.code];
  return failureResponse(failure, requestId, status);
}

/** One cookie of the request (route handlers read the language from the request itself). */
function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The request's language: the NEXT_LOCALE cookie, as the pages read it. */
export function localeOf(request: Request): Locale {
  return toLocale(cookie(request, LOCALE_COOKIE));
}

/**
 * A browser sends Origin on every cross-origin POST: one from another site is refused (the
 * session cookie is SameSite=Lax already; this is the second lock). Requests without Origin
 * (scripts with the cookie, tests) pass.
 */
function crossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Query or body through the one input reader; a refusal is INVALID with the field errors. */
function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown, t: Translate): z.output<S> {
  const parsed = parseInput(schema, raw, t);
  if (!parsed.ok) throw new AppError('INVALID', 'invalid input', { fieldErrors: parsed.fieldErrors });
  return parsed.data;
}

function isSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && typeof (value as z.ZodType).safeParse === 'function';
}

/** The body stream, logged once and aborted with a bare error if it fails after the headers went out. */
function guardStream(body: ReadableStream<Uint8Array>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        onError(err);
        controller.error(new Error('the response stream failed'));
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The request's Idempotency-Key, for the actions its handler runs (lib/actions/idempotency.ts);
 * a read ignores it. A malformed key is refused (422) before anything runs.
 */
function idempotencyOf(request: Request, route: string): RouteIdempotency | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!isValidKey(key)) throw new AppError('INVALID', 'malformed idempotency key', { messageKey: 'errors.IDEMPOTENCY_KEY' });
  const url = new URL(request.url);
  return { route, key, target: `${request.method.toUpperCase()} ${url.pathname}${url.search}`, bodyHash: null, replayed: false };
}

function answerOf(answer: RouteAnswer, requestId: string): Response {
  if (answer instanceof Response) return answer;
  return answer.ok ? json({ ok: true, data: answer.data }) : failureResponse(answer, requestId);
}

/** The handler's response with X-Request-Id, its body guarded (guardStream). */
function finish(res: Response, requestId: string, scope: string): Response {
  const headers = new Headers(res.headers);
  headers.set('x-request-id', requestId);
  const body = res.body ? guardStream(res.body, (err) => logFailure(scope, requestId, err)) : null;
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}

export function withRoute<
  A extends boolean,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | BodyReader<unknown> | undefined = undefined,
  Rec = undefined,
>(def: RouteDef<A, PS, QS, BS, Rec>): Route {
  if (def.load && !def.permission) throw new Error(`route ${def.name}: load needs the permission to check`);
  if (def.auth === false && (def.load || def.permission))
    throw new Error(`route ${def.name}: a route without a session checks no permission`);
  const scope = `route ${def.name}`;

  const run = async (session: () => Promise<Actor | null>, request: Request, rawParams: RawParams): Promise<Response> => {
    const requestId = newRequestId();
    const locale = localeOf(request);
    const t = translator(locale);
    let res: Response;
    try {
      const idem = idempotencyOf(request, def.name);
      res = idem
        ? await withRouteKey(idem, () => respond(session, request, rawParams, requestId, locale, t))
        : await respond(session, request, rawParams, requestId, locale, t);
    } catch (err) {
      res = errorResponse(err, t, requestId, scope);
    }
    return finish(res, requestId, scope);
  };

  const respond = async (
    session: () => Promise<Actor | null>,
    request: Request,
    rawParams: RawParams,
    requestId: string,
    locale: Locale,
    t: Translate,
  ): Promise<Response> => {
    const actor = def.auth === false ? null : await session();
    if (def.auth !== false && !actor) throw new AppError('UNAUTHENTICATED');
    if (def.sameOrigin && crossSite(request)) throw new AppError('FORBIDDEN', 'cross-site request');

    let params: unknown = undefined;
    if (def.params) {
      const parsed = (def.params as z.ZodType).safeParse(rawParams);
      if (!parsed.success) throw new AppError('NOT_FOUND', 'malformed route params');
      params = parsed.data;
    }
    const search = new URL(request.url).searchParams;
    let query: unknown = undefined;
    if (def.query) {
      const first = Object.fromEntries([...new Set(search.keys())].map((k) => [k, search.get(k)]));
      query = parseOrThrow(def.query as z.ZodType, first, t);
    }

    let record: unknown = undefined;
    if (actor && def.permission) {
      if (def.load) {
        // What the actor cannot see is not found, whatever the role (authorize's first answer).
        record = await authorize(await getDb(), actor, def.permission, def.load, params as Out<PS>);
      } else if (!can(actor, def.permission)) {
        throw new AppError('FORBIDDEN', `no ${def.permission}`);
      }
    }

    let body: unknown = undefined;
    if (isSchema(def.body)) {
      body = parseOrThrow(def.body, await readJsonBody(request, def.bodyLimit ?? JSON_BODY_MAX_BYTES), t);
    } else if (typeof def.body === 'function') {
      body = await (def.body as BodyReader<unknown>)(request, t);
    }

    const ctx = { request, actor, params, query, body, record, search, locale, t, requestId };
    return answerOf(await def.handler(ctx as RouteContext<A, Out<PS>, Out<QS>, BodyOut<BS>, Rec>), requestId);
  };

  const session = async () => (await import('@/lib/auth/session')).getActor();
  const handler = async (request: Request, context?: RouteHandlerContext): Promise<Response> =>
    run(session, request, (await context?.params) ?? {});
  const execute = (actor: Actor | null, request: Request, params: RawParams = {}) => run(async () => actor, request, params);
  const meta: RouteMeta = {
    name: def.name,
    auth: def.auth,
    ...(def.permission ? { permission: def.permission } : {}),
    ...(def.load ? { load: def.load as unknown as LoadSpec<never, unknown> } : {}),
  };
  return Object.assign(handler, { execute, meta, [ROUTE]: true }) as Route;
}
