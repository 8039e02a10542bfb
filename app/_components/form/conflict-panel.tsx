'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { primaryButton, secondaryButton } from './form-controls';

export interface ConflictRow {
  key: string;
  label: string;
  yours: string;
  current: string;
}

/**
 * Shown when the record changed since the form was opened: who changed it and when, the
 * user's values beside the saved ones (differences first and marked), reload or cancel.
 */
export function ConflictPanel({
  rows,
  changedBy,
  changedAt,
  onReload,
  onCancel,
  onlyDifferences = false,
}: {
  rows: ConflictRow[];
  /** Long forms: list only the fields where the two values differ. */
  onlyDifferences?: boolean;
  changedBy: string | null;
  changedAt: Date | string | null;
  onReload: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('project.conflict');
  const common = useTranslations('common');
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const sorted = [...rows]
    .filter((r) => !onlyDifferences || r.yours !== r.current)
    .sort((a, b) => Number(a.yours === a.current) - Number(b.yours === b.current));
  const anyDiff = rows.some((r) => r.yours !== r.current);
  return (
    <section
      role="alert"
      aria-labelledby="conflict-title"
      tabIndex={-1}
      className="scroll-mt-20 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="conflict-message"
    >
      <h2 id="conflict-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1">
        {changedBy ? t('byWhom', { name: changedBy, at: formatDateTime(changedAt, locale, timeZone) }) : t('byUnknown')} {t('body')}
      </p>
      {anyDiff ? null : <p className="mt-1 text-amber-800">{t('noDifferences')}</p>}
      {sorted.length === 0 ? null : (
        <div className="mt-3 overflow-x-auto rounded-md border border-amber-200 bg-white">
          <table className="min-w-full text-left text-sm text-slate-800">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('field')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('yours')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('current')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sorted.map((r) => {
                const differs = r.yours !== r.current;
                return (
                  <tr key={r.key} data-testid={`conflict-${r.key}`} className={differs ? 'bg-amber-50/60' : 'text-slate-500'}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      {r.label}
                      {differs ? (
                        <span className="ml-1 text-amber-700" aria-hidden>
                          ●
                        </span>
                      ) : null}
                    </th>
                    <td className="whitespace-pre-line break-words px-3 py-2" data-testid="conflict-yours">
                      {r.yours}
                    </td>
                    <td className="whitespace-pre-line break-words px-3 py-2 font-medium" data-testid="conflict-current">
                      {r.current}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <button type="button" onClick={onReload} className={primaryButton} data-testid="conflict-reload">
          {t('reload')}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButton}>
          {common('cancel')}
        </button>
      </div>
    </section>
  );
}
