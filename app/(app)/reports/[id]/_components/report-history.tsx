import { getTranslations } from '@/lib/i18n/server-translations';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { ReportHistoryEntry } from '@/lib/reports/queries';
import { formatWan, isMoney } from '@/lib/money';

type Translator = Awaited<ReturnType<typeof getTranslations>>;

const card = 'rounded-lg border border-slate-200 bg-white shadow-sm';
const cardTitle = 'border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900';

/** 'report.photo.add' → 'photoAdd' (catalogue keys may not contain dots). */
function historyActionKey(action: string): string {
  return action.replace(/^report\./, '').replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
}

function historyDetails(t: Translator, e: ReportHistoryEntry, locale: Locale): string[] {
  const out: string[] = [];
  const after = e.after ?? {};
  const before = e.before ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
  if (e.action === 'report.save' || e.action === 'report.submit') {
    const fields = Object.keys(after).filter((k) => k !== 'status' && k !== 'late' && t.has(`reports.field.${k}`));
    for (const k of fields) {
      const label = t(`reports.field.${k}`);
      // An amount an older event stored in another shape is shown as it was stored.
      const value =
        k === 'investmentThisPeriod' && (after[k] === null || isMoney(after[k]))
          ? formatWan(str(after[k]) || null, locale)
          : k === 'percentComplete' && after[k] !== null
            ? `${str(after[k])}%`
            : str(after[k]) || '—';
      out.push(`${label}: ${value}`);
    }
  }
  if (typeof after.comment === 'string') out.push(t('reports.history.comment', { text: after.comment }));
  if (typeof after.reason === 'string') out.push(t('reports.history.reason', { text: after.reason }));
  const photoName = str(after.originalName ?? before.originalName);
  if (e.entityType === 'report_photo' && photoName) out.push(t('reports.history.photo', { name: photoName }));
  return out;
}

/** Who did what to the report and when, newest first (from the audit trail). */
export async function ReportHistory({ entries, locale }: { entries: ReportHistoryEntry[]; locale: Locale }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="report-history-title" className={card}>
      <h2 id="report-history-title" className={cardTitle}>
        {t('reports.history.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500" data-testid="report-history">
          {t('reports.history.empty')}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="report-history">
          {entries.map((e) => {
            const actionKey = `reports.history.action.${historyActionKey(e.action)}`;
            const action = t.has(actionKey) ? t(actionKey) : e.action;
            const suffix = [
              e.after?.onBehalf === true ? t('reports.history.onBehalf') : null,
              e.action === 'report.submit' && e.after?.late === true ? t('reports.history.late') : null,
            ].filter(Boolean);
            const details = historyDetails(t, e, locale);
            return (
              <li key={e.id} className="px-4 py-2.5 text-sm" data-testid="history-entry" data-action={e.action}>
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium text-slate-900">{e.actorName}</span>
                  <span className="text-slate-700">
                    {action}
                    {suffix.length ? ` ${suffix.join(' ')}` : null}
                  </span>
                  <time dateTime={new Date(e.at).toISOString()} className="ml-auto whitespace-nowrap text-xs text-slate-500">
                    {formatDateTime(e.at, locale)}
                  </time>
                </div>
                {details.length ? (
                  <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                    {details.map((d, i) => (
                      <li key={i} className="line-clamp-3 whitespace-pre-line break-words">
                        {d}
                      </li>
                    ))}
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
