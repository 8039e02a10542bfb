'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import type { Light } from '@/db/schema/enums';
import { toLocale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import type { RulePreview } from '@/lib/lights/preview';
import { renderReason } from '@/lib/lights/reasons';

const CHIP: Record<Light, string> = {
  red: 'border-red-200 bg-red-50 text-red-800',
  yellow: 'border-amber-200 bg-amber-50 text-amber-800',
  green: 'border-emerald-200 bg-emerald-50 text-emerald-800',
};

function Chip({ light, label }: { light: Light; label: string }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${CHIP[light]}`}
      data-light={light}
    >
      {label}
    </span>
  );
}

/**
 * What saving (or restoring) would change, and the confirmation: the lights of the latest period
 * with approved reports now and after, the projects that change with the reason, and the button
 * that saves. Shown before anything is written.
 */
export function RulePreviewPanel({
  preview,
  title,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  preview: RulePreview;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('lights');
  const root = useTranslations() as unknown as Translate;
  const locale = toLocale(useLocale());
  const light = (l: Light) => t(`light.${l}`);
  const { period, before, after } = preview;
  const titleId = useId();

  return (
    <section
      role="region"
      aria-labelledby={titleId}
      className="mt-3 rounded-md border border-amber-300 bg-amber-50/60 p-3"
      data-testid="rule-preview"
    >
      <h3 id={titleId} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {period ? (
        <>
          <p className="mt-1 text-sm text-slate-800" data-testid="rule-preview-summary">
            {t('rules.previewSummary', { start: period.startDate, end: period.endDate, total: preview.total, changed: preview.changed })}
          </p>
          <p className="mt-0.5 text-xs text-slate-600">
            {t('rules.previewCounts', {
              beforeRed: before.red,
              afterRed: after.red,
              beforeYellow: before.yellow,
              afterYellow: after.yellow,
              beforeGreen: before.green,
              afterGreen: after.green,
            })}
          </p>
          {preview.changes.length ? (
            <ul className="mt-2 divide-y divide-amber-200 rounded border border-amber-200 bg-white" aria-label={t('rules.previewCaption')}>
              {preview.changes.map((c) => (
                <li key={c.projectId} className="px-2.5 py-2 text-sm" data-testid="rule-preview-change">
                  <p className="break-words font-medium text-slate-900">
                    <span className="text-slate-500">{c.code}</span> {c.name}
                  </p>
                  <p className="mt-1 flex flex-wrap items-center gap-1.5">
                    <span className="sr-only">{t('rules.colFrom')}</span>
                    <Chip light={c.from} label={light(c.from)} />
                    <span aria-hidden>→</span>
                    <span className="sr-only">{t('rules.colTo')}</span>
                    <Chip light={c.to} label={light(c.to)} />
                  </p>
                  <p className="mt-1 break-words text-xs text-slate-600">
                    <span className="sr-only">{t('rules.colReason')}: </span>
                    {c.reasons.length ? c.reasons.map((r) => renderReason(root, r, locale)).join('；') : t('rules.noRuleFires')}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-700">{t('rules.previewNone')}</p>
          )}
          {preview.changed > preview.changes.length ? (
            <p className="mt-1 text-xs text-slate-600">{t('rules.previewMore', { count: preview.changed - preview.changes.length })}</p>
          ) : null}
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-800" data-testid="rule-preview-summary">
          {t('rules.previewNoPeriod')}
        </p>
      )}
      <p className="mt-2 text-xs text-slate-600">{t('rules.confirmNote')}</p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <button
          type="button"
          onClick={onConfirm}
          disabled={pending}
          data-testid="confirm-rules"
          className="rounded-md bg-brand-600 px-3.5 py-1.5 text-left text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 sm:text-center"
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button
          type="button"
          onClick={onCancel}
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {t('rules.cancel')}
        </button>
      </div>
    </section>
  );
}
