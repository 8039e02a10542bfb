import { getTranslations } from '@/lib/i18n/server-translations';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { HistoryEntry } from '@/lib/projects/queries';
import type { ReferenceData } from '@/lib/reference/queries';
import { fieldLabel, historyValue, orderedKeys } from './history-values';
import { FieldChange } from '@/app/_components/field-change';

interface Props {
  entries: HistoryEntry[];
  locale: Locale;
  reference: ReferenceData;
}

/** Who changed what and when: the project's audit trail, newest first. */
export async function HistoryList({ entries, locale, reference }: Props) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="history-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t('project.history.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500" data-testid="history-list">
          {t('project.history.empty')}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="history-list">
          {entries.map((e) => {
            const action = t.has(`project.history.action.${e.action}`) ? t(`project.history.action.${e.action}`) : e.action;
            const subject =
              e.entityType === 'milestone'
                ? e.milestoneName
                  ? t('project.history.subjectMilestone', { name: locale === 'en' ? (e.milestoneNameEn ?? e.milestoneName) : e.milestoneName })
                  : t('project.history.subjectMilestoneDeleted', { id: e.entityId })
                : null;
            const keys = orderedKeys(e.entityType, e.before, e.after);
            const value = (key: string, v: unknown) => historyValue(t, locale, reference, e.entityType, key, v);
            return (
              <li key={e.id} className="px-4 py-3" data-testid="history-entry">
                <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
                  <span className="font-medium text-slate-900">{e.actorName}</span>
                  <span className="text-slate-700">{action}</span>
                  {subject ? <span className="text-slate-700">· {subject}</span> : null}
                  <time dateTime={new Date(e.at).toISOString()} className="ml-auto whitespace-nowrap text-xs text-slate-500">
                    {formatDateTime(e.at, locale)}
                  </time>
                </div>
                {keys.length ? (
                  <ul className="mt-1.5 space-y-1 text-sm">
                    {keys.map((key) => {
                      const label = fieldLabel(t, e.entityType, key);
                      const to = value(key, e.after?.[key]);
                      if (e.before === null) {
                        return (
                          <li key={key} className="flex flex-wrap gap-x-2 text-slate-700">
                            <span className="text-slate-500">{label}</span>
                            <span className="break-words">{to}</span>
                          </li>
                        );
                      }
                      const from = value(key, e.before[key]);
                      return (
                        <FieldChange
                          key={key}
                          field={key}
                          label={label}
                          from={from}
                          to={to}
                          srText={t('project.history.changeSr', { field: label, from, to })}
                        />
                      );
                    })}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
