import { getTranslations } from '@/lib/i18n/server-translations';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { ProblemHistoryEntry } from '@/lib/problems/queries';
import type { ReferenceData } from '@/lib/reference/queries';
import { FieldChange } from '@/app/_components/field-change';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** A value of an audited field as a person reads it. */
function show(t: T, locale: Locale, ref: ReferenceData, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('problems.form.empty');
  const name = (list: { value: string; labelZh: string; labelEn: string }[]) => {
    const o = list.find((x) => x.value === String(v));
    return o ? (locale === 'en' ? o.labelEn : o.labelZh) : `#${String(v)}`;
  };
  switch (key) {
    case 'status':
      return t.has(`enums.problemStatus.${String(v)}`) ? t(`enums.problemStatus.${String(v)}`) : String(v);
    case 'type':
      return t.has(`enums.problemType.${String(v)}`) ? t(`enums.problemType.${String(v)}`) : String(v);
    case 'deadline':
      return formatDate(String(v), locale);
    case 'escalationLevel':
      return t.has(`enums.escalation.${String(v)}`) ? t(`enums.escalation.${String(v)}`) : String(v);
    case 'daysOverdue':
      return t('problems.overdueDays', { days: Number(v) });
    case 'responsibleUnitId':
      return name([...ref.responsibleUnits, ...ref.ownerUnits]);
    case 'responsibleLeaderId':
      return name(ref.leaders);
    case 'reportId':
      return `#${String(v)}`;
    default:
      return String(v);
  }
}

const LONG = new Set(['description', 'resolution', 'reason']);

/** Who changed what and when (the problem's audit events, newest first; comments are in the thread). */
export async function ProblemHistory({
  entries,
  locale,
  reference,
}: {
  entries: ProblemHistoryEntry[];
  locale: Locale;
  reference: ReferenceData;
}) {
  const t = await getTranslations();
  const shown = entries.filter((e) => e.action !== 'problem.comment');
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="history-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t('problems.history.title')}
      </h2>
      {shown.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500" data-testid="problem-history">
          {t('problems.history.empty')}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="problem-history">
          {shown.map((e) => {
            const verb = e.action.replace(/^problem\./, '');
            const action = t.has(`problems.history.action.${verb}`) ? t(`problems.history.action.${verb}`) : e.action;
            const keys = Object.keys({ ...(e.before ?? {}), ...(e.after ?? {}) }).filter((k) => k !== 'commentId');
            const label = (key: string) => (t.has(`problems.field.${key}`) ? t(`problems.field.${key}`) : key);
            return (
              <li key={e.id} className="px-4 py-3" data-testid="history-entry" data-action={e.action}>
                <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
                  <span className="font-medium text-slate-900">
                    {e.actorName === 'system' ? t('problems.history.system') : e.actorName}
                  </span>
                  <span className="text-slate-700">{action}</span>
                  <time dateTime={new Date(e.at).toISOString()} className="ml-auto whitespace-nowrap text-xs text-slate-500">
                    {formatDateTime(e.at, locale)}
                  </time>
                </div>
                {keys.length ? (
                  <ul className="mt-1.5 space-y-1 text-sm">
                    {keys.map((key) => {
                      const to = show(t, locale, reference, key, e.after?.[key]);
                      const hasBefore = e.before !== null && key in (e.before ?? {});
                      if (!hasBefore || LONG.has(key)) {
                        return (
                          <li key={key} className="text-slate-700" data-field={key}>
                            <span className="text-slate-500">{label(key)}</span>{' '}
                            <span className={`break-words ${LONG.has(key) ? 'whitespace-pre-line' : ''}`}>
                              {hasBefore ? (
                                <>
                                  <del className="text-slate-500 decoration-slate-400">
                                    {show(t, locale, reference, key, e.before?.[key])}
                                  </del>
                                  <span className="mx-1 text-slate-400">→</span>
                                </>
                              ) : null}
                              {to}
                            </span>
                          </li>
                        );
                      }
                      const from = show(t, locale, reference, key, e.before?.[key]);
                      return (
                        <FieldChange
                          key={key}
                          field={key}
                          label={label(key)}
                          from={from}
                          to={to}
                          srText={t('problems.history.changeSr', { field: label(key), from, to })}
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
