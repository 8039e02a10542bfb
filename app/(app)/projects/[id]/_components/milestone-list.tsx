import { getTranslations } from 'next-intl/server';
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

const cell = 'flex items-baseline justify-between gap-3 px-3 py-1 md:table-cell md:px-3 md:py-2.5 md:align-top';
const label = 'text-xs text-slate-500 md:hidden';

/**
 * The project's milestones. One table: on a desktop a normal table, on a phone every row is
 * a card and every cell carries its own label, so each milestone exists once in the page.
 */
export async function MilestoneList({ projectId, milestones, locale, today, canUpdate }: Props) {
  const t = await getTranslations();
  const c = (key: string) => t(`project.milestones.col.${key}`);
  const date = (v: string | null) => (v ? formatDate(v, locale) : <span className="text-slate-400">—</span>);
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
                  className="block rounded-lg border border-slate-200 py-1.5 md:table-row md:rounded-none md:border-0 md:py-0 md:hover:bg-slate-50"
                >
                  <th scope="row" className="block px-3 pb-1 pt-1 text-left font-normal md:table-cell md:min-w-56 md:py-2.5 md:align-top">
                    <span className="block font-medium text-slate-900">{name}</span>
                    <span className="block text-xs text-slate-500">{t(`enums.milestoneKind.${m.kind}`)}</span>
                  </th>
                  <td className={cell}>
                    <span className={label}>{c('plannedDate')}</span>
                    <span className="whitespace-nowrap">{date(m.plannedDate)}</span>
                  </td>
                  <td className={cell}>
                    <span className={label}>{c('baselineDate')}</span>
                    <span className="whitespace-nowrap">{date(m.baselineDate)}</span>
                  </td>
                  <td className={cell}>
                    <span className={label}>{c('forecastDate')}</span>
                    <span className="whitespace-nowrap" data-testid="milestone-forecast">{date(m.forecastDate)}</span>
                  </td>
                  <td className={cell}>
                    <span className={label}>{c('actualDate')}</span>
                    <span className="whitespace-nowrap" data-testid="milestone-actual">{date(m.actualDate)}</span>
                  </td>
                  <td className={cell}>
                    <span className={label}>{c('status')}</span>
                    <span className="flex flex-wrap justify-end gap-1 md:justify-start">
                      <MilestoneStatusBadge status={m.status} label={t(`enums.milestoneStatus.${m.status}`)} />
                      {overdue ? <OverdueBadge label={t('project.milestones.overdue')} /> : null}
                    </span>
                  </td>
                  <td className={`${cell} ${m.note ? '' : 'hidden md:table-cell'}`}>
                    <span className={label}>{c('note')}</span>
                    <span className="max-w-xs whitespace-pre-line break-words text-right text-slate-700 md:text-left" data-testid="milestone-note">
                      {m.note ?? <span className="text-slate-400">—</span>}
                    </span>
                  </td>
                  {canUpdate ? (
                    <td className="block px-3 pb-1 pt-2 md:table-cell md:py-2 md:text-right md:align-top">
                      <Link
                        href={`/projects/${projectId}/milestones/${m.id}/edit`}
                        data-testid={`edit-milestone-${m.id}`}
                        aria-label={t('project.milestones.updateLabel', { name })}
                        className="inline-flex w-full justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 md:w-auto md:py-1"
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
