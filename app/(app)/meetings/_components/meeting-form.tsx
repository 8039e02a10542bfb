'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import { createMeeting, updateMeeting } from '@/lib/meetings/actions';
import { TITLE_MAX } from '@/lib/meetings/limits';

export interface MeetingFormOptions {
  categories: { value: string; label: string }[];
  counties: { value: string; label: string }[];
  leaders: { id: number; name: string }[];
  users: { id: number; name: string; role: string; roleLabel: string }[];
  units: { id: number; name: string }[];
}

export interface MeetingFormValues {
  title: string;
  meetingDate: string;
  chairId: string;
  scopeCategoryCode: string;
  scopeCountyId: string;
  scopeLeaderId: string;
  participantIds: number[];
  unitIds: number[];
}

/**
 * Create or edit a dispatch meeting: title, date, chair, scope, participants and invited units.
 * The scope is locked once the status table is frozen; a county office's county is fixed.
 */
export function MeetingForm({
  options,
  initial,
  edit,
  scopeLocked,
  countyFixed,
}: {
  options: MeetingFormOptions;
  initial: MeetingFormValues;
  edit?: { id: number; version: number };
  scopeLocked?: boolean;
  countyFixed?: boolean;
}) {
  const t = useTranslations('meetings');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const checkLimits = useLimitCheck();
  const set = <K extends keyof MeetingFormValues>(k: K, v: MeetingFormValues[K]) => setValues((s) => ({ ...s, [k]: v }));
  const toggle = (k: 'participantIds' | 'unitIds', id: number) =>
    setValues((s) => ({ ...s, [k]: s[k].includes(id) ? s[k].filter((x) => x !== id) : [...s[k], id] }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const payload = { ...values };
      const res =
        checkLimits({ title: [values.title, TITLE_MAX] }) ??
        (edit ? await updateMeeting({ ...payload, id: edit.id, version: edit.version }) : await createMeeting(payload));
      if (res.ok) {
        router.push(`/meetings/${res.data.id}`);
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      setAlert(res.message);
    });
  }

  const select = (id: keyof MeetingFormValues, list: { value: string; label: string }[], disabled?: boolean, empty = t('form.choose')) => (
    <select
      {...controlProps(id, errors[id])}
      value={values[id] as string}
      onChange={(e) => set(id, e.target.value as never)}
      disabled={disabled}
      className={`${inputClass} disabled:bg-slate-100`}
    >
      <option value="">{empty}</option>
      {list.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  const leaderOptions = options.leaders.map((l) => ({ value: String(l.id), label: l.name }));

  return (
    <form
      onSubmit={submit}
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="meeting-form"
      noValidate
    >
      <FormAlert message={alert} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="title" label={t('form.title')} required errors={errors.title} className="sm:col-span-2">
          <input
            {...countedProps(controlProps('title', errors.title, false, true), values.title, TITLE_MAX)}
            type="text"
            value={values.title}
            placeholder={t('form.titlePlaceholder')}
            onChange={(e) => set('title', e.target.value)}
            className={inputClass}
          />
          <CharCount id="title" value={values.title} max={TITLE_MAX} />
        </Field>
        <Field id="meetingDate" label={t('form.date')} required errors={errors.meetingDate}>
          <input
            {...controlProps('meetingDate', errors.meetingDate, false, true)}
            type="date"
            value={values.meetingDate}
            onChange={(e) => set('meetingDate', e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field id="chairId" label={t('form.chair')} errors={errors.chairId}>
          {select('chairId', leaderOptions)}
        </Field>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('form.scopeHeading')}</legend>
        {scopeLocked ? <p className="text-xs text-slate-500">{t('form.scopeLocked')}</p> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="scopeCategoryCode" label={t('form.scopeCategory')} errors={errors.scopeCategoryCode}>
            {select('scopeCategoryCode', options.categories, scopeLocked, t('form.any'))}
          </Field>
          <Field
            id="scopeCountyId"
            label={t('form.scopeCounty')}
            errors={errors.scopeCountyId}
            hint={countyFixed ? t('form.countyFixed') : undefined}
          >
            {select('scopeCountyId', options.counties, scopeLocked || countyFixed, t('form.any'))}
          </Field>
          <Field id="scopeLeaderId" label={t('form.scopeLeader')} errors={errors.scopeLeaderId}>
            {select('scopeLeaderId', leaderOptions, scopeLocked, t('form.any'))}
          </Field>
        </div>
      </fieldset>

      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset aria-describedby={errors.participantIds?.length ? 'participantIds-error' : undefined}>
          <legend className="mb-1 text-sm font-semibold text-slate-900">{t('form.participants')}</legend>
          <div className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2" data-testid="participants">
            {options.users.map((u) => (
              <label key={u.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={values.participantIds.includes(u.id)} onChange={() => toggle('participantIds', u.id)} />
                <span>{u.name}</span>
                <span className="text-xs text-slate-500">{u.roleLabel}</span>
              </label>
            ))}
          </div>
          {errors.participantIds?.length ? (
            <p id="participantIds-error" className="mt-1 text-sm text-red-700">
              {errors.participantIds.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <fieldset aria-describedby={errors.unitIds?.length ? 'unitIds-error' : undefined}>
          <legend className="mb-1 text-sm font-semibold text-slate-900">{t('form.units')}</legend>
          <div className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2" data-testid="units">
            {options.units.map((u) => (
              <label key={u.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={values.unitIds.includes(u.id)} onChange={() => toggle('unitIds', u.id)} />
                <span>{u.name}</span>
              </label>
            ))}
          </div>
          {errors.unitIds?.length ? (
            <p id="unitIds-error" className="mt-1 text-sm text-red-700">
              {errors.unitIds.join(' ')}
            </p>
          ) : null}
        </fieldset>
      </div>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button type="button" className={secondaryButton} onClick={() => router.back()}>
          {t('form.cancel')}
        </button>
        <button type="submit" className={primaryButton} disabled={pending} data-testid="meeting-submit">
          {pending ? t('form.submitting') : t('form.submit')}
        </button>
      </div>
    </form>
  );
}
