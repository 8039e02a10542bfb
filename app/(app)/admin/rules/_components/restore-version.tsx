'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { previewRuleSet, restoreRuleSet } from '@/lib/lights/actions';
import type { RulePreview } from '@/lib/lights/preview';
import type { RuleRow } from './rule-set-editor';
import { RulePreviewPanel } from './rule-preview';

/**
 * Restores an earlier version in one step: the button previews what its rules would change
 * against the active version, and the confirmation saves them as the next version.
 */
export function RestoreVersion({
  activeId,
  fromId,
  fromVersion,
  nextVersion,
  rules,
  label,
}: {
  activeId: number;
  fromId: number;
  fromVersion: number;
  nextVersion: number;
  rules: RuleRow[];
  label: string;
}) {
  const t = useTranslations('lights');
  const router = useRouter();
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const fail = (res: { code: string; message: string; fieldErrors?: Record<string, string[]> }) => {
    const details = Object.values(res.fieldErrors ?? {}).flat();
    setPreview(null);
    setMessage({ ok: false, text: details.length ? `${res.message} ${details.join(' ')}` : res.message });
    if (res.code === 'CONFLICT') router.refresh();
  };

  function onPreview() {
    setMessage(null);
    start(async () => {
      const res = await previewRuleSet({ ruleSetId: activeId, rules });
      if (res.ok) setPreview(res.data);
      else fail(res);
    });
  }

  function onConfirm() {
    start(async () => {
      const res = await restoreRuleSet({ ruleSetId: activeId, fromId });
      if (res.ok) {
        const data = res.data as { version: number; restoredFrom: number };
        setPreview(null);
        setMessage({ ok: true, text: t('rules.restored', { from: data.restoredFrom, version: data.version }) });
        router.refresh();
      } else fail(res);
    });
  }

  return (
    <div className="mt-1.5" data-testid={`restore-version-${fromVersion}`}>
      {preview ? null : (
        <button
          type="button"
          onClick={onPreview}
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {pending ? t('rules.previewing') : label}
        </button>
      )}
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={`mt-1 text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
          {message.text}
        </p>
      ) : null}
      {preview ? (
        <RulePreviewPanel
          preview={preview}
          title={t('rules.restoreTitle', { from: fromVersion })}
          confirmLabel={
            preview.period
              ? t('rules.restoreConfirm', { from: fromVersion, version: nextVersion, changed: preview.changed })
              : t('rules.restoreConfirmNoPeriod', { from: fromVersion, version: nextVersion })
          }
          pendingLabel={t('rules.restoring')}
          pending={pending}
          onConfirm={onConfirm}
          onCancel={() => setPreview(null)}
        />
      ) : null}
    </div>
  );
}
