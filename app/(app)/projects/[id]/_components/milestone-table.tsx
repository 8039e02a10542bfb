'use client';

import Link from 'next/link';
import { MilestoneStatusBadge, OverdueBadge } from '@/app/_components/badges';
import type { MilestoneStatus } from '@/db/schema/enums';

/** One milestone as the table shows it: every text already translated and formatted by the server. */
export interface MilestoneTableRow {
  id: number;
  name: string;
  kind: string;
  plannedDate: string | null;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  status: MilestoneStatus;
  statusLabel: string;
  /** The 逾期 label when the milestone is overdue. */
  overdueLabel: string | null;
  note: string | null;
  /** The edit link's accessible name ("更新节点：开工建设"); null when the user may not update. */
  updateLabel: string | null;
}

export interface MilestoneTableLabels {
  name: string;
  plannedDate: string;
  baselineDate: string;
  forecastDate: string;
  actualDate: string;
  status: string;
  note: string;
  actions: string;
  update: string;
}

const VALUE_COLUMNS = ['plannedDate', 'baselineDate', 'forecastDate', 'actualDate'] as const;
const TEST_IDS: Partial<Record<(typeof VALUE_COLUMNS)[number], string>> = {
  forecastDate: 'milestone-forecast',
  actualDate: 'milestone-actual',
};

/**
 * The props of a value cell: a table cell on a desktop; on a phone a line of the card with its
 * column's name in front, which CSS draws from data-label (globals.css, "the milestone table"),
 * so the label is not a second element in every cell. An empty value is a grey dash.
 */
function valueCell(label: string, value: string | null, extra = '') {
  return { 'data-label': label, className: `ms-cell${extra}${value ? '' : ' ms-empty'}`, children: value ?? '—' };
}

/**
 * The milestone table of the project page: on a desktop a normal table, on a phone every row is
 * a card and every cell carries its own label, so each milestone exists once in the page.
 *
 * A client component for the server's sake: the rows travel in the RSC payload as data (a dozen
 * strings each) and become markup once, in the HTML render, instead of being serialised as ~15
 * elements per row, parsed back and rendered (milestone-list.tsx prepares the rows).
 */
export function MilestoneTable({
  projectId,
  rows,
  labels,
  savedId = null,
}: {
  projectId: number;
  rows: MilestoneTableRow[];
  labels: MilestoneTableLabels;
  savedId?: number | null;
}) {
  const canUpdate = rows.some((r) => r.updateLabel !== null);
  return (
    <table className="block w-full text-sm md:table md:divide-y md:divide-slate-200" data-testid="milestones">
      <thead className="hidden bg-slate-50 md:table-header-group">
        <tr>
          {(['name', ...VALUE_COLUMNS, 'status', 'note'] as const).map((k) => (
            <th key={k} scope="col" className="whitespace-nowrap px-3 py-2.5 text-left font-medium text-slate-600">
              {labels[k]}
            </th>
          ))}
          {canUpdate ? (
            <th scope="col" className="px-3 py-2.5 text-right font-medium text-slate-600">
              <span className="sr-only">{labels.actions}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="block space-y-2 p-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100 md:p-0">
        {rows.map((m) => (
          <tr
            key={m.id}
            id={`milestone-${m.id}`}
            data-testid={`milestone-row-${m.id}`}
            data-saved={m.id === savedId ? 'true' : undefined}
            className={`ms-row scroll-mt-20${m.id === savedId ? ' bg-emerald-50 ring-2 ring-emerald-400 ring-inset' : ''}`}
          >
            <th scope="row" className="ms-name">
              {m.name}
              <span>{m.kind}</span>
            </th>
            {VALUE_COLUMNS.map((k) => (
              <td key={k} {...valueCell(labels[k], m[k])} data-testid={TEST_IDS[k]} />
            ))}
            <td className="ms-cell" data-label={labels.status}>
              <span className="ms-badges">
                <MilestoneStatusBadge status={m.status} label={m.statusLabel} />
                {m.overdueLabel ? <OverdueBadge label={m.overdueLabel} /> : null}
              </span>
            </td>
            <td {...valueCell(labels.note, m.note, ' ms-note')} data-testid="milestone-note" />
            {m.updateLabel !== null ? (
              <td className="ms-action">
                <Link
                  href={`/projects/${projectId}/milestones/${m.id}/edit`}
                  data-testid={`edit-milestone-${m.id}`}
                  aria-label={m.updateLabel}
                >
                  {labels.update}
                </Link>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
