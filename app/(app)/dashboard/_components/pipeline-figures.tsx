import Link from 'next/link';
import type { Dashboard } from '@/lib/dashboard/types';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { formatYi, parseMoney } from '@/lib/money';
import type { PipelineStage } from '@/lib/plan-years/pipeline-stage';

const TONE: Record<PipelineStage, string> = {
  reserve: 'text-slate-700',
  preliminary: 'text-violet-800',
  new_start: 'text-amber-800',
  continuing: 'text-sky-800',
  completed: 'text-teal-800',
  operating: 'text-slate-700',
};

/**
 * The portfolio the way dispatch tables count it (储备 / 前期 / 新开工 / 续建 / 建成 / 投运) for the
 * year: one figure per stage with its plans, each a link to the registry filtered to exactly the
 * projects it counts (data-count for the tests).
 */
export async function PipelineFigures({ pipeline, locale }: { pipeline: Dashboard['pipeline']; locale: Locale }) {
  const t = await getTranslations();
  const title = t('dashboard.pipeline.title', { year: pipeline.year });
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={title} data-testid="pipeline-figures">
      <h2 className="mb-2 text-sm font-medium text-slate-600">{title}</h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6">
        {pipeline.stages.map((s) => (
          <li key={s.stage}>
            <Link
              prefetch={false}
              href={s.href}
              data-testid={`figure-pipeline-${s.stage}`}
              data-count={s.count}
              className="block rounded-md border border-slate-200 bg-slate-50 px-3 py-2 hover:border-brand-600"
            >
              <span className="block truncate text-xs font-medium text-slate-600">{t(`enums.pipelineStage.${s.stage}`)}</span>
              <span className={`mt-0.5 flex items-baseline gap-1 ${TONE[s.stage]}`}>
                <span className="text-2xl font-semibold tabular-nums leading-none">{formatNumber(s.count, locale, 0)}</span>
                <span className="text-xs">{t('dashboard.headline.projectsUnit')}</span>
              </span>
              <span className="mt-1 block truncate text-xs text-slate-500">
                {parseMoney(s.planned) > 0n
                  ? t('dashboard.pipeline.planned', { amount: formatYi(s.planned, locale) })
                  : t('dashboard.pipeline.noPlan')}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
