'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

export type Opt = { value: string; label: string };

/** A dropdown of checkboxes; the selection is shown at once and the URL follows. */
export function MultiFilter({
  id,
  label,
  options,
  selected,
  onChange,
}: {
  id: string;
  label: string;
  options: Opt[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const t = useTranslations('common.table');
  const ref = useRef<HTMLDetailsElement>(null);
  // Show the click at once; the URL (and so the server's answer) follows.
  const [optimistic, setOptimistic] = useState(selected);
  // A new selection from the URL replaces it (while rendering: React's pattern for state that
  // follows a prop; compared by value, since the array is new on every render).
  const selectedKey = selected.join(',');
  const [shownKey, setShownKey] = useState(selectedKey);
  if (shownKey !== selectedKey) {
    setShownKey(selectedKey);
    setOptimistic(selected);
  }
  const change = (values: string[]) => {
    setOptimistic(values);
    onChange(values);
  };
  // Close the dropdown when clicking elsewhere.
  useEffect(() => {
    const onDoc = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', onDoc);
    return () => document.removeEventListener('click', onDoc);
  }, []);
  // The options are rendered only while the dropdown is open: a closed one is the button alone.
  // (The registry's six filters held ~20 KB of hidden checkboxes in every page's HTML and RSC
  // payload.) A dropdown opened before hydration is picked up on mount.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  const active = optimistic.length > 0;
  return (
    <details ref={ref} className="relative" data-testid={`filter-${id}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary
        className={`flex cursor-pointer list-none items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm [&::-webkit-details-marker]:hidden ${
          active ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
        }`}
      >
        {label}
        {active ? <span className="rounded bg-brand-600 px-1.5 text-xs text-white">{optimistic.length}</span> : null}
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </summary>
      {open ? (
        <div className="absolute left-0 z-20 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {options.map((o) => {
            const checked = optimistic.includes(o.value);
            return (
              <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => change(checked ? optimistic.filter((v) => v !== o.value) : [...optimistic, o.value])}
                  className="h-4 w-4 accent-brand-600"
                />
                <span>{o.label}</span>
              </label>
            );
          })}
          {active ? (
            <button
              type="button"
              onClick={() => change([])}
              className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-brand-700 hover:bg-slate-50"
            >
              {t('clearFilters')}
            </button>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
