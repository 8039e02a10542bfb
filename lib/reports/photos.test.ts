import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, reportPhotos } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import type { Actor } from '@/lib/authz';
import { translator, type Translate } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { submitReport } from './edit-report';
import { captionReportPhoto, deleteReportPhotoAs } from './photo-actions';
import { PHOTO_CAPTION_MAX } from './photo-limits';
import { servePhotoRoute, uploadPhotoRoute } from './photo-http';
import { inspectPhoto, PHOTO_MAX_BYTES, PHOTO_MAX_PER_REPORT, sniffImageType, writePhotoFiles } from './photos';
import { exifDateTime, exifTiff } from './photos-metadata';
import { ALL_ROLES, buildReportWorld, expectUnchanged, filled, openJune, type ReportRole, type ReportWorld, snapshot } from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
const en = translator('en');

// The routes (lib/reports/photo-http.ts through lib/http/route.ts) with the signed-in actor
// given; the language is the request's NEXT_LOCALE cookie, as the browser sends it.
function uploadPhoto(actor: Actor | null, id: string, request: Request, t: Translate): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.set('cookie', `NEXT_LOCALE=${t === en ? 'en' : 'zh-CN'}`);
  return uploadPhotoRoute.execute(actor, new Request(request, { headers }), { id });
}
function servePhoto(actor: Actor | null, id: string, thumb: boolean): Promise<Response> {
  return servePhotoRoute.execute(actor, new Request(`http://localhost/api/photos/${id}${thumb ? '?thumb=1' : ''}`), { id });
}
/** Every error answer names its request (the route wrapper's X-Request-Id). */
const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

let w: ReportWorld;
let reportId: number;
let reportBId: number;
let dir: string;

let jpeg: Buffer;
let png: Buffer;
let webp: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kpd-photos-'));
  process.env.PHOTO_DIR = dir;
  setClockForTests(new Date('2025-06-20T04:00:00Z'));
  // A noisy image, so the encoded file is large enough to cut in half meaningfully.
  const raw = Buffer.from(Array.from({ length: 160 * 120 * 3 }, (_, i) => (i * 7919) % 251));
  const img = () => sharp(raw, { raw: { width: 160, height: 120, channels: 3 } });
  [jpeg, png, webp] = await Promise.all([img().jpeg({ quality: 90 }).toBuffer(), img().png().toBuffer(), img().webp().toBuffer()]);
});
afterAll(async () => {
  setClockForTests(null);
  delete process.env.PHOTO_DIR;
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(dir, { recursive: true, force: true });
  w = await buildReportWorld();
  const opened = await openJune(getDb(), w);
  reportId = opened.report.id;
  reportBId = opened.reportB.id;
});

function uploadRequest(bytes: Buffer, name: string, type = 'image/jpeg', headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type }));
  return new Request(`http://localhost/api/reports/${reportId}/photos`, { method: 'POST', body: form, headers });
}

async function upload(role: ReportRole, bytes: Buffer, name: string, t = zh, type?: string, id = reportId) {
  const res = await uploadPhoto(w.actors[role], String(id), uploadRequest(bytes, name, type), t);
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; code?: string; message?: string; data?: { id: number; url: string; thumbUrl: string } },
  };
}

const files = async () => (await readdir(dir).catch(() => [])).sort();

describe('checking the bytes', () => {
  it('knows JPEG, PNG and WebP by their magic bytes, nothing else', () => {
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('\x7fELF\x02\x01\x01\x00'))).toBeNull();
    expect(sniffImageType(Buffer.from('MZ\x90\x00\x03\x00'))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF\x00\x00\x00\x00WAVE'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('decodes the whole image and makes a JPEG thumbnail', async () => {
    const ok = await inspectPhoto(png);
    expect(ok).toMatchObject({ ok: true, mimeType: 'image/png', width: 160, height: 120 });
    if (ok.ok) expect(sniffImageType(ok.thumbnail)).toBe('image/jpeg');
    expect(await inspectPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await inspectPhoto(png.subarray(0, png.length - 200))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await inspectPhoto(Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(2000, 0x41)]))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await inspectPhoto(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses an image with too many pixels (a decompression bomb is small on disk)', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 9_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(PHOTO_MAX_BYTES);
    expect(await inspectPhoto(bomb)).toEqual({ ok: false, reason: 'tooManyPixels' });
  });
});

