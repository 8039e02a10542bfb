'use client';

import { useTranslations } from 'next-intl';

/** Print button, back link and the "save as PDF" hint; not printed. */
export function PrintToolbar({ backHref, downloads }: { backHref: string; downloads?: { href: string; label: string }[] }) {
  const t = useTranslations('exports.print');
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm print:hidden"
      data-testid="print-toolbar"
    >
      <button
        type="button"
        onClick={() => window.print()}
        className="rounded-md bg-brand-600 px-3.5 py-1.5 font-medium text-white shadow-sm hover:bg-brand-700"
        data-testid="print-button"
      >
        {t('print')}
      </button>
      <a href={backHref} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-100">
        {t('back')}
      </a>
      {downloads?.map((d) => (
        <a
          key={d.href}
          href={d.href}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-100"
        >
          {d.label}
        </a>
      ))}
      <span className="text-slate-500">{t('hint')}</span>
    </div>
  );
}
