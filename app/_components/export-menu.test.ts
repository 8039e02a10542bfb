import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './export-menu';

describe('export file names from Content-Disposition', () => {
  it('prefers filename* (RFC 5987, UTF-8), so Chinese names survive', () => {
    const header = `attachment; filename="registry.xlsx"; filename*=UTF-8''${encodeURIComponent('重点项目台账.xlsx')}`;
    expect(fileNameFrom(header, 'export.xlsx')).toBe('重点项目台账.xlsx');
  });

  it('falls back to the plain filename, then to the given name', () => {
    expect(fileNameFrom('attachment; filename="problems.csv"', 'export.csv')).toBe('problems.csv');
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E0%A4%A; filename="plain.csv"`, 'export.csv')).toBe('plain.csv');
    expect(fileNameFrom('attachment', 'export.csv')).toBe('export.csv');
    expect(fileNameFrom(null, 'export.xlsx')).toBe('export.xlsx');
  });
});
