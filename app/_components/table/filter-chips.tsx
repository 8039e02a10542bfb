'use client';

/**
 * Active filters that have no control of their own on the page (they come from a dashboard
 * drill-down link), each shown as a chip with a remove button, so the user sees why the list is
 * filtered and can undo it.
 */
export function FilterChips({
  label,
  chips,
  removeLabel,
  onRemove,
  testId,
}: {
  label: string;
  chips: { key: string; text: string }[];
  removeLabel: (text: string) => string;
  onRemove: (key: string) => void;
  testId?: string;
}) {
  if (chips.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap items-center gap-2" data-testid={testId}>
      {chips.map((c) => (
        <li
          key={c.key}
          data-chip={c.key}
          className="flex items-center gap-1 rounded-full border border-brand-600 bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-brand-800"
        >
          <span>{c.text}</span>
          <button
            type="button"
            onClick={() => onRemove(c.key)}
            aria-label={removeLabel(c.text)}
            title={removeLabel(c.text)}
            className="flex h-6 w-6 items-center justify-center rounded-full text-brand-700 hover:bg-brand-100"
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
