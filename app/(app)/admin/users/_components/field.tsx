import type { ReactNode } from 'react';

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm ' +
  'focus:border-brand-600 disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50/40';

export interface FieldA11y {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field with its hint and its errors from the action result. The control gets
 * aria-invalid and aria-describedby (errors first, then the hint) through the render prop.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  // One message per distinct problem (several zod checks can give the same message).
  const messages = [...new Set(errors ?? [])];
  const hasErrors = messages.length > 0;
  const describedBy = [hasErrors ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        ) : null}
      </label>
      {children({ id, 'aria-invalid': hasErrors || undefined, 'aria-describedby': describedBy })}
      {hasErrors ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`${id}-error`}>
          {messages.join(' ')}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A message box above or below a form: errors, conflicts, success. */
export function Notice({ tone, children, testId }: { tone: 'error' | 'success' | 'warning'; children: ReactNode; testId?: string }) {
  const style =
    tone === 'error'
      ? 'border-red-200 bg-red-50 text-red-800'
      : tone === 'warning'
        ? 'border-amber-300 bg-amber-50 text-amber-900'
        : 'border-emerald-200 bg-emerald-50 text-emerald-800';
  return (
    <div role={tone === 'success' ? 'status' : 'alert'} className={`rounded-md border px-3 py-2 text-sm ${style}`} data-testid={testId}>
      {children}
    </div>
  );
}
