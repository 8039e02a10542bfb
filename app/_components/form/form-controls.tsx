'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

// The classes live in a plain module: a server component that imported them from this client
// module got a client reference (a function), not the string.
export { inputClass, primaryButton, secondaryButton } from './classes';

/** Field errors may be translated messages or catalogue keys ("validation.codeTaken"). */
export function useFieldMessage(): (message: string) => string {
  const t = useTranslations();
  return (message) => (/^[a-z]+\.[A-Za-z.]+$/.test(message) && t.has(message) ? t(message) : message);
}

/** The ARIA wiring for a control: invalid state and the ids of its hint and error. */
export function controlProps(id: string, errors: string[] | undefined, hint?: boolean, required?: boolean) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    id,
    name: id,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** A labelled form field with an optional hint and its errors below the control. */
export function Field({
  id,
  label,
  required,
  hint,
  errors,
  className = '',
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: ReactNode;
}) {
  const message = useFieldMessage();
  return (
    <div className={className} data-field={id}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${id}`}>
          {errors.map(message).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message (an error that belongs to no one field). */
export function FormAlert({ message, id = 'form-alert' }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p
      id={id}
      role="alert"
      tabIndex={-1}
      className="scroll-mt-20 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      data-testid="form-error"
    >
      {message}
    </p>
  );
}
