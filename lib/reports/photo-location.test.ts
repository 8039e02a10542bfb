import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, reportPhotos } from '@/db/schema';
import { setClockForTests } from '@/lib/clock';
import { translator, type Translate } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { uploadPhotoRoute } from './photo-http';
import { checkLocation, coordinatesText, devicePositionFits, usableLocation } from './photo-location';
import { buildReportWorld, expectUnchanged, openJune, type ReportWorld, snapshot } from './test-world';

const getDb = useTestDb();
const zh = translator('zh-CN');
const en = translator('en');

describe('a location sent with a photo', () => {
  it('none when every field is absent or empty', () => {
    expect(checkLocation(null, null, null)).toEqual({ ok: true, location: null });
    expect(checkLocation('', '', '')).toEqual({ ok: true, location: null });
  });
  it('degrees within range, with or without an accuracy', () => {
    expect(checkLocation('46.74612', '82.98561', null)).toEqual({
      ok: true,
      location: { latitude: 46.74612, longitude: 82.98561, accuracy: null },
    });
    expect(checkLocation('-90', '180', '25.5')).toEqual({ ok: true, location: { latitude: -90, longitude: 180, accuracy: 25.5 } });
    expect(checkLocation('90', '-180', '0')).toMatchObject({ ok: true });
  });
  it.each([
    ['latitude above 90', '90.0001', '82', null, 'latitude'],
    ['latitude below -90', '-91', '82', null, 'latitude'],
    ['latitude not a number', 'north', '82', null, 'latitude'],
    ['latitude NaN', 'NaN', '82', null, 'latitude'],
    ['latitude Infinity', 'Infinity', '82', null, 'latitude'],
    ['latitude in exponent form', '4e1', '82', null, 'latitude'],
    ['a longitude without a latitude', null, '82', null, 'latitude'],
    ['a latitude without a longitude', '46', null, null, 'longitude'],
    ['longitude above 180', '46', '180.5', null, 'longitude'],
    ['longitude with spaces', '46', ' 82', null, 'longitude'],
    ['only an accuracy', null, null, '10', 'latitude'],
    ['a negative accuracy', '46', '82', '-1', 'locationAccuracy'],
    ['an accuracy of more than 1000 km', '46', '82', '1000001', 'locationAccuracy'],
    ['an accuracy not a number', '46', '82', 'good', 'locationAccuracy'],
  ])('refuses %s', (_label, lat, lng, acc, field) => {
    expect(checkLocation(lat, lng, acc)).toEqual({ ok: false, field });
  });

  it('what the browser found is used only when it is a real position', () => {
    expect(usableLocation(46.7461, 82.9856)).toEqual({ latitude: 46.7461, longitude: 82.9856, accuracy: null });
    expect(usableLocation(46.7461, 82.9856, 35.27)).toEqual({ latitude: 46.7461, longitude: 82.9856, accuracy: 35.3 });
    for (const [lat, lng] of [
      [undefined, 82],
      [46, Number.NaN],
      [91, 82],
      [46, -181],
      [0, 0],
      ['46', '82'],
    ]) {
      expect(usableLocation(lat, lng)).toBeNull();
    }
  });

  it('reads as degrees to 4 decimals with the hemisphere, in the user’s language', () => {
    const tz = translator('zh-CN', 'reports.photo');
    const te = translator('en', 'reports.photo');
    expect(coordinatesText(tz, 46.74612, 82.98561)).toBe('北纬 46.7461° 东经 82.9856°');
    expect(coordinatesText(te, 46.74612, 82.98561)).toBe('46.7461° N, 82.9856° E');
    expect(coordinatesText(tz, -33.8688, -151.2093)).toBe('南纬 33.8688° 西经 151.2093°');
    expect(coordinatesText(te, -33.8688, -151.2093)).toBe('33.8688° S, 151.2093° W');
  });
});

let w: ReportWorld;
let reportId: number;
let dir: string;
let jpeg: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kpd-photo-loc-'));
  process.env.PHOTO_DIR = dir;
  setClockForTests(new Date('2025-06-20T04:00:00Z'));
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .jpeg()
    .toBuffer();
});
afterAll(async () => {
  setClockForTests(null);
  delete process.env.PHOTO_DIR;
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(dir, { recursive: true, force: true });
  w = await buildReportWorld();
  reportId = (await openJune(getDb(), w)).report.id;
});

function post(bytes: Buffer, fields: Record<string, string>, t: Translate = zh) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], 'IMG_0001.jpg', { type: 'image/jpeg' }));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const request = new Request(`http://localhost/api/reports/${reportId}/photos`, {
    method: 'POST',
    body: form,
    headers: { cookie: `NEXT_LOCALE=${t === en ? 'en' : 'zh-CN'}` },
  });
  return uploadPhotoRoute.execute(w.actors.leadOwn, request, { id: String(reportId) });
}

