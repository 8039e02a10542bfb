'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { controlProps, Field, inputClass, primaryButton } from '@/app/_components/form/form-controls';
import { createCategory, createCounty, createUnit } from '@/lib/reference/actions';
import type { ReferenceKind, UnitKind } from '@/lib/reference/kinds';

/** Adds a unit (of the tab's kind), a category or a county. */
export function CreateEntryForm({ kind, unitKind }: { kind: ReferenceKind; unitKind: UnitKind }) {
  const t = useTranslations('reference');
  const router = useRouter();
  const [values, setValues] = useState({ code: '', nameZh: '', nameEn: '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [banner, setBanner] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const coded = kind !== 'unit';
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const input = { nameZh: values.nameZh, nameEn: values.nameEn };
      const res =
        kind === 'unit'
          ? await createUnit({ ...input, kind: unitKind })
          : await (kind === 'category' ? createCategory : createCounty)({ ...input, code: values.code });
      if (res.ok) {
        setErrors({});
        setBanner({ tone: 'success', text: t('create.done', { name: values.nameZh.trim() }) });
        setValues({ code: '', nameZh: '', nameEn: '' });
        router.refresh();
      } else {
        setErrors(res.fieldErrors ?? {});
        setBanner({ tone: 'error', text: res.message });
      }
    });
  };

  return (
    <form onSubmit={submit} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="create-entry" noValidate>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{t('create.title')}</h2>
      <div className={`grid gap-3 ${coded ? 'sm:grid-cols-[10rem_1fr_1fr_auto]' : 'sm:grid-cols-[1fr_1fr_auto]'} sm:items-start`}>
        {coded ? (
          <Field id="code" label={t('field.code')} required errors={errors.code}>
            <input {...controlProps('code', errors.code, false, true)} value={values.code} onChange={set('code')} className={inputClass} />
          </Field>
        ) : null}
        <Field id="nameZh" label={t('field.nameZh')} required errors={errors.nameZh}>
          <input
            {...controlProps('nameZh', errors.nameZh, false, true)}
            value={values.nameZh}
            onChange={set('nameZh')}
            className={inputClass}
          />
        </Field>
        <Field id="nameEn" label={t('field.nameEn')} errors={errors.nameEn}>
          <input {...controlProps('nameEn', errors.nameEn)} value={values.nameEn} onChange={set('nameEn')} className={inputClass} />
        </Field>
        <button type="submit" disabled={pending} className={`${primaryButton} sm:mt-6`} data-testid="create-submit">
          {t('create.submit')}
        </button>
      </div>
      {coded ? <p className="mt-2 text-xs text-slate-500">{t('field.codeHint')}</p> : null}
      {banner ? (
        <p
          role={banner.tone === 'error' ? 'alert' : 'status'}
          data-testid="create-message"
          className={`mt-3 rounded-md px-3 py-2 text-sm ${banner.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}
        >
          {banner.text}
        </p>
      ) : null}
    </form>
  );
}
