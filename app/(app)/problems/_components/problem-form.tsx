'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { type ConflictRow, ConflictPanel } from '@/app/_components/form/conflict-panel';
import { useSaveFeedback } from '@/app/_components/form/use-save-feedback';
import { useDraft } from '@/app/_components/form/use-draft';
import { useResilientSave } from '@/app/_components/form/use-resilient-save';
import { SaveStatus } from '@/app/_components/form/save-status';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import { PROBLEM_TYPES, type ProblemType } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { createProblem, updateProblem } from '@/lib/problems/actions';
import { DESCRIPTION_MAX } from '@/lib/problems/limits';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { savedHref } from '@/app/_components/saved/saved-param';

export interface ProblemFormValues {
  description: string;
  type: ProblemType | '';
  responsibleUnitId: string;
  responsibleLeaderId: string;
  deadline: string;
}

type Opt = { value: string; labelZh: string; labelEn: string };

type Mode = { kind: 'create'; projectId: number; reportId: number | null } | { kind: 'edit'; id: number; version: number };

const FIELDS = ['description', 'type', 'responsibleUnitId', 'responsibleLeaderId', 'deadline'] as const;

function valuesFrom(row: Record<string, unknown>): ProblemFormValues {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const type = (PROBLEM_TYPES as readonly string[]).includes(String(row.type)) ? (row.type as ProblemType) : '';
  return {
    description: s(row.description),
    type,
    responsibleUnitId: s(row.responsibleUnitId),
    responsibleLeaderId: s(row.responsibleLeaderId),
    deadline: s(row.deadline),
  };
}

/**
 * Raise a problem (交办) or, for the dispatch office, change one. Field errors appear under
 * their fields; a stale edit shows the conflict panel with the saved values. Saved, it returns
 * to `onCancelHref` (the page the user came from), which says what was saved.
 */
