'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { updateMilestone } from '@/lib/milestones/actions';
import { NOTE_MAX } from '@/lib/milestones/limits';
import { type ConflictRow, ConflictPanel } from '@/app/_components/form/conflict-panel';
import { useSaveFeedback } from '@/app/_components/form/use-save-feedback';
import { useDraft } from '@/app/_components/form/use-draft';
import { useResilientSave } from '@/app/_components/form/use-resilient-save';
import { SaveStatus } from '@/app/_components/form/save-status';
import { controlProps, Field, FormAlert, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { savedHref } from '@/app/_components/saved/saved-param';

export interface MilestoneFormValues {
  forecastDate: string;
  actualDate: string;
  status: MilestoneStatus;
  note: string;
  /** A grid connection's batch capacity (in the project's unit); absent where the form does not take it. */
  capacity?: string;
}

type Current = Record<string, unknown>;

function valuesFrom(row: Current, withCapacity: boolean): MilestoneFormValues {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const status = (MILESTONE_STATUSES as readonly string[]).includes(String(row.status)) ? (row.status as MilestoneStatus) : 'not_started';
  const values: MilestoneFormValues = { forecastDate: s(row.forecastDate), actualDate: s(row.actualDate), status, note: s(row.note) };
  return withCapacity ? { ...values, capacity: s(row.capacity) } : values;
}

const FIELDS = ['forecastDate', 'actualDate', 'status', 'note', 'capacity'] as const;

export function MilestoneForm({
  id,
  projectId,
  initial,
  initialVersion,
  today,
  capacityUnit,
  onDone,
}: {
  id: number;
  projectId: number;
  initial: MilestoneFormValues;
  initialVersion: number;
  today: string;
  /** A grid connection's form: the project's capacity unit, and the batch capacity field is shown. */
  capacityUnit?: string;
  /** Embedded use (the report page): called after a save or a cancel instead of going back to the project. */
  onDone?: (saved: boolean) => void;
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const withCapacity = capacityUnit !== undefined;
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const { errors, alert, conflict, alertRef, fail, clear } = useSaveFeedback();
  const back = `/projects/${projectId}`;
  // What is typed is kept on this device until it is saved (use-draft.ts).
  const draft = useDraft({
    form: `milestone:${id}`,
    values,
    baseVersion: version,
    setValues,
    setVersion,
    server: { values: initial, version: initialVersion },
  });
  const checkLimits = useLimitCheck();
  const save = useResilientSave({
    draft,
    send: async (_kind: 'save', idempotencyKey) =>
      checkLimits({ note: [values.note, NOTE_MAX] }) ??
      (await updateMilestone({ id, version: draft.baseVersion() ?? version, ...values, idempotencyKey })),
    answer: (_kind, res) => {
      if (res.ok) {
        draft.settled(values, null);
        if (onDone) {
          onDone(true);
          return;
        }
        router.push(savedHref(back, 'milestone', id, `milestone-${id}`));
        router.refresh();
        return;
      }
      fail(res, t('project.form.errorSummary'));
    },
  });
  const pending = save.busy;

  const cancel = () => {
    draft.discard();
    if (onDone) onDone(false);
    else router.push(back);
  };

  const set = <K extends keyof MilestoneFormValues>(key: K, value: MilestoneFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save.run('save');
  }

  function reload() {
    if (!conflict) return;
    const current = valuesFrom(conflict, withCapacity);
    setValues(current);
    setVersion(Number(conflict.version));
    draft.settled(current, Number(conflict.version));
    clear();
  }

  const show = (key: (typeof FIELDS)[number], v: MilestoneFormValues): string => {
    const raw = v[key];
    if (!raw) return t('project.empty');
    if (key === 'status') return t(`enums.milestoneStatus.${raw}`);
    if (key === 'note') return raw;
    if (key === 'capacity') return `${raw} ${capacityUnit ?? ''}`.trim();
    return formatDate(raw, locale);
  };
  const conflictRows: ConflictRow[] = conflict
    ? FIELDS.filter((key) => key !== 'capacity' || withCapacity).map((key) => ({
        key,
        label: t(`project.milestoneField.${key}`),
        yours: show(key, values),
        current: show(key, valuesFrom(conflict, withCapacity)),
      }))
    : [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="milestone-form" aria-busy={pending}>
      <div ref={alertRef} className="space-y-3">
        {conflict ? (
          <ConflictPanel
            rows={conflictRows}
            changedBy={typeof conflict.changedBy === 'string' ? conflict.changedBy : null}
            changedAt={(conflict.changedAt as Date | string | null) ?? null}
            onReload={reload}
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

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="forecastDate" label={t('project.milestoneField.forecastDate')} errors={errors.forecastDate}>
          <input
            type="date"
            {...controlProps('forecastDate', errors.forecastDate)}
            value={values.forecastDate}
            onChange={(e) => set('forecastDate', e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field
          id="actualDate"
          label={t('project.milestoneField.actualDate')}
          required={values.status === 'done'}
          hint={t('project.milestoneForm.actualHint')}
          errors={errors.actualDate}
        >
          <input
            type="date"
            max={today}
            {...controlProps('actualDate', errors.actualDate, true)}
            value={values.actualDate}
            onChange={(e) => set('actualDate', e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field id="status" label={t('project.milestoneField.status')} required errors={errors.status} className="sm:col-span-2">
          <select
            {...controlProps('status', errors.status)}
            value={values.status}
            onChange={(e) => set('status', e.target.value as MilestoneStatus)}
            className={inputClass}
          >
            {MILESTONE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`enums.milestoneStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="note" label={t('project.milestoneField.note')} errors={errors.note} className="sm:col-span-2">
          <textarea
            rows={4}
            {...countedProps(controlProps('note', errors.note), values.note, NOTE_MAX)}
            value={values.note}
            onChange={(e) => set('note', e.target.value)}
            className={inputClass}
          />
          <CharCount id="note" value={values.note} max={NOTE_MAX} />
        </Field>
        {withCapacity ? (
          <Field
            id="capacity"
            label={t('project.milestoneField.capacity')}
            hint={t('project.milestoneForm.capacityHint', { unit: capacityUnit })}
            errors={errors.capacity}
            className="sm:col-span-2"
          >
            <input
              inputMode="decimal"
              {...controlProps('capacity', errors.capacity, true)}
              value={values.capacity ?? ''}
              onChange={(e) => set('capacity', e.target.value)}
              className={inputClass}
              data-testid="milestone-capacity"
            />
          </Field>
        ) : null}
      </div>

      <div className="flex flex-col-reverse gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <button type="button" onClick={cancel} className={secondaryButton}>
          {t('common.cancel')}
        </button>
        <button type="submit" disabled={pending} className={primaryButton} data-testid="milestone-submit">
          {pending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