describe('POST /api/reports/:id/photos', () => {
  it('the lead uploads a JPEG, PNG and WebP: rows, files, thumbnails and one audit event each', async () => {
    const db = getDb();
    for (const [bytes, name, type] of [
      [jpeg, '现场.jpg', 'image/jpeg'],
      [png, 'site.png', 'image/png'],
      // The browser's claimed type and the name do not matter: the bytes do.
      [webp, 'photo.jpg', 'application/octet-stream'],
    ] as const) {
      const { status, body } = await upload('leadOwn', bytes, name, zh, type);
      expect(status).toBe(201);
      expect(body).toMatchObject({
        ok: true,
        data: { url: `/api/photos/${body.data!.id}`, thumbUrl: `/api/photos/${body.data!.id}?thumb=1` },
      });
    }
    const rows = await db.select().from(reportPhotos).orderBy(reportPhotos.id);
    expect(rows.map((r) => [r.mimeType, r.originalName, r.width, r.height])).toEqual([
      ['image/jpeg', '现场.jpg', 160, 120],
      ['image/png', 'site.png', 160, 120],
      ['image/webp', 'photo.jpg', 160, 120],
    ]);
    expect(rows.every((r) => /^[0-9a-f]{32}$/.test(r.storageKey) && r.uploadedById === w.users.leadOwn.id)).toBe(true);
    expect(await files()).toEqual(rows.flatMap((r) => [r.storageKey, `${r.storageKey}.thumb`]).sort());
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.photo.add'));
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ entityType: 'report_photo', projectId: w.project.id, after: { reportId, originalName: '现场.jpg' } });
  });

  it.each([
    [
      'an ELF executable renamed .jpg',
      () => Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(4000, 1)]),
      'photo.jpg',
    ],
    [
      'a Windows executable (MZ) renamed .jpg',
      () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4000, 2)]),
      'IMG_0001.jpg',
    ],
    ['an HTML page renamed .png', () => Buffer.from('<html><script>alert(1)</script></html>'), 'x.png'],
    ['a GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'x.gif'],
  ])('refuses %s: 415 with the reason, nothing stored', async (_label, bytes, name) => {
    const db = getDb();
    const before = await snapshot(db);
    const { status, body } = await upload('leadOwn', bytes(), name);
    expect(status).toBe(415);
    expect(body).toEqual({ ok: false, code: 'INVALID', message: zh('reports.photo.errors.unsupportedType'), requestId: REQUEST_ID });
    expect(body.message).toContain('JPEG、PNG 或 WebP');
    await expectUnchanged(db, before);
    expect(await files()).toEqual([]);
  });

  it('refuses an oversized file: 413 with the limit in the message (English for an English user)', async () => {
    const db = getDb();
    const before = await snapshot(db);
    const big = Buffer.alloc(PHOTO_MAX_BYTES + 1, 0);
    jpeg.copy(big, 0, 0, 64); // starts like a JPEG
    const { status, body } = await upload('leadOwn', big, 'big.jpg', en);
    expect(status).toBe(413);
    expect(body).toEqual({
      ok: false,
      code: 'INVALID',
      message: 'The photo is larger than 10 MB. Please compress it or lower its resolution.',
      requestId: REQUEST_ID,
    });
    await expectUnchanged(db, before);
    expect(await files()).toEqual([]);
  });

  it('refuses a truncated JPEG and a corrupt one: 422 with the reason', async () => {
    const db = getDb();
    const before = await snapshot(db);
    for (const bytes of [jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), Buffer.concat([jpeg.subarray(0, 2), Buffer.alloc(3000, 0xff)])]) {
      const { status, body } = await upload('leadOwn', bytes, 'broken.jpg');
      expect(status).toBe(422);
      expect(body).toEqual({
        ok: false,
        code: 'INVALID',
        message: '图片已损坏或不完整，无法读取。请重新拍摄或导出后再上传。',
        requestId: REQUEST_ID,
      });
    }
    await expectUnchanged(db, before);
    expect(await files()).toEqual([]);
  });

  it('refuses a request without a file', async () => {
    const form = new FormData();
    form.append('caption', 'x');
    const res = await uploadPhoto(
      w.actors.leadOwn,
      String(reportId),
      new Request('http://localhost/x', { method: 'POST', body: form }),
      zh,
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, message: zh('reports.photo.errors.noFile') });
  });

  const UPLOADERS: Record<ReportRole, number> = {
    admin: 403,
    dispatch: 403,
    leaderOwn: 403,
    leaderOther: 403,
    leadOwn: 201,
    leadOther: 403,
    viewer: 403,
    countyBDispatch: 404,
    countyBLead: 404,
  };
  it.each(ALL_ROLES)('who may upload: %s', async (role) => {
    const db = getDb();
    const before = await snapshot(db);
    const { status, body } = await upload(role, jpeg, 'a.jpg');
    expect(status).toBe(UPLOADERS[role]);
    if (status !== 201) {
      expect(body.ok).toBe(false);
      await expectUnchanged(db, before);
      expect(await files()).toEqual([]);
    }
  });

  it('not signed in: 401; a bad id: 404; another site: 403', async () => {
    const res = await uploadPhoto(null, String(reportId), uploadRequest(jpeg, 'a.jpg'), zh);
    expect(res.status).toBe(401);
    expect((await uploadPhoto(w.actors.leadOwn, 'abc', uploadRequest(jpeg, 'a.jpg'), zh)).status).toBe(404);
    const cross = uploadRequest(jpeg, 'a.jpg', 'image/jpeg', { origin: 'https://evil.example', host: 'localhost' });
    expect((await uploadPhoto(w.actors.leadOwn, String(reportId), cross, zh)).status).toBe(403);
    const same = uploadRequest(jpeg, 'a.jpg', 'image/jpeg', { origin: 'http://localhost:3000', host: 'localhost:3000' });
    expect((await uploadPhoto(w.actors.leadOwn, String(reportId), same, zh)).status).toBe(201);
  });

  it('a submitted report takes no photos (409); a returned one does', async () => {
    const db = getDb();
    const sub = await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    expect(sub.ok).toBe(true);
    const before = await snapshot(db);
    const { status, body } = await upload('leadOwn', jpeg, 'a.jpg');
    expect(status).toBe(409);
    expect(body.message).toBe(zh('reports.errors.notEditable'));
    await expectUnchanged(db, before);
  });

  it(`at most ${PHOTO_MAX_PER_REPORT} photos per report`, async () => {
    const db = getDb();
    await db.insert(reportPhotos).values(
      Array.from({ length: PHOTO_MAX_PER_REPORT }, (_, i) => ({
        reportId,
        projectId: w.project.id,
        storageKey: i.toString(16).padStart(32, '0'),
        mimeType: 'image/jpeg' as const,
        byteSize: 1,
      })),
    );
    const { status, body } = await upload('leadOwn', jpeg, 'a.jpg');
    expect(status).toBe(422);
    expect(body.message).toBe('这份填报的照片已达上限，请先删除不需要的照片。');
    expect(await files()).toEqual([]);
  });
});

