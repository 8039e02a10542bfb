import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { MilestoneStatusBadge, OverdueBadge } from '@/app/_components/badges';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { isOverdue } from '@/lib/milestones/overdue';
import type { MilestoneRow } from '@/lib/projects/queries';

interface Props {
  projectId: number;
  milestones: MilestoneRow[];
  locale: Locale;
  today: string;
  canUpdate: boolean;
}

/**
 * The props of a value cell: a table cell on a desktop; on a phone a line of the card with its
 * column's name in front, which CSS draws from data-label (globals.css, "the milestone table"),
 * so the label is not a second element in every cell. An empty value is a grey dash.
 */
function valueCell(label: string, value: string | null, extra = '') {
  return { 'data-label': label, className: `ms-cell${extra}${value ? '' : ' ms-empty'}`, children: value ?? '—' };
}

/**
 * The project's milestones. One table: on a desktop a normal table, on a phone every row is
 * a card and every cell carries its own label, so each milestone exists once in the page.
 */
export async function MilestoneList({ projectId, milestones, locale, today, canUpdate }: Props) {
  const t = await getTranslations();
  const c = (key: string) => t(`project.milestones.col.${key}`);
  const date = (key: string, v: string | null) => valueCell(c(key), v ? formatDate(v, locale) : null);
  return (
    <section aria-labelledby="milestones-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="milestones-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t('project.milestones.title')}
        <span className="ml-2 text-sm font-normal text-slate-500">{milestones.length}</span>
      </h2>
      {milestones.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t('project.milestones.empty')}</p>
      ) : (
        <div className="md:overflow-x-auto">
        <table className="block w-full text-sm md:table md:divide-y md:divide-slate-200" data-testid="milestones">
          <thead className="hidden bg-slate-50 md:table-header-group">
            <tr>
              {['name', 'plannedDate', 'baselineDate', 'forecastDate', 'actualDate', 'status', 'note'].map((k) => (
                <th key={k} scope="col" className="whitespace-nowrap px-3 py-2.5 text-left font-medium text-slate-600">
                  {c(k)}
                </th>
              ))}
              {canUpdate ? (
                <th scope="col" className="px-3 py-2.5 text-right font-medium text-slate-600">
                  <span className="sr-only">{c('actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="block space-y-2 p-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100 md:p-0">
            {milestones.map((m) => {
              const overdue = isOverdue(m, today);
              const name = locale === 'en' ? (m.nameEn ?? m.name) : m.name;
              return (
                <tr
                  key={m.id}
                  data-testid={`milestone-row-${m.id}`}
                  className="ms-row"
                >
                  <th scope="row" className="ms-name">
                    {name}
                    <span>{t(`enums.milestoneKind.${m.kind}`)}</span>
                  </th>
                  <td {...date('plannedDate', m.plannedDate)} />
                  <td {...date('baselineDate', m.baselineDate)} />
                  <td {...date('forecastDate', m.forecastDate)} data-testid="milestone-forecast" />
                  <td {...date('actualDate', m.actualDate)} data-testid="milestone-actual" />
                  <td className="ms-cell" data-label={c('status')}>
                    <span className="ms-badges">
                      <MilestoneStatusBadge status={m.status} label={t(`enums.milestoneStatus.${m.status}`)} />
                      {overdue ? <OverdueBadge label={t('project.milestones.overdue')} /> : null}
                    </span>
                  </td>
                  <td {...valueCell(c('note'), m.note, ' ms-note')} data-testid="milestone-note" />
                  {canUpdate ? (
                    <td className="ms-action">
                      <Link
                        href={`/projects/${projectId}/milestones/${m.id}/edit`}
                        data-testid={`edit-milestone-${m.id}`}
                        aria-label={t('project.milestones.updateLabel', { name })}
                      >
                        {t('project.milestones.update')}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
