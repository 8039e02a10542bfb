'use client';

import { type ColumnDef, FlexRender, tableFeatures, useTable } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { EntryRow } from '@/lib/reference/admin-queries';
import { MERGEABLE, type ReferenceKind, type Usage, usageTotal } from '@/lib/reference/kinds';
import { EntryDialog, type Mode } from './entry-dialog';

const features = tableFeatures({});
type Col = ColumnDef<typeof features, EntryRow>;

const badge = (active: boolean) =>
  `inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${active ? 'bg-emerald-50 text-emerald-700' : 'bg-slate-100 text-slate-600'}`;
const linkBtn = 'rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50';

/** The entries of one kind: a table from tablet width up, one card per entry on a phone. */
export function EntryTable({ kind, rows }: { kind: ReferenceKind; rows: EntryRow[] }) {
  const t = useTranslations('reference');
  const [open, setOpen] = useState<{ mode: Mode; row: EntryRow } | null>(null);
  const usage = (u: Usage) => (usageTotal(u) === 0 ? t('unused') : t('usage', { ...u }));
  const actions = (r: EntryRow) => (
    <div className="flex flex-wrap justify-end gap-1 whitespace-nowrap md:flex-nowrap">
      <button type="button" className={linkBtn} data-testid="rename" onClick={() => setOpen({ mode: 'rename', row: r })}>
        {t('rename.action')}
      </button>
      <button
        type="button"
        className={linkBtn}
        data-testid={r.active ? 'retire' : 'reactivate'}
        onClick={() => setOpen({ mode: 'active', row: r })}
      >
        {r.active ? t('retire.action') : t('reactivate.action')}
      </button>
      {MERGEABLE[kind] && r.active ? (
        <button type="button" className={linkBtn} data-testid="merge" onClick={() => setOpen({ mode: 'merge', row: r })}>
          {t('merge.action')}
        </button>
      ) : null}
      <button
        type="button"
        className={`${linkBtn} text-red-700 hover:bg-red-50`}
        data-testid="delete"
        onClick={() => setOpen({ mode: 'delete', row: r })}
      >
        {t('delete.action')}
      </button>
    </div>
  );

  const columns = useMemo<Col[]>(
    () => [
      ...(kind === 'unit'
        ? []
        : [
            {
              id: 'code',
              accessorKey: 'code',
              header: () => t('col.code'),
              cell: ({ row }) => <span className="font-mono text-xs">{row.original.code}</span>,
            } as Col,
          ]),
      {
        id: 'name',
        accessorKey: 'nameZh',
        header: () => t('col.name'),
        cell: ({ row }) => <span className="font-medium">{row.original.nameZh}</span>,
      },
      {
        id: 'nameEn',
        accessorKey: 'nameEn',
        header: () => t('col.nameEn'),
        cell: ({ row }) => <span className="text-slate-600">{row.original.nameEn}</span>,
      },
      { id: 'usage', accessorFn: (r) => usageTotal(r.usage), header: () => t('col.usage'), cell: ({ row }) => usage(row.original.usage) },
      {
        id: 'status',
        accessorKey: 'active',
        header: () => t('col.status'),
        cell: ({ row }) => <span className={badge(row.original.active)}>{row.original.active ? t('active') : t('retired')}</span>,
      },
      { id: 'actions', header: () => <span className="sr-only">{t('col.actions')}</span>, cell: ({ row }) => actions(row.original) },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change with the kind and the language only
    [kind, t],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (r) => String(r.id) });
  const tableRows = table.getRowModel().rows;

  return (
    <section>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="entries-table">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => (
                  <th key={h.id} scope="col" className="whitespace-nowrap px-3 py-2.5 text-left font-medium text-slate-600">
                    <FlexRender header={h} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tableRows.map((row) => (
              <tr key={row.id} data-testid={`entry-row-${row.original.nameZh}`} className={row.original.active ? '' : 'text-slate-500'}>
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2 align-middle ${cell.column.id === 'name' ? 'min-w-48' : cell.column.id === 'usage' ? 'min-w-44' : ''}`}
                  >
                    <FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 md:hidden" data-testid="entries-cards">
        {tableRows.map(({ original: r }) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={`entry-card-${r.nameZh}`}>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{r.nameZh}</p>
                <p className="text-xs text-slate-500">
                  {r.code ? <span className="mr-2 font-mono">{r.code}</span> : null}
                  {r.nameEn}
                </p>
              </div>
              <span className={badge(r.active)}>{r.active ? t('active') : t('retired')}</span>
            </div>
            <p className="mt-1 text-xs text-slate-600">{usage(r.usage)}</p>
            <div className="mt-2 border-t border-slate-100 pt-1">{actions(r)}</div>
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">{t('empty')}</p>
      ) : null}
      {open ? (
        <EntryDialog
          kind={kind}
          mode={open.mode}
          row={open.row}
          survivors={rows.filter((r) => r.active && r.id !== open.row.id)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
