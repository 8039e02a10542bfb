'use client';

import {
  type ColumnDef,
  FlexRender,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo } from 'react';
import { OverdueBadge, StageBadge, StatusBadge } from '@/app/_components/badges';
import { formatDate, formatMoney } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { RegistryRow } from '@/lib/projects/list-projects';
import { PAGE_SIZES, type RegistryParams, SORTABLE, type SortKey } from '@/lib/projects/search-params';
import { Pagination } from '@/app/_components/table/pagination';
import { useRegistryNav } from './use-registry-nav';
import { ariaSort, SortButton } from '@/app/_components/table/sort-button';

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
type Col = ColumnDef<typeof features, RegistryRow>;

interface Props {
  rows: RegistryRow[];
  total: number;
  params: RegistryParams;
  locale: Locale;
}

/**
 * The registry table. Sorting and paging are done by the server (manual mode): the table's
 * state comes from the URL, and a change of state is a change of URL.
 */
export function RegistryTable({ rows, total, params, locale }: Props) {
  const t = useTranslations();
  const { go, pending } = useRegistryNav(params);
  const en = locale === 'en';

  const columns = useMemo<Col[]>(
    () => [
      {
        id: 'code',
        accessorKey: 'code',
        header: () => t('projects.col.code'),
        cell: ({ row }) => <span className="font-mono text-xs text-slate-600">{row.original.code}</span>,
      },
      {
        id: 'name',
        accessorKey: 'name',
        header: () => t('projects.col.name'),
        cell: ({ row }) => (
          <Link href={`/projects/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {en ? (row.original.nameEn ?? row.original.name) : row.original.name}
          </Link>
        ),
      },
      {
        id: 'category',
        accessorKey: 'categoryZh',
        header: () => t('projects.col.category'),
        cell: ({ row }) => (en ? row.original.categoryEn : row.original.categoryZh),
      },
      {
        id: 'county',
        accessorKey: 'countyZh',
        header: () => t('projects.col.county'),
        cell: ({ row }) =>
          (en ? row.original.countyEn : row.original.countyZh) ?? (
            <span className="text-slate-500">{t('projects.prefectureWide')}</span>
          ),
      },
      {
        id: 'stage',
        accessorKey: 'stage',
        header: () => t('projects.col.stage'),
        cell: ({ row }) => <StageBadge stage={row.original.stage} label={t(`enums.stage.${row.original.stage}`)} />,
      },
      {
        id: 'status',
        accessorKey: 'status',
        header: () => t('projects.col.status'),
        cell: ({ row }) => (
          <span className="flex flex-wrap gap-1">
            <StatusBadge status={row.original.status} label={t(`enums.status.${row.original.status}`)} />
            {row.original.overdueMilestones > 0 ? (
              <OverdueBadge label={t('projects.overdueCount', { count: row.original.overdueMilestones })} />
            ) : null}
          </span>
        ),
      },
      {
        id: 'totalInvestment',
        accessorKey: 'totalInvestment',
        header: () => t('projects.col.totalInvestment'),
        cell: ({ row }) => formatMoney(row.original.totalInvestment, locale),
        meta: { numeric: true },
      },
      {
        id: 'annualPlannedInvestment',
        accessorKey: 'annualPlannedInvestment',
        header: () => t('projects.col.annualPlannedInvestment'),
        cell: ({ row }) => formatMoney(row.original.annualPlannedInvestment, locale),
        meta: { numeric: true },
      },
      {
        id: 'plannedCompletionDate',
        accessorKey: 'plannedCompletionDate',
        header: () => t('projects.col.plannedCompletionDate'),
        cell: ({ row }) => formatDate(row.original.plannedCompletionDate, locale),
      },
      {
        id: 'leader',
        accessorKey: 'leaderName',
        enableSorting: false,
        header: () => t('projects.col.leader'),
        cell: ({ row }) => row.original.leaderName ?? '—',
      },
      {
        id: 'unit',
        accessorKey: 'unitZh',
        enableSorting: false,
        header: () => t('projects.col.unit'),
        cell: ({ row }) => (en ? row.original.unitEn : row.original.unitZh) ?? '—',
      },
    ],
    [t, en, locale],
  );

  const sorting: SortingState = [{ id: params.sort, desc: params.dir === 'desc' }];
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableSortingRemoval: false,
    state: { sorting, pagination: { pageIndex: params.page - 1, pageSize: params.pageSize } },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first && (SORTABLE as readonly string[]).includes(first.id)) {
        go({ sort: first.id as SortKey, dir: first.desc ? 'desc' : 'asc' });
      }
    },
  });

  const tableRows = table.getRowModel().rows;

  return (
    <section aria-busy={pending} className={pending ? 'opacity-60 transition-opacity' : 'transition-opacity'}>
      {/* Desktop and tablet: the table. */}
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="registry-table">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={ariaSort(sorted)}
                      className={`whitespace-nowrap px-3 py-2.5 font-medium text-slate-600 ${numeric ? 'text-right' : 'text-left'}`}
                    >
                      {header.column.getCanSort() ? (
                        <SortButton sorted={sorted} onToggle={header.column.getToggleSortingHandler()}>
                          <FlexRender header={header} />
                        </SortButton>
                      ) : (
                        <FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tableRows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <td
                      key={cell.id}
                      className={`px-3 py-2.5 align-top ${numeric ? 'whitespace-nowrap text-right tabular-nums' : ''} ${cell.column.id === 'name' ? 'min-w-64' : ''} ${cell.column.id === 'plannedCompletionDate' ? 'whitespace-nowrap' : ''}`}
                    >
                      <FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {/* Phone: one card per project. */}
      <ul className="space-y-2 md:hidden" data-testid="registry-cards">
        {tableRows.map(({ original: r }) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <Link href={`/projects/${r.id}`} className="block font-medium text-brand-700">
              {en ? (r.nameEn ?? r.name) : r.name}
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
              <span className="font-mono">{r.code}</span>
              <span>·</span>
              <span>{en ? r.categoryEn : r.categoryZh}</span>
              <span>·</span>
              <span>{(en ? r.countyEn : r.countyZh) ?? t('projects.prefectureWide')}</span>
            </div>
            <div className="mt-2 flex flex-wrap gap-1.5">
              <StageBadge stage={r.stage} label={t(`enums.stage.${r.stage}`)} />
              <StatusBadge status={r.status} label={t(`enums.status.${r.status}`)} />
              {r.overdueMilestones > 0 ? (
                <OverdueBadge label={t('projects.overdueCount', { count: r.overdueMilestones })} />
              ) : null}
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
              <dt className="text-slate-500">{t('projects.col.totalInvestment')}</dt>
              <dd className="text-right tabular-nums">{formatMoney(r.totalInvestment, locale)}</dd>
              <dt className="text-slate-500">{t('projects.col.leader')}</dt>
              <dd className="text-right">{r.leaderName ?? '—'}</dd>
            </dl>
          </li>
        ))}
      </ul>

      {tableRows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500" data-testid="registry-empty">
          {total > 0 ? (
            <>
              {t('projects.emptyPage')}{' '}
              <button type="button" className="text-brand-700 underline" onClick={() => go({ page: 1 })}>
                {t('projects.firstPage')}
              </button>
            </>
          ) : (
            t('projects.empty')
          )}
        </div>
      ) : null}

      <Pagination page={params.page} pageSize={params.pageSize} pageSizes={PAGE_SIZES} total={total} onChange={go} />
    </section>
  );
}