describe('GET /api/photos/:id', () => {
  async function uploaded(role: ReportRole = 'leadOwn', id = reportId, bytes = png) {
    const { body } = await upload(role, bytes, 'site.png', zh, 'image/png', id);
    return body.data!.id;
  }

  it('serves the original and the thumbnail with the right type, private caching and nosniff', async () => {
    const id = await uploaded();
    const res = await servePhoto(w.actors.viewer, String(id), false);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/^private\b/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The stored copy is re-encoded (metadata stripped); a PNG stays lossless: the same pixels.
    const served = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(served.length));
    const pixels = (b: Buffer) => sharp(b).raw().toBuffer();
    expect((await pixels(served)).equals(await pixels(png))).toBe(true);

    const thumb = await servePhoto(w.actors.viewer, String(id), true);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from(await thumb.arrayBuffer()))).toBe('image/jpeg');
  });

  it('a user of another county gets 404 for the photo URL of a project outside their county', async () => {
    const id = await uploaded();
    for (const role of ['countyBDispatch', 'countyBLead'] as const) {
      for (const thumb of [false, true]) {
        const res = await servePhoto(w.actors[role], String(id), thumb);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).not.toMatch(/^image\//);
      }
    }
    // ... while county B's own photo is served to them.
    const own = await uploaded('countyBLead', reportBId);
    expect((await servePhoto(w.actors.countyBDispatch, String(own), false)).status).toBe(200);
    // Everyone who can see county A's project may see its photos.
    for (const role of ['dispatch', 'leaderOther', 'leadOther', 'admin'] as const) {
      expect((await servePhoto(w.actors[role], String(id), true)).status).toBe(200);
    }
  });

  it('not signed in: 401; unknown or malformed id: 404', async () => {
    const id = await uploaded();
    expect((await servePhoto(null, String(id), false)).status).toBe(401);
    expect((await servePhoto(w.actors.viewer, '99999', false)).status).toBe(404);
    expect((await servePhoto(w.actors.viewer, '../../etc/passwd', false)).status).toBe(404);
  });
});

