/**
 * The minutes (会议纪要) of a dispatch meeting as a Word document (A4 portrait): the meeting's
 * title, date, chair, participants and units, then the decisions (议定事项) as a table with the
 * responsible unit, the responsible leader and the deadline of each decision that became a
 * problem (交办). Page numbers in the footer. Minutes are a few pages, so the document is built
 * in memory.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { MinutesDoc } from '@/lib/meetings/types';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei', cs: 'Times New Roman' };
/** Half-points: 三号 16 pt for the body, 二号 22 pt for the title, 小四 12 pt in the table. */
const BODY = 32;
const TITLE = 44;
const CELL = 22;

/** A4 portrait with 2.54 cm / 3.17 cm margins; the text width in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, marginTopBottom: 1440, marginLeftRight: 1800 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginLeftRight;
/** Column shares of the decisions table (sum 100): 序号 议题 项目 议定事项 责任单位 包抓领导 期限. */
const SHARES = [7, 15, 15, 27, 14, 10, 12];

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: border, bottom: border, left: border, right: border };

function line(
  text: string,
  options: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align,
    spacing: { after: 120, line: 360 },
    children: [new TextRun({ text, bold: options.bold, size: options.size ?? BODY, font: BODY_FONT })],
  });
}

function cell(text: string, share: number, header = false): TableCell {
  // Line breaks inside a cell's text become separate runs with a break.
  const parts = text.split('\n');
  return new TableCell({
    width: { size: Math.round((TEXT_WIDTH * share) / 100), type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: parts.map((p, i) => new TextRun({ text: p, bold: header, size: CELL, font: BODY_FONT, break: i > 0 ? 1 : undefined })),
      }),
    ],
  });
}

export interface MinutesDocxOptions {
  locale: Locale;
}

/** The minutes as .docx bytes. */
export async function minutesDocx(doc: MinutesDoc, options: MinutesDocxOptions): Promise<Buffer> {
  const { locale } = options;
  const t = translator(locale);
  const none = '—';
  const list = (names: string[]) => names.join(locale === 'en' ? ', ' : '、');

  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: doc.title, bold: true, size: TITLE, font: TITLE_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: t('exports.minutes.heading'), bold: true, size: BODY, font: TITLE_FONT })],
    }),
    line(t('exports.minutes.date', { date: formatDate(doc.date, locale) })),
  ];
  if (doc.chairName) children.push(line(t('exports.minutes.chair', { name: doc.chairName })));
  if (doc.participants.length) children.push(line(t('exports.minutes.participants', { names: list(doc.participants) })));
  if (doc.invitedUnits.length) children.push(line(t('exports.minutes.invitedUnits', { names: list(doc.invitedUnits) })));
  children.push(
    line(
      doc.publishedAt ? t('exports.minutes.published', { at: formatDateTime(doc.publishedAt, locale) }) : t('exports.minutes.notPublished'),
    ),
  );

  children.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: t('exports.minutes.decisionsTitle'), bold: true, size: BODY, font: TITLE_FONT })],
    }),
  );

  if (doc.decisions.length === 0) {
    children.push(line(t('exports.minutes.noDecisions')));
  } else {
    const cols = ['seq', 'item', 'project', 'decision', 'unit', 'leader', 'deadline'] as const;
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: cols.map((c, i) => cell(t(`exports.minutes.col.${c}`), SHARES[i]!, true)),
    });
    const rows = doc.decisions.map((d, i) => {
      const p = d.problem;
      const decision = p ? `${d.decision}\n${t('exports.minutes.assigned', { id: p.id })}` : d.decision;
      const values = [
        String(i + 1),
        d.itemTitle,
        d.projectName ?? none,
        decision,
        p?.unitName ?? none,
        p?.leaderName ?? none,
        p?.deadline ? formatDate(p.deadline, locale) : none,
      ];
      return new TableRow({ cantSplit: true, children: values.map((v, j) => cell(v, SHARES[j]!)) });
    });
    children.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: SHARES.map((s) => Math.round((TEXT_WIDTH * s) / 100)),
        layout: TableLayoutType.FIXED,
        rows: [header, ...rows],
      }),
    );
  }

  const footerText = t('exports.minutes.footer', { page: '\u0000' }).split('\u0000');
  const document = new Document({
    creator: 'Key Project Dispatch',
    title: doc.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTopBottom, bottom: PAGE.marginTopBottom, left: PAGE.marginLeftRight, right: PAGE.marginLeftRight },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: footerText[0] ?? '', size: CELL, font: BODY_FONT }),
                  new TextRun({ children: [PageNumber.CURRENT], size: CELL, font: BODY_FONT }),
                  new TextRun({ text: footerText[1] ?? '', size: CELL, font: BODY_FONT }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
