'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useRef, useState, useTransition } from 'react';
import { PROJECT_STATUSES, STAGES } from '@/db/schema/enums';
import type { FieldErrors } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { formatWan, isMoney } from '@/lib/money';
import { createProject, updateProject } from '@/lib/projects/actions';
import { PROJECT_FIELDS, type ProjectField } from '@/lib/projects/fields';
import { CharCount } from '@/app/_components/form/char-count';
import { PROJECT_TEXT_MAX } from './text-limits';
import { CountyChoices } from './county-choices';
import { type ConflictRow, ConflictPanel } from '@/app/_components/form/conflict-panel';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import { NATIONAL_CODE_PATTERN } from '@/lib/projects/national-code';
import {
  CAPACITY_UNITS,
  type Option,
  type ProjectFormOptions,
  type ProjectFormValues,
  projectFormValues,
  SELECT_OPTIONS,
} from './project-values';

interface Props {
  mode: 'create' | 'edit';
  id?: number;
  initialVersion?: number;
  initial: ProjectFormValues;
  options: ProjectFormOptions;
}

const REQUIRED = new Set<ProjectField>(['code', 'name', 'categoryCode', 'stage', 'status']);

/** The one registry form, for creating and editing a project (dispatch office, administrators). */
export function ProjectForm({ mode, id, initialVersion = 1, initial, options }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const locale = toLocale(useLocale());
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const topRef = useRef<HTMLDivElement>(null);
  const cancelHref = mode === 'edit' && id ? `/projects/${id}` : '/projects';
  const label = (key: ProjectField) => t(`project.field.${key}`);
  const set = (key: ProjectField) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const res = mode === 'edit' && id ? await updateProject({ id, version, ...values }) : await createProject(values);
      if (res.ok) {
        router.push(`/projects/${res.data.id}`);
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      if (res.code === 'CONFLICT' && res.current) {
        setConflict(res.current);
        setAlert(null);
      } else {
        setConflict(null);
        setAlert(res.fieldErrors ? t('project.form.errorSummary') : res.message);
      }
      requestAnimationFrame(() => {
        const target =
          topRef.current?.querySelector<HTMLElement>('[role=alert]') ?? document.querySelector<HTMLElement>('[aria-invalid=true]');
        target?.focus();
      });
    });
  }

  function reload() {
    if (!conflict) return;
    setValues(projectFormValues(conflict));
    setVersion(Number(conflict.version));
    setConflict(null);
    setErrors({});
    setAlert(null);
  }

  const display = (key: ProjectField, v: ProjectFormValues): string => {
    const raw = v[key];
    if (key === 'countyId' && !raw) return t('project.prefectureWide');
    if (!raw) return t('project.empty');
    if (key === 'stage') return t(`enums.stage.${raw}`);
    if (key === 'status') return t(`enums.status.${raw}`);
    const list = SELECT_OPTIONS[key];
    if (list) return options[list].find((o) => o.value === raw)?.label ?? raw;
    if ((key === 'startDate' || key === 'plannedCompletionDate') && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatDate(raw, locale);
    // An amount as every table shows it (lib/money); what does not parse yet, as it was typed.
    if (key === 'totalInvestment' || key === 'annualPlannedInvestment') return isMoney(raw) ? formatWan(raw, locale) : raw;
    return raw;
  };
  const countyNames = (v: ProjectFormValues): string =>
    v.countyIds.length
      ? v.countyIds.map((c) => options.counties.find((o) => o.value === c)?.label ?? c).join(locale === 'en' ? ', ' : '、')
      : t('project.locationNotReported');
  const conflictRows: ConflictRow[] = conflict
    ? [
        ...PROJECT_FIELDS.map((key) => ({
          key,
          label: label(key),
          yours: display(key, values),
          current: display(key, projectFormValues(conflict)),
        })),
        {
          key: 'countyIds',
          label: t('project.field.countyIds'),
          yours: countyNames(values),
          current: countyNames(projectFormValues(conflict)),
        },
      ]
    : [];
  // The responsible level: 地区级 (prefecture users) or one of the counties chosen (and the value held, so that an error shows).
  const responsibleOptions = options.counties.filter((o) => values.countyIds.includes(o.value) || o.value === values.countyId);

  const text = (
    key: ProjectField,
    extra: { hint?: ReactNode; className?: string; inputMode?: 'decimal' | 'numeric'; type?: string } = {},
  ) => (
    <Field id={key} label={label(key)} required={REQUIRED.has(key)} hint={extra.hint} errors={errors[key]} className={extra.className}>
      <input
        type={extra.type ?? 'text'}
        inputMode={extra.inputMode}
        {...controlProps(key, errors[key], !!extra.hint, REQUIRED.has(key))}
        value={values[key]}
        onChange={set(key)}
        list={key === 'capacityUnit' ? 'capacity-units' : undefined}
        className={inputClass}
      />
      {PROJECT_TEXT_MAX[key] ? <CharCount id={key} value={values[key]} max={PROJECT_TEXT_MAX[key]} /> : null}
    </Field>
  );
  const select = (key: ProjectField, opts: Option[], empty: string | null, className?: string, hint?: string) => (
    <Field id={key} label={label(key)} required={REQUIRED.has(key)} hint={hint} errors={errors[key]} className={className}>
      <select {...controlProps(key, errors[key], !!hint, REQUIRED.has(key))} value={values[key]} onChange={set(key)} className={inputClass}>
        {empty !== null || !values[key] ? <option value="">{empty ?? t('project.form.choose')}</option> : null}
        {opts.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const none = t('project.form.none');
  const section = (title: string, children: ReactNode) => (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="project-form" aria-busy={pending}>
      <div ref={topRef} className="space-y-3">
        {conflict ? (
          <ConflictPanel
            rows={conflictRows}
            changedBy={typeof conflict.changedBy === 'string' ? conflict.changedBy : null}
            changedAt={(conflict.changedAt as Date | string | null) ?? null}
            onReload={reload}
            onCancel={() => router.push(cancelHref)}
            onlyDifferences
          />
        ) : null}
        <FormAlert message={alert} />
      </div>

      {section(
        t('project.form.basics'),
        <>
          {text('name', { className: 'sm:col-span-2' })}
          {text('nameEn', { className: 'sm:col-span-2' })}
          {text('code')}
          {text('nationalCode', { hint: NATIONAL_CODE_PATTERN })}
          {select('categoryCode', options.categories, null)}
          <CountyChoices
            label={t('project.field.countyIds')}
            hint={t('project.form.countyIdsHint')}
            options={options.counties}
            value={values.countyIds}
            errors={errors.countyIds}
            onChange={(countyIds) => setValues((v) => ({ ...v, countyIds }))}
          />
          {select(
            'countyId',
            responsibleOptions,
            options.allowPrefecture ? t('project.form.prefectureOption') : null,
            undefined,
            t('project.form.countyIdHint'),
          )}
          {text('location', { className: 'sm:col-span-2' })}
        </>,
      )}

      {section(
        t('project.form.scale'),
        <>
          <Field
            id="constructionContent"
            label={label('constructionContent')}
            errors={errors.constructionContent}
            className="sm:col-span-2"
          >
            <textarea
              rows={4}
              {...controlProps('constructionContent', errors.constructionContent)}
              value={values.constructionContent}
              onChange={set('constructionContent')}
              className={inputClass}
            />
            <CharCount id="constructionContent" value={values.constructionContent} max={PROJECT_TEXT_MAX.constructionContent!} />
          </Field>
          {text('capacity', { inputMode: 'decimal', hint: t('project.form.capacityHint') })}
          {text('capacityUnit')}
          {text('totalInvestment', { inputMode: 'decimal', hint: t('project.form.moneyHint') })}
          {text('annualPlannedInvestment', { inputMode: 'decimal', hint: t('project.form.moneyHint') })}
          <datalist id="capacity-units">
            {CAPACITY_UNITS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </>,
      )}

      {section(
        t('project.form.schedule'),
        <>
          {text('startDate', { type: 'date' })}
          {text('plannedCompletionDate', { type: 'date' })}
          {select(
            'stage',
            STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) })),
            null,
          )}
          {select(
            'status',
            PROJECT_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) })),
            null,
          )}
          {text('targetYear', { inputMode: 'numeric' })}
          {text('annualTarget')}
        </>,
      )}

      {section(
        t('project.form.people'),
        <>
          {select('responsibleLeaderId', options.leaders, none)}
          {select('responsibleUnitId', options.responsibleUnits, none)}
          {select('ownerUnitId', options.ownerUnits, none)}
          {select('projectLeadId', options.leads, none)}
        </>,
      )}

      <div className="sticky bottom-0 -mx-3 flex gap-2 border-t border-slate-200 bg-slate-50/95 px-3 py-3 backdrop-blur sm:static sm:mx-0 sm:justify-end sm:bg-transparent sm:px-0">
        <button type="button" onClick={() => router.push(cancelHref)} className={`${secondaryButton} flex-1 sm:flex-none`}>
          {t('common.cancel')}
        </button>
        <button type="submit" disabled={pending} className={`${primaryButton} flex-1 sm:flex-none`} data-testid="project-submit">
          {pending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