describe('deleting a photo', () => {
  async function uploaded() {
    const { body } = await upload('leadOwn', jpeg, 'a.jpg');
    return body.data!.id;
  }

  const DELETERS: Record<ReportRole, 'ok' | 'FORBIDDEN' | 'NOT_FOUND'> = {
    admin: 'FORBIDDEN',
    dispatch: 'FORBIDDEN',
    leaderOwn: 'FORBIDDEN',
    leaderOther: 'FORBIDDEN',
    leadOwn: 'ok',
    leadOther: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
    countyBDispatch: 'NOT_FOUND', // another county's photo is not found, whatever the role
    countyBLead: 'NOT_FOUND',
  };
  it.each(ALL_ROLES)('who may: %s', async (role) => {
    const db = getDb();
    const id = await uploaded();
    const before = await snapshot(db);
    const filesBefore = await files();
    const res = await deleteReportPhotoAs(w.actors[role], { id });
    if (DELETERS[role] !== 'ok') {
      expect(res).toMatchObject({ ok: false, code: DELETERS[role] });
      await expectUnchanged(db, before);
      expect(await files()).toEqual(filesBefore);
      return;
    }
    expect(res).toEqual({ ok: true, data: { id, reportId } });
    expect(await db.select().from(reportPhotos)).toEqual([]);
    expect(await files()).toEqual([]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.photo.delete'));
    expect(event).toMatchObject({ entityId: String(id), before: { reportId, originalName: 'a.jpg' }, after: null });
  });

  it('a photo of a submitted report cannot be deleted', async () => {
    const db = getDb();
    const id = await uploaded();
    await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    const before = await snapshot(db);
    const res = await deleteReportPhotoAs(w.actors.leadOwn, { id });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', message: zh('reports.errors.notEditable') });
    await expectUnchanged(db, before);
    expect(await files()).toHaveLength(2);
  });
});

describe('what a served photo gives away', () => {
  // A phone picture: camera, time taken (with its offset), GPS position of the site, an XMP
  // packet, and an orientation tag (6: turn 90° clockwise to view), on a 160 × 120 sensor image.
  const XMP =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Tacheng"/></rdf:RDF></x:xmpmeta>';
  async function phonePhoto(format: 'jpeg' | 'webp' | 'png', exif: Record<string, Record<string, string>>): Promise<Buffer> {
    const raw = Buffer.from(Array.from({ length: 160 * 120 * 3 }, (_, i) => (i * 31) % 256));
    const img = sharp(raw, { raw: { width: 160, height: 120, channels: 3 } })
      .withExif(exif)
      .withMetadata({ orientation: 6 })
      .withXmp(XMP);
    return (format === 'jpeg' ? img.jpeg({ quality: 92 }) : format === 'webp' ? img.webp() : img.png()).toBuffer();
  }
  const GPS_EXIF = {
    IFD0: { Make: 'PhoneCo', Model: 'P1' },
    IFD2: { DateTimeOriginal: '2025:06:18 09:30:15', OffsetTimeOriginal: '+08:00' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '46/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '82/1 59/1 0/1' },
  };

  /** The GPS position in a file's EXIF block (sharp finds the block in all three types). */
  async function gpsOf(bytes: Buffer) {
    const tiff = exifTiff(await sharp(bytes).metadata());
    return tiff ? exifr.gps(tiff) : undefined;
  }

  async function expectNoMetadata(bytes: Buffer) {
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect(await gpsOf(bytes)).toBeUndefined();
    if (!bytes.subarray(8, 12).equals(Buffer.from('WEBP'))) {
      // exifr reads JPEG and PNG files whole (not WebP): no EXIF, XMP or IPTC segment anywhere.
      expect(await exifr.parse(bytes, { xmp: true, iptc: true, ihdr: false, icc: false, jfif: false })).toBeUndefined();
    }
    expect(bytes.includes('Tacheng')).toBe(false);
    expect(bytes.includes('PhoneCo')).toBe(false);
  }

  it.each(['jpeg', 'webp', 'png'] as const)('a %s with GPS EXIF: served without any metadata, upright, taken-at kept', async (format) => {
    const db = getDb();
    const upload_ = await phonePhoto(format, GPS_EXIF);
    // The test image does carry what it should.
    expect(await gpsOf(upload_)).toEqual({ latitude: 46.75, longitude: expect.closeTo(82.9833, 3) });
    expect((await sharp(upload_).metadata()).orientation).toBe(6);

    const { status, body } = await upload('leadOwn', upload_, `IMG.${format}`, zh, `image/${format}`);
    expect(status).toBe(201);
    const [row] = await db.select().from(reportPhotos).where(eq(reportPhotos.id, body.data!.id));
    expect(row!.takenAt?.toISOString()).toBe('2025-06-18T01:30:15.000Z');
    // Orientation applied to the pixels: the stored picture is 120 wide, 160 high.
    expect([row!.width, row!.height]).toEqual([120, 160]);

    for (const thumb of [false, true]) {
      const res = await servePhoto(w.actors.viewer, String(body.data!.id), thumb);
      expect(res.status).toBe(200);
      const served = Buffer.from(await res.arrayBuffer());
      await expectNoMetadata(served);
      const meta = await sharp(served).metadata();
      expect((meta.width ?? 0) < (meta.height ?? 0)).toBe(true);
      if (!thumb) expect(row!.byteSize).toBe(served.length);
    }
    // Nothing on disk carries it either (and so no backup does).
    for (const name of await files()) {
      const { readFile } = await import('node:fs/promises');
      await expectNoMetadata(await readFile(path.join(dir, name)));
    }
  });

  it('a photo stored before stripping is stripped on the way out', async () => {
    const db = getDb();
    const legacy = await phonePhoto('jpeg', GPS_EXIF);
    const key = 'ab'.repeat(16);
    await writePhotoFiles(key, legacy, legacy);
    const [row] = await db
      .insert(reportPhotos)
      .values({ reportId, projectId: w.project.id, storageKey: key, mimeType: 'image/jpeg', byteSize: legacy.length })
      .returning();
    const res = await servePhoto(w.actors.viewer, String(row!.id), false);
    expect(res.status).toBe(200);
    const served = Buffer.from(await res.arrayBuffer());
    await expectNoMetadata(served);
    expect(res.headers.get('content-length')).toBe(String(served.length));
  });

  it('without an offset the camera time is read in the deployment zone; no date or a bogus one is null', async () => {
    const noOffset = await phonePhoto('jpeg', { IFD2: { DateTimeOriginal: '2025:06:18 09:30:15' } });
    const checked = await inspectPhoto(noOffset);
    expect(checked.ok && checked.takenAt?.toISOString()).toBe('2025-06-18T01:30:15.000Z'); // Asia/Shanghai
    const none = await inspectPhoto(jpeg);
    expect(none.ok && none.takenAt).toBeNull();
    expect(exifDateTime('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(exifDateTime('2025:02:30 10:00:00', undefined)).toBeNull();
    expect(exifDateTime('2025:06:18 09:30:15', '-05:00')?.toISOString()).toBe('2025-06-18T14:30:15.000Z');
    expect(exifDateTime('2025:03:30 02:30:00', undefined, 'Europe/Berlin')?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(exifDateTime('2025:01:10 12:00:00', undefined, 'Europe/Berlin')?.toISOString()).toBe('2025-01-10T11:00:00.000Z');
    expect(exifDateTime(42, undefined)).toBeNull();
  });
});

describe('a photo resized in the browser (takenAt field, Idempotency-Key)', () => {
  function formRequest(bytes: Buffer, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(bytes)], 'IMG_0001.jpg', { type: 'image/jpeg' }));
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return new Request(`http://localhost/api/reports/${reportId}/photos`, { method: 'POST', body: form, headers });
  }
  async function post(request: Request, t = zh) {
    const res = await uploadPhoto(w.actors.leadOwn, String(reportId), request, t);
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; message?: string; data?: { id: number; takenAt: string | null } },
    };
  }
  const takenAtOf = async (id: number) => (await getDb().select().from(reportPhotos).where(eq(reportPhotos.id, id)))[0]!.takenAt;

  it('a JPEG without EXIF keeps the client’s taken-at; without one it has none (the upload time is shown)', async () => {
    const sent = await post(formRequest(jpeg, { takenAt: '2025-06-18T09:30:15+08:00', caption: '东侧基坑' }));
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({
      takenAt: '2025-06-18T01:30:15.000Z',
      caption: '东侧基坑',
      createdAt: '2025-06-20T04:00:00.000Z',
    });
    expect((await takenAtOf(sent.body.data!.id))?.toISOString()).toBe('2025-06-18T01:30:15.000Z');

    const none = await post(formRequest(png, {}));
    expect(none.status).toBe(201);
    expect(await takenAtOf(none.body.data!.id)).toBeNull();
    const empty = await post(formRequest(png, { takenAt: '' }));
    expect(empty.status).toBe(201);
  });

  it('a caption over its limit is a field error in the user’s language, not cut: nothing is stored', async () => {
    const before = await files();
    const rows = (await getDb().select().from(reportPhotos)).length;
    const sent = await post(formRequest(jpeg, { caption: '基'.repeat(PHOTO_CAPTION_MAX + 1) }));
    expect(sent.status).toBe(422);
    expect(sent.body.ok).toBe(false);
    expect((sent.body as { fieldErrors?: Record<string, string[]> }).fieldErrors?.caption?.[0]).toMatch(/[\u4e00-\u9fff]/);
    expect((await getDb().select().from(reportPhotos)).length).toBe(rows);
    expect(await files()).toEqual(before);
    // Exactly at the limit it is kept whole.
    const whole = await post(formRequest(jpeg, { caption: '基'.repeat(PHOTO_CAPTION_MAX) }));
    expect(whole.status).toBe(201);
  });

  it('the file’s own EXIF date wins over the client’s', async () => {
    const withExif = await sharp(jpeg)
      .withExif({ IFD2: { DateTimeOriginal: '2025:06:18 09:30:15', OffsetTimeOriginal: '+08:00' } })
      .jpeg()
      .toBuffer();
    const sent = await post(formRequest(withExif, { takenAt: '2025-06-19T12:00:00Z' }));
    expect(sent.status).toBe(201);
    expect((await takenAtOf(sent.body.data!.id))?.toISOString()).toBe('2025-06-18T01:30:15.000Z');
  });

  it.each([
    ['not a date', 'yesterday'],
    ['a date without a time zone', '2025-06-18T09:30:15'],
    ['before 2000', '1999-12-31T23:59:59Z'],
    ['more than a day ahead', '2025-06-21T04:00:01Z'],
    ['an impossible date', '2025-02-30T10:00:00Z'],
  ])('refuses a takenAt that is %s: 422, nothing stored', async (_label, takenAt) => {
    const db = getDb();
    const before = await snapshot(db);
    const { status, body } = await post(formRequest(jpeg, { takenAt }), en);
    expect(status).toBe(422);
    expect(body).toMatchObject({ ok: false, message: en('reports.photo.errors.takenAt') });
    await expectUnchanged(db, before);
    expect(await files()).toEqual([]);
  });

  it('up to a day ahead is believed (a phone clock a little off)', async () => {
    const { status } = await post(formRequest(jpeg, { takenAt: '2025-06-21T03:00:00Z' }));
    expect(status).toBe(201);
  });

  it('a retried upload with the same Idempotency-Key (a new multipart boundary) is stored once', async () => {
    const db = getDb();
    const key = '3f1c2a9e-0d4b-4c1e-9a7f-1b2c3d4e5f60';
    const fields = { takenAt: '2025-06-18T01:30:15Z', caption: '北侧' };
    const first = await post(formRequest(jpeg, fields, { 'idempotency-key': key }));
    const second = await post(formRequest(jpeg, fields, { 'idempotency-key': key }));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.data!.id).toBe(first.body.data!.id);
    const rows = await db.select().from(reportPhotos);
    expect(rows).toHaveLength(1);
    // The replay's files were removed: only the stored photo's remain.
    expect(await files()).toEqual([rows[0]!.storageKey, `${rows[0]!.storageKey}.thumb`].sort());
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.photo.add'))).toHaveLength(1);

    // The same key with another photo is another request: refused, nothing stored.
    const other = await post(formRequest(png, fields, { 'idempotency-key': key }));
    expect(other.status).toBe(422);
    expect(await db.select().from(reportPhotos)).toHaveLength(1);
  });
});

