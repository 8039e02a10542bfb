import { getTranslations } from '@/lib/i18n/server-translations';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { HistoryEntry } from '@/lib/projects/queries';
import type { Translate } from '@/lib/i18n/translate';
import type { ReferenceData } from '@/lib/reference/queries';
import { fieldLabel, historyValue, orderedKeys } from './history-values';
import { HistoryEntries, type HistoryEntryView } from './history-entries';

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
        <HistoryEntries entries={entries.map((e) => entryView(t, locale, reference, e))} />
      )}
    </section>
  );
}

/** An audit event in the words and formats the reader sees. */
function entryView(t: Translate, locale: Locale, reference: ReferenceData, e: HistoryEntry): HistoryEntryView {
  const action = t.has(`project.history.action.${e.action}`) ? t(`project.history.action.${e.action}`) : e.action;
  const subject =
    e.entityType === 'milestone'
      ? e.milestoneName
        ? t('project.history.subjectMilestone', { name: locale === 'en' ? (e.milestoneNameEn ?? e.milestoneName) : e.milestoneName })
        : t('project.history.subjectMilestoneDeleted', { id: e.entityId })
      : null;
  const value = (key: string, v: unknown) => historyValue(t, locale, reference, e.entityType, key, v);
  const changes = orderedKeys(e.entityType, e.before, e.after).map((key) => {
    const label = fieldLabel(t, e.entityType, key);
    const to = value(key, e.after?.[key]);
    if (e.before === null) return { field: key, label, from: null, to, srText: '' };
    const from = value(key, e.before[key]);
    return { field: key, label, from, to, srText: t('project.history.changeSr', { field: label, from, to }) };
  });
  const at = new Date(e.at);
  return { id: e.id, actorName: e.actorName, action, subject, at: at.toISOString(), atLabel: formatDateTime(e.at, locale), changes };
}
