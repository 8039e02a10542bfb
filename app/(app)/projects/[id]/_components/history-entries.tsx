'use client';

import { FieldChange } from '@/app/_components/field-change';

/** One audit event as the history list shows it: every text already translated and formatted by the server. */
export interface HistoryEntryView {
  id: number;
  actorName: string;
  action: string;
  /** "节点：开工建设" for an event about a milestone. */
  subject: string | null;
  /** ISO timestamp and its formatted form. */
  at: string;
  atLabel: string;
  /** A created record lists its values (from null); a change lists from → to with a sentence for screen readers. */
  changes: { field: string; label: string; from: string | null; to: string; srText: string }[];
}

/**
 * The entries of the project's history, newest first. A client component for the server's sake,
 * like the milestone table: the entries travel in the RSC payload as data and become markup
 * once, in the HTML render (history-list.tsx prepares them).
 */
export function HistoryEntries({ entries }: { entries: HistoryEntryView[] }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="history-list">
      {entries.map((e) => (
        <li key={e.id} className="px-4 py-3" data-testid="history-entry">
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
            <span className="font-medium text-slate-900">{e.actorName}</span>
            <span className="text-slate-700">{e.action}</span>
            {e.subject ? <span className="text-slate-700">· {e.subject}</span> : null}
            <time dateTime={e.at} className="ml-auto whitespace-nowrap text-xs text-slate-500">
              {e.atLabel}
            </time>
          </div>
          {e.changes.length ? (
            <ul className="mt-1.5 space-y-1 text-sm">
              {e.changes.map((c) =>
                c.from === null ? (
                  <li key={c.field} className="flex flex-wrap gap-x-2 text-slate-700">
                    <span className="text-slate-500">{c.label}</span>
                    <span className="break-words">{c.to}</span>
                  </li>
                ) : (
                  <FieldChange key={c.field} field={c.field} label={c.label} from={c.from} to={c.to} srText={c.srText} />
                ),
              )}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
