import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { mayEver } from '@/lib/authz';
import { toLocale } from '@/lib/i18n/config';
import { listProblems, problemCounts } from '@/lib/problems/queries';
import { type ProblemListParams, problemsSearch } from '@/lib/problems/search-params';
import { getReferenceData } from '@/lib/reference/queries';
import { ExportMenu } from '@/app/_components/export-menu';
import { ProblemAgeChips } from './_components/age-chips';
import { ProblemFilters } from './_components/problem-filters';
import { ProblemTable } from './_components/problem-table';
import { ListRegion } from '@/app/_components/table/use-url-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('problems');
  return { title: t('title') };
}

/** The problem list (问题清单): filters, sort, search and paging live in the URL. */
export default async function ProblemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  const params = problemsSearch.parse(await searchParams);
  const [{ rows, total }, counts, ref, t, locale] = await Promise.all([
    listProblems(actor, params),
    problemCounts(actor),
    getReferenceData(actor),
    getTranslations(),
    getLocale(),
  ]);
  const canCreate = mayEver(actor, 'problem.create');

  // Quick filters: each a link to a state of the list (the same URL state as the filters).
  const quick = (change: Partial<ProblemListParams>) =>
    problemsSearch.href('/problems', { sort: params.sort, dir: params.dir, pageSize: params.pageSize, ...change });
  const chips: { key: string; label: string; count: number; href: string; active: boolean; tone: string }[] = [
    {
      key: 'open',
      label: t('enums.problemStatus.open'),
      count: counts.open,
      href: quick({ status: ['open'] }),
      active: params.status.join() === 'open' && !params.overdue,
      tone: 'text-sky-800',
    },
    {
      key: 'in_progress',
      label: t('enums.problemStatus.in_progress'),
      count: counts.in_progress,
      href: quick({ status: ['in_progress'] }),
      active: params.status.join() === 'in_progress' && !params.overdue,
      tone: 'text-amber-800',
    },
    {
      key: 'resolved',
      label: t('enums.problemStatus.resolved'),
      count: counts.resolved,
      href: quick({ status: ['resolved'] }),
      active: params.status.join() === 'resolved' && !params.overdue,
      tone: 'text-emerald-800',
    },
    {
      key: 'closed',
      label: t('enums.problemStatus.closed'),
      count: counts.closed,
      href: quick({ status: ['closed'] }),
      active: params.status.join() === 'closed' && !params.overdue,
      tone: 'text-slate-600',
    },
    {
      key: 'overdue',
      label: t('problems.summary.overdue'),
      count: counts.overdue,
      href: quick({ overdue: true }),
      active: params.overdue && params.status.length === 0,
      tone: 'text-red-700',
    },
  ];

  return (
    <ListRegion className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('problems.title')}</h1>
          <p className="text-sm text-slate-500" data-testid="problems-total">
            {t('problems.subtitle', { total })}
          </p>
        </div>
        <div className="flex items-start gap-2">
          <ExportMenu endpoint="/api/exports/problems" query={problemsSearch.query({ ...params, page: 1 })} total={total} />
          {canCreate ? (
            <Link
              href="/problems/new"
              data-testid="problem-create"
              className="whitespace-nowrap rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            >
              {t('problems.create')}
            </Link>
          ) : null}
        </div>
      </div>

      <nav aria-label={t('problems.summary.label')} className="grid grid-cols-3 gap-2 sm:grid-cols-5" data-testid="problem-counts">
        {chips.map((c) => (
          <Link
            key={c.key}
            href={c.href}
            aria-current={c.active ? 'true' : undefined}
            className={`rounded-lg border bg-white px-3 py-2 shadow-sm hover:border-brand-600 ${c.active ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-200'}`}
          >
            <span className="block text-xs text-slate-500">{c.label}</span>
            <span className={`block text-lg font-semibold tabular-nums ${c.tone}`}>{c.count}</span>
          </Link>
        ))}
      </nav>

      <ProblemFilters
        params={params}
        counties={ref.counties}
        units={ref.responsibleUnits}
        leaders={ref.leaders}
        showCounty={actor.countyId === null}
      />
      <ProblemAgeChips params={params} />
      <ProblemTable rows={rows} total={total} params={params} locale={toLocale(locale)} />
    </ListRegion>
  );
}
