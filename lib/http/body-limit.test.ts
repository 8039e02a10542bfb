/**
 * The one body reader (lib/http/body.ts) and the routes that read through it: a body is counted
 * while it streams and the stream is cancelled at the limit, with or without a Content-Length,
 * true or not. The memory check of the same stream is lib/http/body-memory.test.ts.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { setClockForTests } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { PHOTO_REQUEST_MAX_BYTES } from '@/lib/reports/photo-limits';
import { uploadPhotoRoute } from '@/lib/reports/photo-http';
import { buildReportWorld, openJune, type ReportWorld } from '@/lib/reports/test-world';
import { useTestDb } from '@/test/db';
import { bodyTooLarge, JSON_BODY_MAX_BYTES, readBody, readJsonBody } from './body';
import { json, withRoute } from './route';
import { en, zh } from './route-test-support';

const CHUNK = 64 * 1024;
const HUGE = 300 * 1024 * 1024;

/** A body that would deliver `total` bytes in CHUNK pieces (the first bytes `head`), counting what was pulled. */
function endless(total = HUGE, head = new Uint8Array(0)) {
  const stats = { pulled: 0, bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.bytes >= total) return controller.close();
        const chunk = new Uint8Array(CHUNK).fill(0x61);
        if (stats.pulled === 0) chunk.set(head.subarray(0, CHUNK));
        stats.pulled++;
        stats.bytes += CHUNK;
        controller.enqueue(chunk);
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

function streamed(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}, url = 'http://localhost/api/x'): Request {
  return new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('readBody: counts while streaming and stops at the limit', () => {
  it('300 MB without Content-Length: cancelled after the limit, at most limit + one chunk pulled', async () => {
    const limit = 1024 * 1024;
    const { stream, stats } = endless();
    const err = await refusal(readBody(streamed(stream), limit));
    expect(err.status).toBe(413);
    expect(err.messageKey).toBe('errors.TOO_LARGE');
    expect(stats.cancelled).toBe(true);
    expect(stats.bytes).toBeLessThanOrEqual(limit + CHUNK);
    expect(stats.pulled).toBe(limit / CHUNK + 1);
  });

  it('a Content-Length that lies (says 10 bytes, sends 300 MB): stopped at the limit all the same', async () => {
    const { stream, stats } = endless();
    const err = await refusal(readBody(streamed(stream, { 'content-length': '10' }), 256 * 1024));
    expect(err.status).toBe(413);
    expect(stats.cancelled).toBe(true);
    expect(stats.bytes).toBeLessThanOrEqual(256 * 1024 + CHUNK);
  });

  it('a declared Content-Length over the limit: refused before a byte is read', async () => {
    const { stream, stats } = endless();
    const err = await refusal(readBody(streamed(stream, { 'content-length': String(HUGE) }), 1024));
    expect(err.status).toBe(413);
    expect(stats.pulled).toBe(0);
    expect(stats.cancelled).toBe(true);
  });

  it('a body within the limit (several chunks, exactly the limit) comes whole; no body is empty', async () => {
    const { stream } = endless(3 * CHUNK);
    const bytes = await readBody(streamed(stream), 3 * CHUNK);
    expect(bytes.byteLength).toBe(3 * CHUNK);
    expect(bytes.every((b) => b === 0x61)).toBe(true);
    expect((await readBody(new Request('http://localhost/x', { method: 'POST' }), 10)).byteLength).toBe(0);
  });

  it('a stream that breaks half-way is a bad request (422), not a 500', async () => {
    let n = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(c) {
        if (n++ < 2) c.enqueue(new Uint8Array(10));
        else c.error(new Error('socket hang up'));
      },
    });
    const err = await refusal(readBody(streamed(broken), 1024));
    expect(err.status).toBe(422);
  });

  it('the message names the limit, in both languages', () => {
    const err = bodyTooLarge(JSON_BODY_MAX_BYTES);
    expect(zh(err.messageKey!, err.messageValues)).toBe('请求内容过大（最多 1 MB），本次操作未保存。');
    expect(en(err.messageKey!, err.messageValues)).toBe('The request is too large (at most 1 MB). Nothing was saved.');
  });

  it('readJsonBody: 415 for another type (the body not read), 422 for bytes that are not UTF-8 or not JSON', async () => {
    const { stream, stats } = endless();
    expect((await refusal(readJsonBody(streamed(stream, { 'content-type': 'text/plain' })))).status).toBe(415);
    expect(stats.pulled).toBe(0);
    const bad = (body: BodyInit) =>
      readJsonBody(new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    expect((await refusal(bad(new Uint8Array([0x7b, 0xff, 0x7d])))).status).toBe(422);
    expect((await refusal(bad('{"a":'))).status).toBe(422);
    expect(await bad('{"a":"路基"}')).toEqual({ a: '路基' });
  });
});

