/** The form kit's classes, importable by server and client components alike (no 'use client'). */
export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50/40 sm:text-sm';
export const primaryButton =
  'inline-flex justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60';
export const secondaryButton =
  'inline-flex justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:opacity-60';
