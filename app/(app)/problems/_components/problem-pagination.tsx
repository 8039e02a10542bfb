'use client';

import { useTranslations } from 'next-intl';
import { PROBLEM_PAGE_SIZES, type ProblemListParams } from '@/lib/problems/search-params';

interface Props {
  params: ProblemListParams;
  total: number;
  pageCount: number;
  onChange: (change: Partial<ProblemListParams>) => void;
}

export function ProblemPagination({ params, total, pageCount, onChange }: Props) {
  const t = useTranslations('problems.list');
  const from = total === 0 ? 0 : (params.page - 1) * params.pageSize + 1;
  const to = Math.min(total, params.page * params.pageSize);
  const btn =
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';
  return (
    <nav className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600" aria-label={t('pageOf', { page: params.page, pages: pageCount })}>
      <span data-testid="page-info">{from > 0 ? t('pageInfo', { from, to, total }) : null}</span>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1.5">
          <span>{t('pageSize')}</span>
          <select
            value={params.pageSize}
            onChange={(e) => onChange({ pageSize: Number(e.target.value) })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {PROBLEM_PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {t('perPage', { size: s })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={btn} disabled={params.page <= 1} onClick={() => onChange({ page: params.page - 1 })}>
          {t('prev')}
        </button>
        <span className="tabular-nums" data-testid="page-of">
          {t('pageOf', { page: params.page, pages: pageCount })}
        </span>
        <button type="button" className={btn} disabled={params.page >= pageCount} onClick={() => onChange({ page: params.page + 1 })}>
          {t('next')}
        </button>
      </div>
    </nav>
  );
}
