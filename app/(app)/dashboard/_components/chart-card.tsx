'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type ReactNode, useId, useState } from 'react';
import type { ChartTable, ChartTheme } from './chart-types';

/**
 * A dashboard panel: title, the chart, and the same numbers as a table. The table is in the
 * page (visually hidden, for screen readers) unless it is built on demand; "Table" shows it on
 * screen instead of the chart, with working drill-down links (phones, keyboard users, copying
 * numbers).
 */
export function ChartCard({
  title,
  subtitle,
  tables,
  theme = 'light',
  className = '',
  testId,
  aside,
  plain = false,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  /**
   * The chart's numbers as tables. A function builds them only when "Table" is pressed (the
   * timeline: hundreds of rows that would otherwise weigh down every page load).
   */
  tables: ChartTable[] | (() => ChartTable[]);
  theme?: ChartTheme;
  className?: string;
  testId?: string;
  /** Shown between the title and the chart (e.g. a summary line). */
  aside?: ReactNode;
  /** Inside a panel that has its own frame and heading: no border, the title for screen readers only. */
  plain?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('dashboard.chart');
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const dark = theme === 'dark';
  const toggle = dark ? null : (
    <button
      type="button"
      onClick={() => setShowTable((v) => !v)}
      aria-pressed={showTable}
      className="shrink-0 rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-600 hover:bg-slate-50"
    >
      {showTable ? t('showChart') : t('showTable')}
    </button>
  );
  const frame = plain
    ? ''
    : `rounded-lg border p-3 sm:p-4 ${dark ? 'border-white/10 bg-white/[0.03]' : 'border-slate-200 bg-white shadow-sm'}`;
  return (
    <section
      aria-labelledby={plain ? undefined : titleId}
      aria-label={plain ? title : undefined}
      data-testid={testId}
      className={`flex min-w-0 flex-col ${frame} ${className}`}
    >
      {plain ? (
        <div className="mb-2 flex items-start justify-between gap-3">
          <div className="min-w-0 flex-1">{aside}</div>
          {toggle}
        </div>
      ) : (
        <>
          <div className="mb-2 flex items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 id={titleId} className={`font-semibold ${dark ? 'text-xl text-slate-100' : 'text-base text-slate-900'}`}>
                {title}
              </h2>
              {subtitle ? <p className={`mt-0.5 ${dark ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>{subtitle}</p> : null}
            </div>
            {toggle}
          </div>
          {aside}
        </>
      )}
      <div className={showTable ? 'hidden' : 'min-w-0 flex-1'}>{children}</div>
      {typeof tables === 'function' ? (
        showTable ? (
          <div className="space-y-4 overflow-x-auto">
            {tables().map((table) => (
              <DataTable key={table.caption} table={table} focusable />
            ))}
          </div>
        ) : null
      ) : (
        <div className={showTable ? 'space-y-4 overflow-x-auto' : 'sr-only'}>
          {tables.map((table) => (
            <DataTable key={table.caption} table={table} focusable={showTable} />
          ))}
        </div>
      )}
    </section>
  );
}

function DataTable({ table, focusable }: { table: ChartTable; focusable: boolean }) {
  return (
    <table className="min-w-full text-sm">
      <caption className="pb-1 text-left text-xs font-medium text-slate-500">{table.caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
          {table.head.map((h, i) => (
            <th key={h} scope="col" className={`px-2 py-1.5 font-medium ${i > 0 ? 'text-right' : ''}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {table.rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="px-2 py-1.5 text-left font-normal">
                  {row.href ? (
                    // Hidden tables keep their links for screen readers but out of the tab order.
                    <Link href={row.href} prefetch={false} tabIndex={focusable ? undefined : -1} className="text-brand-700 hover:underline">
                      {c}
                    </Link>
                  ) : (
                    c
                  )}
                </th>
              ) : (
                <td key={i} className="px-2 py-1.5 text-right tabular-nums">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