describe('POST /api/reports/:id/photos with a location', () => {
  it('stores the position in the row (answered too), never in the file; the audit says only that there is one', async () => {
    const db = getDb();
    // A phone photo with its GPS in EXIF: the position sent apart is what is kept.
    const withGps = await sharp(jpeg)
      .withExif({
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '46/1 44/1 4600/100', GPSLongitudeRef: 'E', GPSLongitude: '82/1 59/1 800/100' },
      })
      .jpeg()
      .toBuffer();
    expect(await exifr.gps(withGps)).toMatchObject({ latitude: expect.closeTo(46.7461, 3) });
    const res = await post(withGps, { latitude: '46.74612', longitude: '82.98561', locationAccuracy: '12.5' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { data: { id: number; latitude: number; longitude: number; locationAccuracy: number } };
    expect(body.data).toMatchObject({ latitude: 46.74612, longitude: 82.98561, locationAccuracy: 12.5 });
    const [row] = await db.select().from(reportPhotos).where(eq(reportPhotos.id, body.data.id));
    expect(row).toMatchObject({ latitude: 46.74612, longitude: 82.98561, locationAccuracy: 12.5 });
    const stored = await readFile(path.join(dir, row!.storageKey));
    expect(await exifr.gps(stored)).toBeUndefined();
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.photo.add'));
    expect(event?.after).toMatchObject({ located: true });
    expect(JSON.stringify(event?.after)).not.toContain('46.7');
  });

  it('without location fields: none stored (the default)', async () => {
    const res = await post(jpeg, {});
    expect(res.status).toBe(201);
    const [row] = await getDb().select().from(reportPhotos);
    expect(row).toMatchObject({ latitude: null, longitude: null, locationAccuracy: null });
  });

  it.each([
    ['a latitude out of range', { latitude: '91', longitude: '82.9' }, 'latitude'],
    ['a longitude out of range', { latitude: '46.7', longitude: '-180.01' }, 'longitude'],
    ['a latitude that is not a number', { latitude: 'NaN', longitude: '82.9' }, 'latitude'],
    ['a latitude without a longitude', { latitude: '46.7' }, 'longitude'],
    ['a negative accuracy', { latitude: '46.7', longitude: '82.9', locationAccuracy: '-5' }, 'locationAccuracy'],
  ])('refuses %s: 422 naming the field in the user’s language, nothing stored', async (_label, fields, field) => {
    const db = getDb();
    const before = await snapshot(db);
    for (const t of [zh, en]) {
      const res = await post(jpeg, fields, t);
      expect(res.status).toBe(422);
      const body = (await res.json()) as { ok: boolean; message: string; fieldErrors?: Record<string, string[]> };
      expect(body).toMatchObject({ ok: false, message: t(`reports.photo.errors.${field}`) });
      expect(body.fieldErrors?.[field]).toEqual([t(`reports.photo.errors.${field}`)]);
    }
    expect(en('reports.photo.errors.latitude')).toContain('latitude');
    await expectUnchanged(db, before);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('the database refuses a position out of range or half a position (CHECK)', async () => {
    const db = getDb();
    await post(jpeg, {});
    const [row] = await db.select().from(reportPhotos);
    for (const change of [
      { latitude: 90.5, longitude: 10 },
      { latitude: 10, longitude: 200 },
      { latitude: 10, longitude: null },
      { latitude: null, longitude: null, locationAccuracy: 5 },
      { latitude: Number.NaN, longitude: 10 },
    ]) {
      await expect(db.update(reportPhotos).set(change).where(eq(reportPhotos.id, row!.id))).rejects.toThrow();
    }
  });
});

describe('devicePositionFits: the phone’s position stands for a photo only when it was just taken', () => {
  const now = new Date('2026-06-10T09:30:00Z');
  it('a photo taken minutes ago (EXIF time, else the file’s time) takes the phone’s position', () => {
    expect(devicePositionFits(new Date('2026-06-10T09:25:00Z'), undefined, now)).toBe(true);
    expect(devicePositionFits(null, Date.parse('2026-06-10T09:29:00Z'), now)).toBe(true);
  });
  it('an older photo from the gallery, or one with no time at all, gets no position', () => {
    expect(devicePositionFits(new Date('2026-06-09T09:30:00Z'), Date.parse('2026-06-10T09:29:00Z'), now)).toBe(false);
    expect(devicePositionFits(null, Date.parse('2026-06-10T09:00:00Z'), now)).toBe(false);
    expect(devicePositionFits(null, undefined, now)).toBe(false);
  });
});
