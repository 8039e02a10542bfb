'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { LIGHTS, type Light } from '@/db/schema/enums';
import type { FieldErrors } from '@/lib/errors';
import { clearOverride, overrideLight } from '@/lib/lights/actions';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500';

/** Sets or clears the project's light override (the server checks who may). */
export function LightOverrideForm({
  projectId,
  today,
  active,
}: {
  projectId: number;
  today: string;
  active: { id: number; version: number } | null;
}) {
  const t = useTranslations('lights');
  const router = useRouter();
  const [light, setLight] = useState<Light>('yellow');
  const [reason, setReason] = useState('');
  const [endsOn, setEndsOn] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await overrideLight({ projectId, light, reason, endsOn });
      if (res.ok) {
        setErrors({});
        setReason('');
        setMessage({ ok: true, text: t('overrideForm.success') });
        router.refresh();
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage({ ok: false, text: res.message });
      }
    });
  }

  function onClear() {
    if (!active) return;
    start(async () => {
      const res = await clearOverride({ overrideId: active.id, version: active.version });
      setMessage(res.ok ? { ok: true, text: t('overrideForm.cleared') } : { ok: false, text: res.message });
      if (res.ok) router.refresh();
    });
  }

  const err = (k: string) =>
    errors[k]?.length ? (
      <p id={`override-${k}-error`} className="mt-1 text-xs text-red-700">
        {errors[k]!.join(' ')}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-2 border-t border-slate-100 pt-3" data-testid="light-override-form" noValidate>
      <p className="text-sm font-medium text-slate-800">{t('overrideForm.title')}</p>
      <fieldset className="flex gap-3">
        <legend className="sr-only">{t('overrideForm.light')}</legend>
        {LIGHTS.map((l) => (
          <label key={l} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input type="radio" name="light" value={l} checked={light === l} onChange={() => setLight(l)} />
            {t(`light.${l}`)}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm text-slate-700">
        {t('overrideForm.reason')}
        <textarea
          className={input}
          rows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={Boolean(errors.reason?.length)}
          aria-describedby={errors.reason?.length ? 'override-reason-error' : undefined}
          data-testid="override-reason"
        />
        {err('reason')}
      </label>
      <label className="block text-sm text-slate-700">
        {t('overrideForm.endsOn')}
        <input
          type="date"
          className={input}
          min={today}
          required
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          aria-invalid={Boolean(errors.endsOn?.length)}
          aria-describedby={errors.endsOn?.length ? 'override-endsOn-error' : undefined}
        />
        {err('endsOn')}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? t('overrideForm.submitting') : t('overrideForm.submit')}
        </button>
        {active ? (
          <button
            type="button"
            onClick={onClear}
            disabled={pending}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
          >
            {pending ? t('overrideForm.clearing') : t('overrideForm.clear')}
          </button>
        ) : null}
        {message ? (
          <span role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