describe('the route wrapper reads every JSON body through it', () => {
  const handler = vi.fn(async () => json({ ok: true }));
  const route = withRoute({ name: 'test.body', auth: false, body: z.record(z.string(), z.unknown()), handler });
  const small = withRoute({ name: 'test.body.small', auth: false, body: z.unknown(), bodyLimit: 100, handler });

  it('300 MB of JSON without Content-Length: 413 with the message in the request’s language, the handler never runs', async () => {
    const { stream, stats } = endless(HUGE, new TextEncoder().encode('{"note":"'));
    const req = streamed(stream, { 'content-type': 'application/json', cookie: 'NEXT_LOCALE=en' });
    const res = await route.execute(null, req);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID', message: en('errors.TOO_LARGE', { max: '1 MB' }) });
    expect(stats.bytes).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES + CHUNK);
    expect(stats.cancelled).toBe(true);
    expect(handler).not.toHaveBeenCalled();
  });

  it('a route’s own bodyLimit', async () => {
    const big = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'x'.repeat(100) }),
    });
    const res = await small.execute(null, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ message: zh('errors.TOO_LARGE', { max: '100 B' }) });
    const ok = await small.execute(
      null,
      new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }),
    );
    expect(ok.status).toBe(200);
  });
});

describe('the photo upload: its own larger limit, the same reader', () => {
  const getDb = useTestDb({ reset: 'file' });
  let w: ReportWorld;
  let reportId: number;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpd-body-'));
    process.env.PHOTO_DIR = dir;
    setClockForTests(new Date('2025-06-20T04:00:00Z'));
    w = await buildReportWorld();
    reportId = (await openJune(getDb(), w)).report.id;
  });
  afterAll(async () => {
    setClockForTests(null);
    delete process.env.PHOTO_DIR;
    await rm(dir, { recursive: true, force: true });
  });

  it('300 MB multipart without Content-Length: 413 with the photo message, at most the limit + one chunk pulled, no file written', async () => {
    const head = new TextEncoder().encode(
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
    );
    const { stream, stats } = endless(HUGE, head);
    const req = streamed(stream, { 'content-type': 'multipart/form-data; boundary=b' }, `http://localhost/api/reports/${reportId}/photos`);
    const res = await uploadPhotoRoute.execute(w.actors.leadOwn, req, { id: String(reportId) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID', message: zh('reports.photo.errors.tooLarge', { max: 10 }) });
    expect(stats.cancelled).toBe(true);
    expect(stats.bytes).toBeLessThanOrEqual(PHOTO_REQUEST_MAX_BYTES + CHUNK);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('who may not upload is refused before a byte of the body is read', async () => {
    const { stream, stats } = endless();
    const req = streamed(stream, { 'content-type': 'multipart/form-data; boundary=b' }, `http://localhost/api/reports/${reportId}/photos`);
    const res = await uploadPhotoRoute.execute(w.actors.viewer, req, { id: String(reportId) });
    expect(res.status).toBe(403);
    expect(stats.pulled).toBe(0);
  });
});
