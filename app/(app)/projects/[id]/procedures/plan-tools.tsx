'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { controlProps, Field, FormAlert, inputClass, primaryButton, useFieldMessage } from '@/app/_components/form/form-controls';
import { AGENCY_KINDS, type AgencyKind } from '@/db/schema/enums';
import { addProcedure, applyProcedureTemplate } from '@/lib/procedures/actions';
import { DOCUMENTS_MAX, PROCEDURE_NAME_MAX } from '@/lib/procedures/limits';

interface Template {
  id: number;
  name: string;
  proposed: boolean;
}

/** The office makes the plan from a template (the one for the project's category is proposed first). */
export function ApplyTemplate({ projectId, templates }: { projectId: number; templates: Template[] }) {
  const t = useTranslations('procedures');
  const router = useRouter();
  const [templateId, setTemplateId] = useState(String(templates[0]?.id ?? ''));
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      data-testid="apply-template"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = await applyProcedureTemplate({ projectId, templateId });
          setMessage(res.ok ? { ok: true, text: t('apply.done', res.data) } : { ok: false, text: res.message });
          if (res.ok) router.refresh();
        });
      }}
    >
      <Field id="templateId" label={t('apply.template')} className="min-w-0 flex-1">
        <select id="templateId" className={inputClass} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.proposed ? t('apply.proposed', { name: tpl.name }) : tpl.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending || !templateId} className={primaryButton} data-testid="apply-template-submit">
        {pending ? t('form.working') : t('apply.submit')}
      </button>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-800' : 'text-red-700'}`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}

interface AddProps {
  projectId: number;
  procedures: { id: number; name: string }[];
  agencyLabels: Record<AgencyKind, string>;
}

const EMPTY = {
  nameZh: '',
  agencyKind: 'development_reform' as AgencyKind,
  statutoryDays: '20',
  committedDays: '10',
  documents: '',
  beforeStart: true,
};

/** The office adds a procedure the template lacks, after the ones it must wait for. */
export function AddProcedure({ projectId, procedures, agencyLabels }: AddProps) {
  const t = useTranslations('procedures');
  const router = useRouter();
  const checkLimits = useLimitCheck();
  const fieldMessage = useFieldMessage();
  const [v, setV] = useState(EMPTY);
  const [dependsOn, setDependsOn] = useState<number[]>([]);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const errs = (k: string) => fieldErrors[k];
  return (
    <form
      className="space-y-3"
      data-testid="add-procedure"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res =
            checkLimits({ nameZh: [v.nameZh, PROCEDURE_NAME_MAX], documents: [v.documents, DOCUMENTS_MAX] }) ??
            (await addProcedure({ projectId, ...v, dependsOn }));
          if (res.ok) {
            setV(EMPTY);
            setDependsOn([]);
            setError(null);
            setFieldErrors({});
            router.refresh();
            return;
          }
          setError(res.message);
          setFieldErrors(res.fieldErrors ?? {});
        });
      }}
    >
      <FormAlert message={error} id="add-procedure-error" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="nameZh" label={t('add.nameZh')} required errors={errs('nameZh')}>
          <input
            {...countedProps(controlProps('nameZh', errs('nameZh'), false, true), v.nameZh, PROCEDURE_NAME_MAX)}
            className={inputClass}
            value={v.nameZh}
            onChange={(e) => setV({ ...v, nameZh: e.target.value })}
          />
          <CharCount id="nameZh" value={v.nameZh} max={PROCEDURE_NAME_MAX} />
        </Field>
        <Field id="agencyKind" label={t('add.agencyKind')} required errors={errs('agencyKind')}>
          <select
            {...controlProps('agencyKind', errs('agencyKind'))}
            className={inputClass}
            value={v.agencyKind}
            onChange={(e) => setV({ ...v, agencyKind: e.target.value as AgencyKind })}
          >
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {agencyLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="statutoryDays" label={t('add.statutoryDays')} required errors={errs('statutoryDays')}>
          <input
            {...controlProps('statutoryDays', errs('statutoryDays'))}
            inputMode="numeric"
            className={inputClass}
            value={v.statutoryDays}
            onChange={(e) => setV({ ...v, statutoryDays: e.target.value })}
          />
        </Field>
        <Field id="committedDays" label={t('add.committedDays')} required errors={errs('committedDays')}>
          <input
            {...controlProps('committedDays', errs('committedDays'))}
            inputMode="numeric"
            className={inputClass}
            value={v.committedDays}
            onChange={(e) => setV({ ...v, committedDays: e.target.value })}
          />
        </Field>
      </div>
      <Field id="documents" label={t('add.documents')} errors={errs('documents')}>
        <textarea
          {...countedProps(controlProps('documents', errs('documents')), v.documents, DOCUMENTS_MAX)}
          rows={2}
          className={inputClass}
          value={v.documents}
          onChange={(e) => setV({ ...v, documents: e.target.value })}
        />
        <CharCount id="documents" value={v.documents} max={DOCUMENTS_MAX} />
      </Field>
      {procedures.length ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('add.dependsOn')}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {procedures.map((p) => (
              <label key={p.id} className="flex items-start gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="mt-0.5"
                  checked={dependsOn.includes(p.id)}
                  onChange={(e) => setDependsOn(e.target.checked ? [...dependsOn, p.id] : dependsOn.filter((d) => d !== p.id))}
                />
                <span className="min-w-0 break-words">{p.name}</span>
              </label>
            ))}
          </div>
          {errs('dependsOn') ? <p className="mt-1 text-sm text-red-700">{errs('dependsOn')!.map(fieldMessage).join(' ')}</p> : null}
        </fieldset>
      ) : null}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={v.beforeStart} onChange={(e) => setV({ ...v, beforeStart: e.target.checked })} />
        {t('add.beforeStart')}
      </label>
      <button type="submit" disabled={pending} className={primaryButton} data-testid="add-procedure-submit">
        {pending ? t('form.working') : t('add.submit')}
      </button>
    </form>
  );
}