describe('a photo’s caption after the upload', () => {
  it('the lead sets it and clears it, audited; not once the report is submitted', async () => {
    const db = getDb();
    const { body } = await upload('leadOwn', jpeg, 'a.jpg');
    const id = body.data!.id;
    expect(await captionReportPhoto.execute(w.actors.leadOwn, { id, caption: '  东侧基坑  ' })).toEqual({
      ok: true,
      data: { id, caption: '东侧基坑' },
    });
    expect(await captionReportPhoto.execute(w.actors.leadOwn, { id, caption: '' })).toEqual({ ok: true, data: { id, caption: null } });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.photo.caption'));
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [
        { originalName: 'a.jpg', caption: null },
        { originalName: 'a.jpg', caption: '东侧基坑' },
      ],
      [
        { originalName: 'a.jpg', caption: '东侧基坑' },
        { originalName: 'a.jpg', caption: null },
      ],
    ]);
    expect(await captionReportPhoto.execute(w.actors.leadOther, { id, caption: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    await submitReport.execute(w.actors.leadOwn, { id: reportId, version: 1, ...filled });
    const before = await snapshot(db);
    const res = await captionReportPhoto.execute(w.actors.leadOwn, { id, caption: '北侧' });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', message: zh('reports.errors.notEditable') });
    await expectUnchanged(db, before);
  });
});
