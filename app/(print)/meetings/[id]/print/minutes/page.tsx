import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale, type Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { getMinutesDoc } from '@/lib/meetings/queries';
import { PrintToolbar } from '../../../../_components/print-toolbar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('exports.print');
  return { title: t('minutesTitle') };
}

/**
 * The minutes (会议纪要) for printing or saving as PDF: A4 portrait, the same content as the Word
 * document (lib/exports/minutes-docx.ts), from the same reader.
 */
export default async function PrintMinutesPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const locale: Locale = toLocale(await getLocale());
  const doc = await getMinutesDoc(actor, id, locale);
  if (!doc) notFound();
  const t = translator(locale);
  const list = (names: string[]) => names.join(locale === 'en' ? ', ' : '、');
  const none = '—';
  const cell = 'border border-black px-1.5 py-1 align-middle';
  const cols = ['seq', 'item', 'project', 'decision', 'unit', 'leader', 'deadline'] as const;

  return (
    <>
      <style>{`
        @page { size: A4 portrait; margin: 25mm 28mm 22mm; @bottom-center { content: counter(page); font-size: 10pt; } }
        @media print { html, body { background: #fff; } }
        .minutes thead { display: table-header-group; }
        .minutes tr { break-inside: avoid; page-break-inside: avoid; }
      `}</style>
      <PrintToolbar
        backHref={`/meetings/${id}`}
        downloads={[{ href: `/api/exports/meetings/${id}/minutes.docx`, label: t('exports.print.docx') }]}
      />
      <main className="minutes mx-auto max-w-[210mm] px-6 py-8 text-[15px] leading-relaxed print:max-w-none print:p-0 print:text-[12pt]">
        <h1 className="text-center text-2xl font-bold" data-testid="print-title">
          {doc.title}
        </h1>
        <p className="mb-6 mt-2 text-center text-lg font-bold">{t('exports.minutes.heading')}</p>
        <p>{t('exports.minutes.date', { date: formatDate(doc.date, locale) })}</p>
        {doc.chairName ? <p>{t('exports.minutes.chair', { name: doc.chairName })}</p> : null}
        {doc.participants.length ? <p>{t('exports.minutes.participants', { names: list(doc.participants) })}</p> : null}
        {doc.invitedUnits.length ? <p>{t('exports.minutes.invitedUnits', { names: list(doc.invitedUnits) })}</p> : null}
        <p>
          {doc.publishedAt
            ? t('exports.minutes.published', { at: formatDateTime(doc.publishedAt, locale) })
            : t('exports.minutes.notPublished')}
        </p>
        <h2 className="mb-2 mt-6 text-lg font-bold">{t('exports.minutes.decisionsTitle')}</h2>
        {doc.decisions.length === 0 ? (
          <p>{t('exports.minutes.noDecisions')}</p>
        ) : (
          <div className="overflow-x-auto print:overflow-visible">
            <table
              className="w-full min-w-[560px] table-fixed border-collapse text-[13px] print:min-w-0 print:text-[10.5pt]"
              data-testid="print-decisions"
            >
              <colgroup>
                <col className="w-[6%]" />
                <col className="w-[17%]" />
                <col className="w-[13%]" />
                <col className="w-[28%]" />
                <col className="w-[13%]" />
                <col className="w-[11%]" />
                <col className="w-[12%]" />
              </colgroup>
              <thead className="bg-slate-100">
                <tr>
                  {cols.map((c) => (
                    <th key={c} scope="col" className={`${cell} text-center`}>
                      {t(`exports.minutes.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {doc.decisions.map((d, i) => (
                  <tr key={i}>
                    <td className={`${cell} text-center`}>{i + 1}</td>
                    <td className={cell}>{d.itemTitle}</td>
                    <td className={cell}>{d.projectName ?? none}</td>
                    <td className={`${cell} whitespace-pre-line`}>
                      {d.decision}
                      {d.problem ? (
                        <span className="block text-xs text-slate-600">{t('exports.minutes.assigned', { id: d.problem.id })}</span>
                      ) : null}
                    </td>
                    <td className={cell}>{d.problem?.unitName ?? none}</td>
                    <td className={`${cell} text-center`}>{d.problem?.leaderName ?? none}</td>
                    <td className={`${cell} text-center`}>{d.problem?.deadline ? formatDate(d.problem.deadline, locale) : none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </>
  );
}
