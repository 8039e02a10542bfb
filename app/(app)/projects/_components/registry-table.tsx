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
import { OverdueBadge, PipelineStageBadge, StageBadge, StatusBadge } from '@/app/_components/badges';
import { formatDate } from '@/lib/format';
import { formatWan } from '@/lib/money';
import type { Locale } from '@/lib/i18n/config';
import type { RegistryRow } from '@/lib/projects/list-projects';
import { type LightFacts, lightReasonText, statusLightNote } from '@/lib/lights/light-text';
import type { Light } from '@/db/schema/enums';
import { PAGE_SIZES, type RegistryParams, registrySearch, SORTABLE, type SortKey } from '@/lib/projects/search-params';
import { Pagination } from '@/app/_components/table/pagination';
import { useUrlState } from '@/app/_components/table/use-url-state';
import { ariaSort, SortButton } from '@/app/_components/table/sort-button';

const DOT: Record<Light, string> = { green: 'bg-emerald-500', yellow: 'bg-amber-400', red: 'bg-red-500' };
const WORD: Record<Light, string> = { green: 'text-emerald-800', yellow: 'text-amber-900', red: 'text-red-800' };

const facts = (r: RegistryRow): LightFacts => ({ light: r.light, reasons: r.lightReasons, override: r.lightOverride });

/**
 * The latest period's light: a dot and the word; the reason in the title (hover) and, on a tap
 * or a click (a phone has no hover), opened below it.
 */