export function ProblemForm({
  mode,
  initial,
  units,
  leaders,
  today,
  onCancelHref,
}: {
  mode: Mode;
  initial: ProblemFormValues;
  units: Opt[];
  leaders: Opt[];
  today: string;
  onCancelHref: string;
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(mode.kind === 'edit' ? mode.version : 0);
  const { errors, alert, conflict, alertRef, fail, clear } = useSaveFeedback();
  const initialVersion = mode.kind === 'edit' ? mode.version : 0;
  // What is typed is kept on this device until it is saved (use-draft.ts); a save that cannot
  // reach the server is sent again with the same idempotency key, so a problem is never raised twice.
  const draft = useDraft({
    form: mode.kind === 'create' ? `problem:new:${mode.projectId}:${mode.reportId ?? ''}` : `problem:${mode.id}`,
    values,
    baseVersion: version,
    setValues,
    setVersion,
    server: { values: initial, version: initialVersion },
  });
  const fields = () => ({
    description: values.description,
    type: values.type,
    responsibleUnitId: values.responsibleUnitId || undefined,
    responsibleLeaderId: values.responsibleLeaderId || undefined,
    deadline: values.deadline,
  });
  const checkLimits = useLimitCheck();
  const save = useResilientSave({
    draft,
    send: async (_kind: 'save', idempotencyKey) =>
      checkLimits({ description: [values.description, DESCRIPTION_MAX] }) ??
      (mode.kind === 'create'
        ? createProblem({ projectId: mode.projectId, reportId: mode.reportId ?? undefined, ...fields(), idempotencyKey })
        : updateProblem({ id: mode.id, version: draft.baseVersion() ?? version, ...fields(), idempotencyKey })),
    answer: (_kind, res) => {
      if (res.ok) {
        draft.settled(values, null);
        // Back where the user came from, which names what was saved (?saved=problem-<id>).
        router.push(savedHref(onCancelHref, 'problem', mode.kind === 'create' ? res.data.id : mode.id));
        router.refresh();
        return;
      }
      fail(res, t('problems.form.errorSummary'));
    },
  });
  const pending = save.busy;
  const cancel = () => {
    draft.discard();
    router.push(onCancelHref);
  };
  const label = (o: Opt) => (locale === 'en' ? o.labelEn : o.labelZh);
  const set = <K extends keyof ProblemFormValues>(key: K, value: ProblemFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save.run('save');
  }

  const show = (key: (typeof FIELDS)[number], v: ProblemFormValues): string => {
    const raw = v[key];
    if (!raw) return t('problems.form.empty');
    if (key === 'type') return t(`enums.problemType.${raw}`);
    if (key === 'deadline') return formatDate(raw, locale);
    if (key === 'responsibleUnitId') return units.find((u) => u.value === raw) ? label(units.find((u) => u.value === raw)!) : raw;
    if (key === 'responsibleLeaderId') return leaders.find((u) => u.value === raw) ? label(leaders.find((u) => u.value === raw)!) : raw;
    return raw;
  };
  const conflictRows: ConflictRow[] = conflict
    ? FIELDS.map((key) => ({ key, label: t(`problems.field.${key}`), yours: show(key, values), current: show(key, valuesFrom(conflict)) }))
    : [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="problem-form" aria-busy={pending}>
      <div ref={alertRef} className="space-y-3">
        {conflict ? (
          <ConflictPanel
            rows={conflictRows}
            changedBy={typeof conflict.changedBy === 'string' ? conflict.changedBy : null}
            changedAt={(conflict.changedAt as Date | string | null) ?? null}
            onReload={() => {
              setValues(valuesFrom(conflict));
              setVersion(Number(conflict.version));
              draft.settled(valuesFrom(conflict), Number(conflict.version));
              clear();
            }}
            onCancel={cancel}
          />
        ) : null}
        <SaveStatus
          state={save.state}
          restoredAt={draft.restored?.savedAt ?? null}
          onDiscard={draft.reset}
          onRetry={() => void save.run('save')}
        />
        <FormAlert message={alert} />
      </div>

      <Field id="description" label={t('problems.field.description')} required errors={errors.description}>
        <textarea
          rows={4}
          {...countedProps(controlProps('description', errors.description, false, true), values.description, DESCRIPTION_MAX)}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          className={inputClass}
          data-testid="problem-description"
        />
        <CharCount id="description" value={values.description} max={DESCRIPTION_MAX} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="type" label={t('problems.field.type')} required errors={errors.type}>
          <select
            {...controlProps('type', errors.type, false, true)}
            value={values.type}
            onChange={(e) => set('type', e.target.value as ProblemType)}
            className={inputClass}
          >
            <option value="">{t('problems.form.choose')}</option>
            {PROBLEM_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`enums.problemType.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="deadline" label={t('problems.field.deadline')} required errors={errors.deadline} hint={t('problems.form.deadlineHint')}>
          <input
            type="date"
            min={today}
            {...controlProps('deadline', errors.deadline, true, true)}
            value={values.deadline}
            onChange={(e) => set('deadline', e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field id="responsibleUnitId" label={t('problems.field.responsibleUnitId')} required errors={errors.responsibleUnitId}>
          <select
            {...controlProps('responsibleUnitId', errors.responsibleUnitId, false, true)}
            value={values.responsibleUnitId}
            onChange={(e) => set('responsibleUnitId', e.target.value)}
            className={inputClass}
          >
            <option value="">{t('problems.form.choose')}</option>
            {units.map((u) => (
              <option key={u.value} value={u.value}>
                {label(u)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="responsibleLeaderId"
          label={t('problems.field.responsibleLeaderId')}
          required
          errors={errors.responsibleLeaderId}
          hint={mode.kind === 'create' ? t('problems.form.leaderHint') : undefined}
        >
          <select
            {...controlProps('responsibleLeaderId', errors.responsibleLeaderId, mode.kind === 'create', true)}
            value={values.responsibleLeaderId}
            onChange={(e) => set('responsibleLeaderId', e.target.value)}
            className={inputClass}
          >
            <option value="">{t('problems.form.choose')}</option>
            {leaders.map((u) => (
              <option key={u.value} value={u.value}>
                {label(u)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {errors.reportId?.length || errors.projectId?.length ? (
        <FormAlert id="form-ref-error" message={t('problems.form.badReference')} />
      ) : null}

      <div className="flex flex-col-reverse gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <button type="button" onClick={cancel} className={secondaryButton}>
          {t('common.cancel')}
        </button>
        <button type="submit" disabled={pending} className={primaryButton} data-testid="problem-submit">
          {pending ? t('common.saving') : mode.kind === 'create' ? t('problems.form.submitCreate') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
