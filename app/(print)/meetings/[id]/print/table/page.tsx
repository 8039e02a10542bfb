import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import {
  columnUnit,
  projectTexts,
  STATUS_COLUMNS,
  statusTableLines,
  statusTableSubtitle,
  statusTableTitle,
  type TableLine,
  type Totals,
} from '@/lib/exports/status-table';
import { parseId } from '@/lib/http/id';
import { toLocale, type Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { getMeetingHeading, snapshotRows } from '@/lib/meetings/queries';
import { formatPercent, formatWan, ratePercent } from '@/lib/money';
import { PrintToolbar } from '../../../../_components/print-toolbar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('exports.print');
  return { title: t('tableTitle') };
}

const LIGHT_CLASS = {
  red: 'bg-[#ff0000] text-white font-bold',
  yellow: 'bg-[#ffff00] text-black font-bold',
  green: 'bg-[#00b050] text-white font-bold',
} as const;

/**
 * The status table (调度表) for printing or saving as PDF from the browser: A3 landscape, the
 * header rows repeated on every printed page, category headings, subtotals, the total and its
 * split by pipeline stage —
 * from the same rows as the Excel export (the meeting's snapshot), through the same line
 * builder.
 */
export default async function PrintStatusTablePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const heading = await getMeetingHeading(actor, id);
  if (!heading) notFound();
  const locale: Locale = toLocale(await getLocale());
  const t = translator(locale);
  const lines: TableLine[] = [];
  for await (const line of statusTableLines(snapshotRows(actor, id), t, locale)) lines.push(line);

  // The units are in the header rows: amounts as numbers in 万元, rates with one decimal (lib/money).
  const m = (v: string | null) => (v === null || v === '' ? '' : formatWan(v, locale, { unit: false }));
  const r = (v: number | null) => (v === null ? '' : formatPercent(ratePercent(v), locale));
  const totals = (x: Totals) => [m(x.totalInvestment), m(x.annualPlanned), m(x.completed), r(x.rate)];
  const cols = STATUS_COLUMNS.length;
  const cell = 'border border-black px-1 py-0.5 align-middle';
  const num = `${cell} text-right tabular-nums whitespace-nowrap`;

  return (
    <>
      <style>{`
        @page { size: A3 landscape; margin: 10mm 10mm 14mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
        @media print { html, body { background: #fff; } }
        .status-table thead { display: table-header-group; }
        .status-table tr { break-inside: avoid; page-break-inside: avoid; }
      `}</style>
      <PrintToolbar
        backHref={`/meetings/${id}`}
        downloads={[
          { href: `/api/exports/meetings/${id}/status-table.xlsx`, label: t('exports.print.xlsx') },
          { href: `/api/exports/meetings/${id}/status-table.csv`, label: t('exports.print.csv') },
        ]}
      />
      <main className="mx-auto max-w-none px-4 py-4 print:p-0">
        <h1 className="text-center text-xl font-bold" data-testid="print-title">
          {statusTableTitle(heading, t)}
        </h1>
        <p className="mb-2 mt-1 whitespace-pre-wrap text-center text-xs">{statusTableSubtitle(heading, t, locale, new Date())}</p>
        <div className="overflow-x-auto print:overflow-visible">
          <table
            className="status-table w-full min-w-[1100px] border-collapse text-[11px] leading-snug print:min-w-0"
            data-testid="print-status-table"
          >
            <colgroup>
              <col className="w-[3%]" />
              <col className="w-[12%]" />
              <col className="w-[14%]" />
              <col className="w-[6.5%]" />
              <col className="w-[6.5%]" />
              <col className="w-[6.5%]" />
              <col className="w-[4.5%]" />
              <col className="w-[13%]" />
              <col className="w-[12%]" />
              <col className="w-[6.5%]" />
              <col className="w-[7.5%]" />
              <col className="w-[4%]" />
              <col className="w-[4%]" />
            </colgroup>
            <thead className="bg-[#d9d9d9] font-bold">
              <tr>
                {STATUS_COLUMNS.map((c) => (
                  <th key={c} scope="col" className={`${cell} text-center`}>
                    {t(`exports.statusTable.col.${c}`)}
                  </th>
                ))}
              </tr>
              <tr>
                {STATUS_COLUMNS.map((c) => (
                  <th key={c} className={`${cell} text-center font-normal`}>
                    {columnUnit(c, t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                if (line.kind === 'category') {
                  return (
                    <tr key={i} className="bg-[#f2f2f2] font-bold">
                      <td colSpan={cols} className={cell}>
                        {line.label}
                      </td>
                    </tr>
                  );
                }
                if (line.kind === 'project') {
                  const row = line.row;
                  const tx = projectTexts(row, locale, t);
                  return (
                    <tr key={i}>
                      <td className={`${cell} text-center`}>{line.seq}</td>
                      <td className={cell}>{tx.name}</td>
                      <td className={`${cell} whitespace-pre-line`}>{tx.content}</td>
                      <td className={num}>{m(row.totalInvestment)}</td>
                      <td className={num}>{m(row.annualPlanned)}</td>
                      <td className={num}>{m(row.completedThisYear)}</td>
                      <td className={num}>{r(row.completionRate)}</td>
                      <td className={`${cell} whitespace-pre-line`}>{tx.progress}</td>
                      <td className={`${cell} whitespace-pre-line`}>{tx.problems}</td>
                      <td className={`${cell} text-center`}>{tx.leader}</td>
                      <td className={`${cell} text-center`}>{tx.unit}</td>
                      <td
                        className={`${cell} text-center ${row.light ? LIGHT_CLASS[row.light] : 'text-slate-500'}`}
                        data-light={row.light ?? 'none'}
                      >
                        {tx.light}
                      </td>
                      <td className={`${cell} text-center`} data-pipeline={row.pipelineStage ?? 'none'}>
                        {tx.pipeline}
                      </td>
                    </tr>
                  );
                }
                const total = line.kind === 'total';
                return (
                  <tr
                    key={i}
                    className={`font-bold ${total ? 'bg-[#ddebf7]' : 'bg-[#f2f2f2]'}`}
                    data-testid={total ? 'print-total' : line.kind === 'pipeline' ? `print-pipeline-${line.group}` : undefined}
                  >
                    <td colSpan={3} className={`${cell} text-center`}>
                      {line.label}
                    </td>
                    {totals(line.totals).map((v, k) => (
                      <td key={k} className={num}>
                        {v}
                      </td>
                    ))}
                    <td colSpan={cols - 7} className={cell} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {lines.length === 1 ? <p className="mt-3 text-center text-sm">{t('exports.statusTable.empty')}</p> : null}
      </main>
    </>
  );
}
