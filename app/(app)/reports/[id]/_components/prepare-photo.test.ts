import { describe, expect, it } from 'vitest';
import { photoTime } from './photo-time';
import { jpegName, keepOriginal, PHOTO_KEEP_BYTES, targetSize, takenAtFrom } from './prepare-photo';

describe('the size a photo is resized to', () => {
  it('a 12 MP landscape photo: the long edge 2048, the aspect kept', () => {
    expect(targetSize(4000, 3000)).toEqual({ width: 2048, height: 1536 });
  });
  it('portrait likewise', () => {
    expect(targetSize(3000, 4000)).toEqual({ width: 1536, height: 2048 });
    expect(targetSize(3024, 4032)).toEqual({ width: 1536, height: 2048 });
  });
  it('an image already within 2048 px is untouched; a thin panorama keeps at least a pixel', () => {
    expect(targetSize(1600, 1200)).toEqual({ width: 1600, height: 1200 });
    expect(targetSize(2048, 2048)).toEqual({ width: 2048, height: 2048 });
    expect(targetSize(100_000, 10)).toEqual({ width: 2048, height: 1 });
  });
});

describe('when the original is sent as it is', () => {
  it('small in pixels and bytes: kept', () => {
    expect(keepOriginal(1600, 1200, 400_000)).toBe(true);
    expect(keepOriginal(2048, 1536, PHOTO_KEEP_BYTES)).toBe(true);
  });
  it('too many pixels or too many bytes: resized', () => {
    expect(keepOriginal(4000, 3000, 400_000)).toBe(false);
    expect(keepOriginal(1600, 1200, PHOTO_KEEP_BYTES + 1)).toBe(false);
  });
  it('a resized photo is named .jpg', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('site.photo.png')).toBe('site.photo.jpg');
    expect(jpegName('noext')).toBe('noext.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});

describe('the time a photo was taken', () => {
  const now = new Date('2025-06-20T04:00:00Z');
  it('an EXIF date (revived by exifr, or a string) is kept', () => {
    expect(takenAtFrom(new Date('2025-06-18T01:30:15Z'), now)?.toISOString()).toBe('2025-06-18T01:30:15.000Z');
    expect(takenAtFrom('2025-06-18T01:30:15Z', now)?.toISOString()).toBe('2025-06-18T01:30:15.000Z');
  });
  it('missing, unreadable, before 2000 or more than a day ahead: none', () => {
    for (const v of [
      undefined,
      null,
      '',
      'not a date',
      new Date('invalid'),
      new Date('1999-12-31T23:59:59Z'),
      new Date('2025-06-21T04:00:01Z'),
      42,
    ]) {
      expect(takenAtFrom(v, now)).toBeNull();
    }
    // A phone a few hours ahead is still believed.
    expect(takenAtFrom(new Date('2025-06-21T03:00:00Z'), now)).not.toBeNull();
  });
  it('shown: the taken-at, else the upload time', () => {
    expect(photoTime({ takenAt: '2025-06-18T01:30:15.000Z', createdAt: '2025-06-20T04:00:00.000Z' })).toEqual({
      at: '2025-06-18T01:30:15.000Z',
      kind: 'taken',
    });
    expect(photoTime({ takenAt: null, createdAt: '2025-06-20T04:00:00.000Z' })).toEqual({
      at: '2025-06-20T04:00:00.000Z',
      kind: 'uploaded',
    });
    expect(photoTime({})).toEqual({ at: null, kind: 'uploaded' });
  });
});
