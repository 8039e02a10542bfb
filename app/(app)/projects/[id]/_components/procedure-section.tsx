import Link from 'next/link';
import type { Locale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { formatDate } from '@/lib/format';
import type { ProcedureSummary } from '@/lib/procedures/queries';

/** 审批手续 on the project's page: how many are approved, which are overdue, the critical path to 开工. */
export async function ProcedureSection({
  projectId,
  summary,
  locale,
}: {
  projectId: number;
  summary: ProcedureSummary | null;
  locale: Locale;
}) {
  const t = await getTranslations('procedures');
  const en = locale === 'en';
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="procedures-heading"
      data-testid="procedure-section"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="procedures-heading" className="text-base font-semibold text-slate-900">
          {t('section.title')}
        </h2>
        <Link href={`/projects/${projectId}/procedures`} className="text-sm text-brand-700 hover:underline" data-testid="procedures-link">
          {t('section.open')}
        </Link>
      </div>
      {summary ? (
        <div className="mt-2 space-y-1 text-sm text-slate-700">
          <p>{t('summary', { approved: summary.approved, total: summary.total })}</p>
          {summary.overdue.length ? (
            <p className="text-red-700">
              {t('section.overdue', { names: summary.overdue.map((o) => (en ? o.nameEn || o.nameZh : o.nameZh)).join(en ? ', ' : '、') })}
            </p>
          ) : null}
          <p>
            {summary.earliestStart
              ? t('criticalPath.remaining', { days: summary.criticalDays, date: formatDate(summary.earliestStart, locale) })
              : t('criticalPath.done')}
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t('section.none')}</p>
      )}
    </section>
  );
}
