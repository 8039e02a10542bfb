/**
 * The one reader of request bodies (the route wrapper's JSON bodies, the photo upload): it
 * counts bytes while the body streams in and stops at the route's limit, whether or not
 * Content-Length is there or true. Past the limit the stream is cancelled, so the rest is
 * never pulled, let alone buffered: at most the limit plus one chunk is ever held.
 */
import { noteBody } from '@/lib/actions/idempotency';
import { AppError } from '@/lib/errors';

/** A JSON body of the API: far more than any form sends. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** A size for the user's message: "1 MB", "64 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} B`;
}

/** The 413 answer: nothing was read past the limit, nothing was saved. */
export function bodyTooLarge(limit: number): AppError {
  return new AppError('INVALID', `body larger than ${limit} bytes`, {
    httpStatus: 413,
    messageKey: 'errors.TOO_LARGE',
    messageValues: { max: formatBytes(limit) },
  });
}

export interface ReadBodyOptions {
  /** The error past the limit (default: bodyTooLarge(limit)). */
  tooLarge?: () => AppError;
}

/**
 * The body's bytes, at most `limit` of them: a declared Content-Length over the limit is
 * refused before anything is read; otherwise the stream is read chunk by chunk and cancelled
 * as soon as the count passes the limit. An empty or absent body is zero bytes. The bytes go
 * to the request's idempotency hash when the request sent a key (lib/actions/idempotency.ts).
 */
export async function readBody(request: Request, limit: number, options: ReadBodyOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = options.tooLarge ?? (() => bodyTooLarge(limit));
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const body = request.body;
  if (Number.isFinite(declared) && declared > limit) {
    await body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!body) {
    const empty = new Uint8Array(0);
    noteBody(empty);
    return empty;
  }
  if (body.locked) throw new Error('readBody: the body was read already');
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // Drop what was held and stop the sender: the rest is never pulled.
        chunks.length = 0;
        await reader.cancel('body too large').catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The client went away or the stream broke: what came is not a body.
    throw new AppError('INVALID', 'body could not be read', { cause: err });
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  noteBody(bytes);
  return bytes;
}

/** A JSON body through readBody: 415 for another content type, 413 past the limit, 422 if it does not parse. */
export async function readJsonBody(request: Request, limit: number = JSON_BODY_MAX_BYTES): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    await request.body?.cancel().catch(() => {});
    throw new AppError('INVALID', 'not JSON', { httpStatus: 415 });
  }
  const bytes = await readBody(request, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('INVALID', 'body is not UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INVALID', 'body does not parse');
  }
}
