'use client';

import { useFieldMessage } from '@/app/_components/form/form-controls';
import type { Option } from './project-values';

/**
 * The counties a project touches, as checkboxes (several may be chosen: S317 裕民—托里 touches
 * 裕民县 and 托里县). None chosen: the location is not reported (未填报).
 */
export function CountyChoices({
  label,
  hint,
  options,
  value,
  errors,
  onChange,
}: {
  label: string;
  hint: string;
  options: Option[];
  value: string[];
  errors?: string[];
  onChange: (next: string[]) => void;
}) {
  const message = useFieldMessage();
  const invalid = Boolean(errors?.length);
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset
      className="sm:col-span-2"
      data-field="countyIds"
      id="countyIds"
      aria-invalid={invalid || undefined}
      aria-describedby={['countyIds-hint', invalid ? 'countyIds-error' : null].filter(Boolean).join(' ')}
      tabIndex={-1}
    >
      <legend className="mb-1 block text-sm font-medium text-slate-700">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2" data-testid="county-choices">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800 sm:min-h-0">
            <input
              type="checkbox"
              name="countyIds"
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              className="h-4 w-4 rounded border-slate-300"
            />
            {o.label}
          </label>
        ))}
      </div>
      <p id="countyIds-hint" className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
      {invalid ? (
        <p id="countyIds-error" className="mt-1 text-sm text-red-700" data-testid="error-countyIds">
          {errors!.map(message).join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
