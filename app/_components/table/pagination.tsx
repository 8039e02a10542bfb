'use client';

import { useTranslations } from 'next-intl';

interface Props {
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  total: number;
  onChange: (change: { page?: number; pageSize?: number }) => void;
}

/** Paging for the server-paginated tables (registry, problem list): the state lives in the URL. */
export function Pagination({ page, pageSize, pageSizes, total, onChange }: Props) {
  const t = useTranslations('common.table');
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const btn =
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';
  return (
    <nav
      className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
      aria-label={t('pageOf', { page, pages: pageCount })}
    >
      <span data-testid="page-info">{from > 0 ? t('pageInfo', { from, to, total }) : null}</span>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1.5">
          <span>{t('pageSize')}</span>
          <select
            value={pageSize}
            onChange={(e) => onChange({ pageSize: Number(e.target.value) })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {pageSizes.map((s) => (
              <option key={s} value={s}>
                {t('perPage', { size: s })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={btn} disabled={page <= 1} onClick={() => onChange({ page: page - 1 })}>
          {t('prev')}
        </button>
        <span className="tabular-nums" data-testid="page-of">
          {t('pageOf', { page, pages: pageCount })}
        </span>
        <button type="button" className={btn} disabled={page >= pageCount} onClick={() => onChange({ page: page + 1 })}>
          {t('next')}
        </button>
      </div>
    </nav>
  );
}
