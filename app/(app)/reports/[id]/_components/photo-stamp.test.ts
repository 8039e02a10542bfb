import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format';
import { translator } from '@/lib/i18n/translate';
import { drawStamp, STAMP_NAME_MAX, stampLayout, stampLines } from './photo-stamp';

const zh = translator('zh-CN', 'reports.photo');
const en = translator('en', 'reports.photo');
const tz = 'Asia/Shanghai';
const now = new Date('2026-06-10T04:00:00Z');
const takenAt = new Date('2026-06-10T01:30:00Z');
const location = { latitude: 46.74612, longitude: 82.98561, accuracy: null };

describe('what the stamp says', () => {
  it('the project name, the time taken and the position, in the user’s language', () => {
    expect(stampLines(zh, { projectName: '塔城机场改扩建', takenAt, now, location }, (d) => formatDateTime(d, 'zh-CN', tz))).toEqual([
      '塔城机场改扩建',
      `拍摄于 ${formatDateTime(takenAt, 'zh-CN', tz)}`,
      '北纬 46.7461° 东经 82.9856°',
    ]);
    expect(stampLines(en, { projectName: 'Tacheng Airport', takenAt, now, location }, (d) => formatDateTime(d, 'en', tz))).toEqual([
      'Tacheng Airport',
      `Taken ${formatDateTime(takenAt, 'en', tz)}`,
      '46.7461° N, 82.9856° E',
    ]);
  });
  it('without a taken-at the upload time, named so; without a position no third line', () => {
    const lines = stampLines(zh, { projectName: '项目', takenAt: null, now, location: null }, (d) => d.toISOString());
    expect(lines).toEqual(['项目', '上传于 2026-06-10T04:00:00.000Z']);
  });
  it('a long name is cut with an ellipsis (by characters, never half of one); blank space collapsed', () => {
    const long = '𠀀'.repeat(60);
    const [name] = stampLines(zh, { projectName: long, takenAt, now, location: null }, () => 'x');
    expect(Array.from(name!)).toHaveLength(STAMP_NAME_MAX);
    expect(name!.endsWith('…')).toBe(true);
    expect(stampLines(zh, { projectName: '  东侧\n 基坑 ', takenAt, now, location: null }, () => 'x')[0]).toBe('东侧 基坑');
  });
});

describe('how large the stamp is', () => {
  it('the text follows the picture: long edge / 45, at least 12 px; the band sits at the bottom', () => {
    expect(stampLayout(2048, 1536, 3)).toMatchObject({ fontSize: 46, top: 1536 - (3 * 62 + 2 * 28) });
    expect(stampLayout(1536, 2048, 2).fontSize).toBe(46);
    expect(stampLayout(300, 200, 3).fontSize).toBe(12);
    // Never taller than the picture.
    expect(stampLayout(2048, 60, 3)).toMatchObject({ top: 0, bandHeight: 60 });
  });
  it('draws a dark band at the lower left and each line in white', () => {
    const calls: string[] = [];
    const ctx = {
      save: () => calls.push('save'),
      restore: () => calls.push('restore'),
      measureText: (s: string) => ({ width: s.length * 10 }),
      fillRect: (...a: number[]) => calls.push(`rect ${a.join(',')}`),
      fillText: (s: string) => calls.push(`text ${s}`),
      set fillStyle(v: string) {
        calls.push(`fill ${v}`);
      },
      font: '',
      textBaseline: '',
    } as unknown as CanvasRenderingContext2D;
    drawStamp(ctx, ['项目', 'Taken 10 Jun'], 900, 600);
    const { padding, top, bandHeight } = stampLayout(900, 600, 2);
    expect(calls).toEqual([
      'save',
      'fill rgba(0, 0, 0, 0.55)',
      `rect 0,${top},${120 + 2 * padding},${bandHeight}`,
      'fill #ffffff',
      'text 项目',
      'text Taken 10 Jun',
      'restore',
    ]);
    expect((ctx as unknown as { font: string }).font).toMatch(/^20px .*Noto Sans CJK SC/);
  });
});
