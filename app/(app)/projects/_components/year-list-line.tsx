import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server-translations';
import type { RegistryParams } from '@/lib/projects/search-params';
import { registrySearch } from '@/lib/projects/search-params';

/**
 * Under the registry's heading, when the plan year has a key-project list: which projects the
 * table holds (the year's list, every project, or those outside the list) and the way to the
 * others, so a project not (yet) in the list is never out of reach.
 */
export async function YearListLine({ params, year, outside }: { params: RegistryParams; year: number; outside: number }) {
  const t = await getTranslations('projects.listed');
  const to = (listed: RegistryParams['listed']) => registrySearch.href('/projects', { ...params, listed, page: 1 });
  const link = 'font-medium text-brand-700 hover:underline';
  return (
    <p
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600"
      data-testid="year-list-line"
      data-listed={params.listed ?? 'in'}
    >
      {params.listed === null ? (
        <>
          <span className="font-medium text-slate-800">{t('inList', { year: String(year) })}</span>
          {outside > 0 ? (
            <>
              <span>{t('outside', { count: outside })}</span>
              <Link href={to('out')} className={link} data-testid="listed-out">
                {t('showOutside')}
              </Link>
              <Link href={to('all')} className={link} data-testid="listed-all">
                {t('showAll')}
              </Link>
            </>
          ) : null}
        </>
      ) : (
        <>
          <span className="font-medium text-slate-800">
            {params.listed === 'all' ? t('allShown') : t('outsideShown', { year: String(year) })}
          </span>
          <Link href={to(null)} className={link} data-testid="listed-in">
            {t('backToList', { year: String(year) })}
          </Link>
        </>
      )}
    </p>
  );
}
