import { describe, expect, it } from 'vitest';
import { MINUTES } from './fixtures';
import { minutesDocx } from './minutes-docx';
import { unzip } from './test-helpers';

/** The visible text of document.xml, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[1] === undefined ? '\n' : t[1])).join(''),
  );
}

describe('minutes (会议纪要 .docx)', () => {
  it('has the title, date, chair, participants and a table of decisions with unit, leader and deadline', async () => {
    const files = unzip(await minutesDocx(MINUTES, { locale: 'zh-CN' }));
    expect(files.has('word/document.xml')).toBe(true);
    const xml = files.get('word/document.xml')!.toString('utf8');
    const text = paragraphs(xml);
    expect(text[0]).toBe('2025年第6次重点项目调度会');
    expect(text).toContain('会议纪要');
    expect(text).toContain('会议日期：2025年6月16日');
    expect(text).toContain('主持：王主任');
    expect(text).toContain('参会人员：王主任、李副专员、赵局长');
    expect(text).toContain('参会单位：交通运输局、水利局');
    expect(text).toContain('印发时间：2025年6月17日 10:00');
    expect(text).toContain('议定事项');
    // One table: header + one row per decision, in order.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n')),
    );
    expect(rows).toEqual([
      ['序号', '议题', '项目', '议定事项', '责任单位', '包抓领导', '办结期限'],
      [
        '1',
        'S317公路征地',
        'S317裕民至托里公路',
        '由自然资源局牵头，6月底前完成征地补偿\n已交办为问题 #42',
        '自然资源局',
        '李副专员',
        '2025年6月30日',
      ],
      ['2', '水库蓄水准备', '—', '水利局做好下闸蓄水准备', '—', '—', '—'],
    ]);
    // The header row repeats on every page; A4 portrait; page number in the footer.
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = [...files.entries()].find(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footer).toBeDefined();
    expect(footer![1].toString('utf8')).toContain('PAGE');
    expect(paragraphs(footer![1].toString('utf8')).join('')).toContain('第');
  });

  it('says so when there are no decisions, and when the minutes are a draft (English)', async () => {
    const files = unzip(
      await minutesDocx(
        { ...MINUTES, decisions: [], publishedAt: null, chairName: null, participants: [], invitedUnits: [] },
        { locale: 'en' },
      ),
    );
    const xml = files.get('word/document.xml')!.toString('utf8');
    const text = paragraphs(xml);
    expect(text).toContain('Minutes');
    expect(text).toContain('Meeting date: 16 Jun 2025');
    expect(text).toContain('The minutes have not been issued yet (draft)');
    expect(text).toContain('The meeting took no decisions.');
    expect(text.some((p) => p.startsWith('Chair'))).toBe(false);
    expect(xml).not.toContain('<w:tbl>');
  });
});
