/**
 * The seed's facts against the report itself. The report lives beside the repository
 * (../shared/source/, present in CI); a missing report is a failure, never a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NEW_ENERGY_CAPACITY_TARGET, PROJECTS, type ProjectFact } from './facts';
import { PORTFOLIO_TARGETS } from './portfolio-target-facts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT_PATH = path.resolve(REPO_ROOT, '../shared/source/tacheng-2025-government-work-report.txt');

function readReport(): string {
  if (!existsSync(REPORT_PATH)) throw new Error(`the work report is missing: ${REPORT_PATH} (the verbatim test needs it)`);
  return readFileSync(REPORT_PATH, 'utf8');
}

/** Only whitespace is normalised (removed): the report's punctuation and characters must match as they are. */
const norm = (text: string): string => text.replace(/\s+/gu, '');

/**
 * The text of a section named "<part heading> <sub-section heading>": the line of the report that
 * starts with the sub-section heading, inside the part that starts with the part heading line.
 */
function sectionText(lines: readonly string[], section: string): string | null {
  const cut = section.indexOf(' ');
  const part = cut < 0 ? section : section.slice(0, cut);
  const sub = cut < 0 ? null : section.slice(cut + 1);
  const start = lines.findIndex((l) => l.trim() === part);
  if (start < 0) return null;
  const partLine = /^[一二三四五六七八九十]+、/u;
  let end = lines.findIndex((l, i) => i > start && partLine.test(l.trim()));
  if (end < 0) end = lines.length;
  const body = lines.slice(start + 1, end);
  if (sub === null) return body.join('\n');
  return body.find((l) => l.trim().startsWith(sub)) ?? null;
}

type Quoted = { where: string; kind: string; section: string; quote: string };

function quotedSources(): Quoted[] {
  const out: Quoted[] = [];
  for (const p of PROJECTS) {
    for (const [field, s] of Object.entries(p.sources)) {
      if (s) out.push({ where: `${p.code}.${field}`, kind: s.kind, section: s.section, quote: s.quote });
    }
  }
  const t = NEW_ENERGY_CAPACITY_TARGET.source;
  out.push({ where: 'NEW_ENERGY_CAPACITY_TARGET', kind: t.kind, section: t.section, quote: t.quote });
  for (const g of PORTFOLIO_TARGETS)
    out.push({ where: `target.${g.code}`, kind: 'report', section: g.sourceSection, quote: g.sourceQuote });
  return out;
}

describe('the seed against the work report', () => {
  const report = readReport();
  const lines = report.split(/\r?\n/u);

  it('has the report (not an empty or truncated file)', () => {
    expect(report.length).toBeGreaterThan(5_000);
    expect(report).toContain('二、关于2025年工作');
  });

  it('quotes every source verbatim, inside the section it names', () => {
    const sources = quotedSources();
    expect(sources.length).toBeGreaterThan(50);
    const wrong = sources.flatMap((s) => {
      const text = sectionText(lines, s.section);
      if (text === null) return [`${s.where}: no section "${s.section}"`];
      if (!norm(text).includes(norm(s.quote))) return [`${s.where}: not verbatim in ${s.section}: “${s.quote}”`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('marks a text field as a report fact only when its value is in the quote', () => {
    const wrong: string[] = [];
    for (const p of PROJECTS) {
      for (const field of ['annualTarget', 'constructionContent'] as const) {
        const value = p[field];
        const s = p.sources[field];
        if (value === null) continue;
        if (!s) wrong.push(`${p.code}.${field}: no source for “${value}”`);
        else if (s.kind === 'report' && !norm(s.quote).includes(norm(value))) {
          wrong.push(`${p.code}.${field}: “${value}” is not in its quote; mark it as an interpretation`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('marks a stage as a report fact only where the 2024 review says the works are under way', () => {
    const wrong = PROJECTS.flatMap((p) => {
      const s = p.sources.stage;
      if (!s || s.kind !== 'report') return [];
      const said = s.section.startsWith('一、') && /加快建设|开工建设/u.test(s.quote) && p.stage === 'construction';
      return said ? [] : [`${p.code}.stage: '${p.stage}' from “${s.quote}” is an interpretation`];
    });
    expect(wrong).toEqual([]);
    // The inferred stages are there, marked as such, with a note.
    const inferred = PROJECTS.filter((p) => p.sources.stage?.kind === 'interpretation');
    expect(inferred.length).toBeGreaterThan(10);
    for (const p of inferred) {
      const s = p.sources.stage;
      expect(s?.kind === 'interpretation' && s.note.length > 0 && s.noteEn.length > 0).toBe(true);
    }
  });

  it.each([
    ['“公路口岸+属地直通”模式', '二、关于2025年工作 (一)'],
    ['中船', '一、2024年工作回顾 (六)'],
    ['国际物流园', '一、2024年工作回顾 (一)'],
    ['新能源创新产业园', '一、2024年工作回顾 (一)'],
    ['塔城(托里)绿色智算产业园', '一、2024年工作回顾 (四)'],
  ])('holds the named item %s, quoted from %s', (name, section) => {
    const found: ProjectFact | undefined = PROJECTS.find((p) => p.name.includes(name));
    expect(found, `no project named ${name}`).toBeDefined();
    const s = found!.sources.name;
    expect(s?.kind).toBe('report');
    expect(s?.section.startsWith(section)).toBe(true);
    expect(norm(s!.quote)).toContain(norm(name));
  });

  it('holds the portfolio targets of 二(三) and 二(四), each figure inside its own quote', () => {
    expect(PORTFOLIO_TARGETS.map((g) => g.code).sort()).toEqual(
      ['high_tech_enterprises', 'new_industrial_enterprises', 'tech_smes', 'tourism_revenue', 'tourist_visits'].sort(),
    );
    for (const g of PORTFOLIO_TARGETS) {
      const said = g.kind === 'growth' ? `增长${g.target}%以上` : `${g.nameZh.replace(/^新增/u, '')}${g.target}${g.unitZh}以上`;
      expect(norm(g.sourceQuote), g.code).toContain(norm(said));
    }
  });

  it('keeps the two coal-power statements apart, each with its own wording', () => {
    const spic = PROJECTS.find((p) => p.name === '国家电投塔城2×66万千瓦煤电一体化项目');
    const tacheng = PROJECTS.find((p) => p.name === '塔城2×66万千瓦煤电项目');
    expect(spic?.sources.annualTarget).toMatchObject({ kind: 'report', section: expect.stringContaining('(三)') as string });
    expect(spic?.annualTarget).toBe('年内首台机组建成投运');
    expect(tacheng?.sources.annualTarget).toMatchObject({ kind: 'report', section: expect.stringContaining('(五)') as string });
    expect(tacheng?.annualTarget).toBe('开工建设');
    // One project or two is for the office to confirm: the seed only records the question.
    expect(tacheng?.possibleDuplicateOf).toBe(spic?.code);
    expect(Object.keys(spic!.sources).some((k) => k.startsWith('annualTarget.'))).toBe(false);
  });

  it('has no duplicate registry codes', () => {
    expect(new Set(PROJECTS.map((p) => p.code)).size).toBe(PROJECTS.length);
  });
});
