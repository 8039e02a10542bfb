import type { ReactNode } from 'react';

export type SortState = false | 'asc' | 'desc';

/** The value of a header cell's aria-sort for a column's sort state. */
export function ariaSort(sorted: SortState): 'ascending' | 'descending' | undefined {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
}

/** A sortable column header: the label and an arrow showing the direction. */
export function SortButton({ sorted, onToggle, children }: { sorted: SortState; onToggle?: (e: unknown) => void; children: ReactNode }) {
  return (
    <button type="button" onClick={onToggle} className="inline-flex items-center gap-1 hover:text-slate-900">
      {children}
      <span aria-hidden className={sorted ? 'text-brand-600' : 'text-slate-300'}>
        {sorted === 'desc' ? '↓' : sorted === 'asc' ? '↑' : '↕'}
      </span>
    </button>
  );
}
