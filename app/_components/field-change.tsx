import type { ReactNode } from 'react';

/**
 * One changed field in a history entry: "label  from → to", with a sentence for screen
 * readers (the visual arrow is hidden from them). Used by every history list.
 */
export function FieldChange({
  field,
  label,
  from,
  to,
  srText,
}: {
  field: string;
  label: string;
  from: ReactNode;
  to: ReactNode;
  srText: string;
}) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 text-slate-700" data-field={field}>
      <span className="text-slate-500">{label}</span>
      <span className="sr-only">{srText}</span>
      <span aria-hidden className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
        <del className="break-words text-slate-500 decoration-slate-400">{from}</del>
        <span className="text-slate-400">→</span>
        <ins className="break-words font-medium text-slate-900 no-underline">{to}</ins>
      </span>
    </li>
  );
}
