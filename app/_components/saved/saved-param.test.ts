import { describe, expect, it } from 'vitest';
import { parseSaved, savedHref, savedName } from './saved-param';

describe('?saved=<kind>-<id>', () => {
  it('reads the id of a record of the kind asked for and nothing else', () => {
    expect(parseSaved('milestone-12', 'milestone')).toBe(12);
    expect(parseSaved(['milestone-7', 'milestone-8'], 'milestone')).toBe(7);
    expect(parseSaved('problem-34', 'problem')).toBe(34);
    expect(parseSaved('problem-34', 'milestone')).toBeNull();
    expect(parseSaved('milestone-12', 'problem')).toBeNull();
    for (const bad of [undefined, '', 'milestone-', 'milestone-0', 'milestone-12x', 'project-12', 'milestone-1234567890', ' milestone-1']) {
      expect(parseSaved(bad, 'milestone'), String(bad)).toBeNull();
    }
  });

  it('is what the form sends back, read back the same', () => {
    expect(savedHref('/projects/3', 'milestone', 12, 'milestone-12')).toBe('/projects/3?saved=milestone-12#milestone-12');
    const href = savedHref('/reports/5', 'problem', 34);
    expect(href).toBe('/reports/5?saved=problem-34');
    expect(parseSaved(new URL(href, 'http://x').searchParams.get('saved') ?? undefined, 'problem')).toBe(34);
  });
});

describe('a long text named in a notice', () => {
  it('is shortened to its first characters, on one line', () => {
    expect(savedName('征地补偿款未到位')).toBe('征地补偿款未到位');
    expect(savedName(`${'字'.repeat(45)}`)).toBe(`${'字'.repeat(40)}…`);
    expect(savedName('  K35 段\n征地  ', 10)).toBe('K35 段 征地');
  });
});
