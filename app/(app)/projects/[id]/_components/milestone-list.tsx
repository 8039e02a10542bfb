import { getTranslations } from '@/lib/i18n/server-translations';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { isOverdue } from '@/lib/milestones/overdue';
import type { MilestoneRow } from '@/lib/projects/queries';
import { MilestoneTable, type MilestoneTableLabels, type MilestoneTableRow } from './milestone-table';

interface Props {
  projectId: number;
  milestones: MilestoneRow[];
  locale: Locale;
  today: string;
  canUpdate: boolean;
  /** The milestone just saved (highlighted, and the target of #milestone-<id>). */
  savedId?: number | null;
}

/** The project's milestones: the section, and the rows prepared for the table (milestone-table.tsx). */
export async function MilestoneList({ projectId, milestones, locale, today, canUpdate, savedId = null }: Props) {
  const t = await getTranslations();
  const c = (key: string) => t(`project.milestones.col.${key}`);
  const date = (v: string | null) => (v ? formatDate(v, locale) : null);
  const labels: MilestoneTableLabels = {
    name: c('name'),
    plannedDate: c('plannedDate'),
    baselineDate: c('baselineDate'),
    forecastDate: c('forecastDate'),
    actualDate: c('actualDate'),
    status: c('status'),
    note: c('note'),
    actions: c('actions'),
    update: t('project.milestones.update'),
  };
  const rows = milestones.map((m): MilestoneTableRow => {
    const name = locale === 'en' ? (m.nameEn ?? m.name) : m.name;
    return {
      id: m.id,
      name,
      kind: t(`enums.milestoneKind.${m.kind}`),
      plannedDate: date(m.plannedDate),
      baselineDate: date(m.baselineDate),
      forecastDate: date(m.forecastDate),
      actualDate: date(m.actualDate),
      status: m.status,
      statusLabel: t(`enums.milestoneStatus.${m.status}`),
      overdueLabel: isOverdue(m, today) ? t('project.milestones.overdue') : null,
      note: m.note,
      updateLabel: canUpdate ? t('project.milestones.updateLabel', { name }) : null,
    };
  });
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
          <MilestoneTable projectId={projectId} rows={rows} labels={labels} savedId={savedId} />
        </div>
      )}
    </section>
  );
}
