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
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { ProblemListRow } from '@/lib/problems/queries';
import {
  PROBLEM_PAGE_SIZES,
  PROBLEM_SORTABLE,
  type ProblemListParams,
  type ProblemSortKey,
  problemsSearch,
} from '@/lib/problems/search-params';
import { EscalationBadge, OverdueDaysBadge, ProblemStatusBadge, ProblemTypeBadge } from './problem-badges';
import { Pagination } from '@/app/_components/table/pagination';
import { useUrlState } from '@/app/_components/table/use-url-state';
import { ariaSort, SortButton } from '@/app/_components/table/sort-button';

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
type Col = ColumnDef<typeof features, ProblemListRow>;

interface Props {
  rows: ProblemListRow[];
  total: number;
  params: ProblemListParams;
  locale: Locale;
}

/**
 * The problem list. Sorting and paging are done by the server (manual mode): the table's
 * state comes from the URL, and a change of state is a change of URL.
 */
export function ProblemTable({ rows, total, params, locale }: Props) {
  const t = useTranslations();
  const { go, pending } = useUrlState(problemsSearch);
  const en = locale === 'en';
  const projectName = (r: ProblemListRow) => (en ? (r.projectNameEn ?? r.projectName) : r.projectName);

  const columns = useMemo<Col[]>(
    () => [
      {
        id: 'createdAt',
        accessorKey: 'id',
        header: () => t('problems.col.id'),
        cell: ({ row }) => <span className="font-mono text-xs text-slate-500">#{row.original.id}</span>,
      },
      {
        id: 'description',
        accessorKey: 'description',
        enableSorting: false,
        header: () => t('problems.col.description'),
        cell: ({ row }) => (
          <Link
            href={`/problems/${row.original.id}`}
            className="line-clamp-2 font-medium text-brand-700 hover:underline"
            title={row.original.description}
          >
            {row.original.description}
          </Link>
        ),
      },
      {
        id: 'project',
        accessorKey: 'projectCode',
        header: () => t('problems.col.project'),
        cell: ({ row }) => (
          <Link href={`/projects/${row.original.projectId}`} className="line-clamp-2 text-slate-700 hover:text-brand-700 hover:underline">
            {projectName(row.original)}
          </Link>
        ),
      },
      {
        id: 'type',
        accessorKey: 'type',
        header: () => t('problems.col.type'),
        cell: ({ row }) => <ProblemTypeBadge label={t(`enums.problemType.${row.original.type}`)} />,
      },
      {
        id: 'status',
        accessorKey: 'status',
        header: () => t('problems.col.status'),
        cell: ({ row }) => (
          <ProblemStatusBadge
            status={row.original.status}
            label={t(`enums.problemStatus.${row.original.status}`)}
            testId="problem-status"
          />
        ),
      },
      {
        id: 'deadline',
        accessorKey: 'deadline',
        header: () => t('problems.col.deadline'),
        cell: ({ row }) => (
          <span className="flex flex-col items-start gap-1">
            <span className="whitespace-nowrap">{formatDate(row.original.deadline, locale)}</span>
            {row.original.overdue ? <OverdueDaysBadge label={t('problems.overdueDays', { days: row.original.daysOverdue })} /> : null}
          </span>
        ),
      },
      {
        id: 'escalation',
        accessorKey: 'escalationLevel',
        header: () => t('problems.col.escalation'),
        cell: ({ row }) =>
          row.original.escalationLevel > 0 ? (
            <EscalationBadge level={row.original.escalationLevel} label={t(`problems.escalationShort.${row.original.escalationLevel}`)} />
          ) : (
            <span className="text-slate-400">—</span>
          ),
      },
      {
        id: 'unit',
        accessorKey: 'unitZh',
        enableSorting: false,
        header: () => t('problems.col.unit'),
        cell: ({ row }) => (en ? row.original.unitEn : row.original.unitZh) ?? '—',
      },
      {
        id: 'leader',
        accessorKey: 'leaderName',
        enableSorting: false,
        header: () => t('problems.col.leader'),
        cell: ({ row }) => <span className="whitespace-nowrap">{row.original.leaderName ?? '—'}</span>,
      },
      {
        id: 'county',
        accessorKey: 'countyZh',
        enableSorting: false,
        header: () => t('problems.col.county'),
        cell: ({ row }) =>
          (en ? row.original.countyEn : row.original.countyZh) ?? <span className="text-slate-500">{t('problems.prefectureWide')}</span>,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change with the language only (projectName is a new function every render but reads en)
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
      if (first && (PROBLEM_SORTABLE as readonly string[]).includes(first.id)) {
        go({ sort: first.id as ProblemSortKey, dir: first.desc ? 'desc' : 'asc' });
      }
    },
  });

  const tableRows = table.getRowModel().rows;

  return (
    <section aria-busy={pending}>
      {/* Desktop and tablet: the table. */}
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="problems-table">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={ariaSort(sorted)}
                      className="whitespace-nowrap px-3 py-2.5 text-left font-medium text-slate-600"
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
              <tr
                key={row.id}
                data-testid={`problem-row-${row.original.id}`}
                className={row.original.overdue ? 'bg-red-50/40 hover:bg-red-50' : 'hover:bg-slate-50'}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2.5 align-top ${cell.column.id === 'description' ? 'min-w-72 max-w-md' : ''} ${cell.column.id === 'project' ? 'min-w-48 max-w-64' : ''} ${cell.column.id === 'unit' ? 'min-w-36' : ''} ${cell.column.id === 'county' ? 'min-w-24' : ''}`}
                  >
                    <FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {/* Phone: one card per problem. */}
      <ul className="space-y-2 md:hidden" data-testid="problems-cards">
        {tableRows.map(({ original: r }) => (
          <li
            key={r.id}
            data-testid={`problem-card-${r.id}`}
            className={`rounded-lg border bg-white p-3 shadow-sm ${r.overdue ? 'border-red-200' : 'border-slate-200'}`}
          >
            <div className="flex items-start justify-between gap-2">
              <Link href={`/problems/${r.id}`} className="line-clamp-3 font-medium text-brand-700">
                {r.description}
              </Link>
              <span className="shrink-0 font-mono text-xs text-slate-400">#{r.id}</span>
            </div>
            <p className="mt-1 line-clamp-1 text-xs text-slate-500">{projectName(r)}</p>
            <div className="mt-2 flex flex-wrap gap-1.5">
              <ProblemStatusBadge status={r.status} label={t(`enums.problemStatus.${r.status}`)} />
              <ProblemTypeBadge label={t(`enums.problemType.${r.type}`)} />
              {r.overdue ? <OverdueDaysBadge label={t('problems.overdueDays', { days: r.daysOverdue })} /> : null}
              <EscalationBadge
                level={r.escalationLevel}
                label={t(`problems.escalationShort.${r.escalationLevel}`)}
                testId="escalation-badge-card"
              />
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              <dt className="text-slate-500">{t('problems.col.deadline')}</dt>
              <dd className="text-right">{formatDate(r.deadline, locale)}</dd>
              <dt className="text-slate-500">{t('problems.col.unit')}</dt>
              <dd className="text-right">{(en ? r.unitEn : r.unitZh) ?? '—'}</dd>
              <dt className="text-slate-500">{t('problems.col.leader')}</dt>
              <dd className="text-right">{r.leaderName ?? '—'}</dd>
            </dl>
          </li>
        ))}
      </ul>

      {tableRows.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500"
          data-testid="problems-empty"
        >
          {total > 0 ? (
            <>
              {t('problems.list.emptyPage')}{' '}
              <button type="button" className="text-brand-700 underline" onClick={() => go({ page: 1 })}>
                {t('problems.list.firstPage')}
              </button>
            </>
          ) : (
            t('problems.list.empty')
          )}
        </div>
      ) : null}

      <Pagination page={params.page} pageSize={params.pageSize} pageSizes={PROBLEM_PAGE_SIZES} total={total} onChange={go} />
    </section>
  );
}
