/**
 * The memory a refused upload costs: 300 MB streamed without Content-Length, three times over,
 * to the photo route's limit and to a JSON route, grows the process by far less than one such
 * body (it grew by ~745 MB and stayed there before the counting reader, lib/http/body.ts).
 * A file of its own: nothing else in the process allocates while it measures.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PHOTO_REQUEST_MAX_BYTES } from '@/lib/reports/photo-limits';
import { readBody } from './body';
import { json, withRoute } from './route';

const CHUNK = 64 * 1024;
const TOTAL = 300 * 1024 * 1024;
const MB = 1024 * 1024;

function endless(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let bytes = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (bytes >= TOTAL) return controller.close();
        bytes += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => bytes };
}

const post = (body: ReadableStream<Uint8Array>, type: string) =>
  new Request('http://localhost/api/x', { method: 'POST', body, headers: { 'content-type': type }, duplex: 'half' } as RequestInit);

describe('memory of a refused 300 MB body', () => {
  it('rss grows by less than 64 MB over three photo-sized and three JSON refusals', async () => {
    const route = withRoute({ name: 'test.memory', auth: false, body: z.unknown(), handler: async () => json({}) });
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    let pulled = 0;
    for (let i = 0; i < 3; i++) {
      const photo = endless();
      await expect(readBody(post(photo.stream, 'multipart/form-data; boundary=b'), PHOTO_REQUEST_MAX_BYTES)).rejects.toMatchObject({
        status: 413,
      });
      const body = endless();
      expect((await route.execute(null, post(body.stream, 'application/json'))).status).toBe(413);
      pulled += photo.pulled() + body.pulled();
    }
    (globalThis as { gc?: () => void }).gc?.();
    const growth = process.memoryUsage().rss - before;
    console.info(
      `body memory: ${(pulled / MB).toFixed(1)} MB pulled of ${(6 * TOTAL) / MB} MB sent; rss grew ${(growth / MB).toFixed(1)} MB`,
    );
    expect(pulled).toBeLessThanOrEqual(3 * (PHOTO_REQUEST_MAX_BYTES + CHUNK) + 3 * (MB + CHUNK));
    expect(growth).toBeLessThan(64 * MB);
  });
});
