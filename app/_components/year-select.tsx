'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { inputClass } from '@/app/_components/form/form-controls';

/** Chooses the year of a plan page: navigates to the year's URL (hrefs[i] for years[i]). */
export function YearSelect({
  id,
  label,
  years,
  hrefs,
  labels,
  current,
}: {
  id: string;
  label: string;
  years: number[];
  hrefs: string[];
  labels: string[];
  current: number;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-2" data-testid="year-select">
      <label htmlFor={id} className="whitespace-nowrap text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={current}
        aria-busy={pending}
        onChange={(e) => {
          const i = years.indexOf(Number(e.target.value));
          if (i >= 0) start(() => router.push(hrefs[i]!));
        }}
        className={`${inputClass} w-auto min-w-28 py-1.5`}
      >
        {years.map((y, i) => (
          <option key={y} value={y}>
            {labels[i]}
          </option>
        ))}
      </select>
    </div>
  );
}