function LightCell({ light, reason, label }: { light: Light | null; reason: string | null; label: string }) {
  if (light === null) return <span className="text-xs text-slate-500">{label}</span>;
  return (
    <details className="group max-w-64" data-light={light} data-testid="registry-light">
      <summary
        title={reason ?? undefined}
        className={`inline-flex cursor-pointer list-none items-center gap-1.5 whitespace-nowrap text-xs font-medium [&::-webkit-details-marker]:hidden ${WORD[light]}`}
      >
        <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[light]}`} />
        {label}
      </summary>
      {reason ? <p className="mt-1 text-xs text-slate-600 max-md:w-full">{reason}</p> : null}
    </details>
  );
}

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });

/**
 * How each column shows on a phone, where a row is a card: the name across the card (with the
 * code, category and county under it), the stage and status badges, then total investment and
 * leader as labelled lines. Columns not listed are hidden there.
 */
const PHONE: Record<string, string> = {
  name: 'max-md:w-full',
  stage: '',
  pipelineStage: '',
  status: '',
  light: '',
  totalInvestment: 'max-md:mt-1 max-md:flex max-md:w-full max-md:justify-between max-md:text-xs',
  leader: 'max-md:flex max-md:w-full max-md:justify-between max-md:text-xs',
};
const PHONE_LABELLED = new Set(['totalInvestment', 'leader']);
type Col = ColumnDef<typeof features, RegistryRow>;

interface Props {
  rows: RegistryRow[];
  total: number;
  params: RegistryParams;
  /** The plan year of the pipeline-stage column (the page's registryYear). */
  year: number;
  locale: Locale;
}

/**
 * The registry table. Sorting and paging are done by the server (manual mode): the table's
 * state comes from the URL, and a change of state is a change of URL.
 */
export function RegistryTable({ rows, total, params, year, locale }: Props) {
  const t = useTranslations();
  const { go, pending } = useUrlState(registrySearch);
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
        cell: ({ row }) => {
          const r = row.original;
          return (
            <>
              <Link href={`/projects/${r.id}`} className="font-medium text-brand-700 hover:underline max-md:block">
                {en ? (r.nameEn ?? r.name) : r.name}
              </Link>
              {/* On a phone the code, category and county columns are hidden and shown here. */}
              <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500 md:hidden">
                <span className="font-mono">{r.code}</span>
                <span aria-hidden>·</span>
                <span>{en ? r.categoryEn : r.categoryZh}</span>
                <span aria-hidden>·</span>
                <span>{(en ? r.countiesEn : r.countiesZh) ?? t('projects.locationNotReported')}</span>
              </span>
            </>
          );
        },
      },
      {
        id: 'category',
        accessorKey: 'categoryZh',
        header: () => t('projects.col.category'),
        cell: ({ row }) => (en ? row.original.categoryEn : row.original.categoryZh),
      },
      {
        id: 'county',
        accessorKey: 'countiesZh',
        header: () => t('projects.col.county'),
        cell: ({ row }) =>
          (en ? row.original.countiesEn : row.original.countiesZh) ?? (
            <span className="text-slate-500">{t('projects.locationNotReported')}</span>
          ),
      },
      {
        id: 'stage',
        accessorKey: 'stage',
        header: () => t('projects.col.stage'),
        cell: ({ row }) => <StageBadge stage={row.original.stage} label={t(`enums.stage.${row.original.stage}`)} />,
      },
      {
        id: 'pipelineStage',
        accessorKey: 'pipelineStage',
        enableSorting: false,
        header: () => t('projects.col.pipelineStage', { year }),
        cell: ({ row }) => (
          <PipelineStageBadge stage={row.original.pipelineStage} label={t(`enums.pipelineStage.${row.original.pipelineStage}`)} />
        ),
      },
      {
        id: 'status',
        accessorKey: 'status',
        header: () => t('projects.col.status'),
        cell: ({ row }) => {
          // The status pill and the light must not disagree without saying why (issue 13).
          const note = statusLightNote(t, row.original.status, facts(row.original), locale);
          return (
            <>
              <span className="flex flex-wrap gap-1">
                <StatusBadge status={row.original.status} label={t(`enums.status.${row.original.status}`)} />
                {row.original.overdueMilestones > 0 ? (
                  <OverdueBadge label={t('projects.overdueCount', { count: row.original.overdueMilestones })} />
                ) : null}
              </span>
              {note ? (
                <span className="mt-1 block max-w-64 text-xs text-amber-900" data-testid="status-light-note">
                  {note}
                </span>
              ) : null}
            </>
          );
        },
      },
      {
        id: 'light',
        accessorKey: 'light',
        enableSorting: false,
        header: () => t('projects.light.column'),
        cell: ({ row }) => {
          const f = facts(row.original);
          return <LightCell light={f.light} reason={lightReasonText(t, f, locale)} label={t(`lights.light.${f.light ?? 'none'}`)} />;
        },
      },
      {
        id: 'totalInvestment',
        accessorKey: 'totalInvestment',
        header: () => t('projects.col.totalInvestment'),
        cell: ({ row }) => formatWan(row.original.totalInvestment, locale),
        meta: { numeric: true },
      },
      {
        id: 'annualPlannedInvestment',
        accessorKey: 'annualPlannedInvestment',
        header: () => t('projects.col.annualPlannedInvestment'),
        cell: ({ row }) => formatWan(row.original.annualPlannedInvestment, locale),
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
    [t, en, locale, year],
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
    <section aria-busy={pending}>
      {/*
        One markup for both layouts: a table from the md breakpoint up, and on a phone every row
        is a card (PHONE says how each column shows there). The rows used to be rendered twice,
        as the table and as a list of cards, one of them hidden by CSS.
      */}
      <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white md:shadow-sm">
        <table className="text-sm max-md:block md:min-w-full md:divide-y md:divide-slate-200" data-testid="registry-table">
          <thead className="bg-slate-50 max-md:hidden">
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
          <tbody className="max-md:block max-md:space-y-2 md:divide-y md:divide-slate-100">
            {tableRows.map((row) => (
              <tr
                key={row.id}
                className="max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-1.5 max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-3 max-md:shadow-sm md:hover:bg-slate-50"
              >
                {row.getAllCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  const phone = PHONE[cell.column.id] ?? 'max-md:hidden';
                  return (
                    <td
                      key={cell.id}
                      className={`md:px-3 md:py-2.5 md:align-top ${numeric ? 'tabular-nums md:whitespace-nowrap md:text-right' : ''} ${cell.column.id === 'name' ? 'md:min-w-64' : ''} ${cell.column.id === 'unit' ? 'md:min-w-56' : ''} ${cell.column.id === 'plannedCompletionDate' ? 'whitespace-nowrap' : ''} ${phone}`}
                    >
                      {PHONE_LABELLED.has(cell.column.id) ? (
                        <span className="text-slate-500 md:hidden">{t(`projects.col.${cell.column.id}`)}</span>
                      ) : null}
                      <FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {tableRows.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500"
          data-testid="registry-empty"
        >
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
