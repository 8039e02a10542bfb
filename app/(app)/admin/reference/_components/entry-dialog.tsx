'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { controlProps, Field, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import type { ActionResult } from '@/lib/actions/result';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import {
  deleteCategory,
  deleteCounty,
  deleteUnit,
  mergeCategory,
  mergeUnit,
  renameCategory,
  renameCounty,
  renameUnit,
  setCategoryActive,
  setCountyActive,
  setUnitActive,
} from '@/lib/reference/actions';
import type { EntryRow } from '@/lib/reference/admin-queries';
import type { ReferenceKind } from '@/lib/reference/kinds';
import { failureText } from './call';

export type Mode = 'rename' | 'active' | 'merge' | 'delete';

const ACTIONS = {
  unit: { rename: renameUnit, active: setUnitActive, remove: deleteUnit, merge: mergeUnit },
  category: { rename: renameCategory, active: setCategoryActive, remove: deleteCategory, merge: mergeCategory },
  county: { rename: renameCounty, active: setCountyActive, remove: deleteCounty, merge: null },
} as const;

/** The one dialog of an entry's action: rename, retire/reactivate, merge into another, delete. */
export function EntryDialog({
  kind,
  mode,
  row,
  survivors,
  onClose,
}: {
  kind: ReferenceKind;
  mode: Mode;
  row: EntryRow;
  survivors: EntryRow[];
  onClose: () => void;
}) {
  const t = useTranslations('reference');
  const router = useRouter();
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const ref = useRef<HTMLDialogElement>(null);
  // An English name that was only a copy of the Chinese one (none was given) follows the new Chinese name.
  const [names, setNames] = useState({ nameZh: row.nameZh, nameEn: row.nameEn === row.nameZh ? '' : row.nameEn });
  const [intoId, setIntoId] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [pending, start] = useTransition();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const a = ACTIONS[kind];
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      const res = await call();
      if (res.ok) {
        router.refresh();
        onClose();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      setStale(res.code === 'CONFLICT' && Boolean(res.current));
      setMessage(failureText(res, t, (at) => formatDateTime(at as Date | string | null, locale, timeZone)));
    });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const base = { id: row.id, version: row.version };
    if (mode === 'rename') run(() => a.rename({ ...base, ...names }));
    else if (mode === 'active') run(() => a.active({ ...base, active: !row.active }));
    else if (mode === 'delete') run(() => a.remove(base));
    else if (a.merge) run(() => a.merge!({ ...base, intoId: intoId === '' ? undefined : Number(intoId) }));
  };
  const reload = () => {
    router.refresh();
    onClose();
  };

  const title =
    mode === 'rename'
      ? `${t('rename.action')}：${row.nameZh}`
      : mode === 'merge'
        ? t('merge.title', { name: row.nameZh })
        : mode === 'delete'
          ? t('delete.action')
          : `${row.active ? t('retire.action') : t('reactivate.action')}：${row.nameZh}`;
  const submitLabel =
    mode === 'rename'
      ? t('rename.submit')
      : mode === 'merge'
        ? t('merge.submit')
        : mode === 'delete'
          ? t('delete.action')
          : row.active
            ? t('retire.action')
            : t('reactivate.action');

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="entry-dialog-title"
      data-testid="entry-dialog"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} className="space-y-4 p-5" noValidate>
        <h2 id="entry-dialog-title" className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {mode === 'rename' ? (
          <div className="space-y-3">
            <Field id="rename-nameZh" label={t('field.nameZh')} required errors={errors.nameZh}>
              <input
                {...controlProps('rename-nameZh', errors.nameZh, false, true)}
                value={names.nameZh}
                onChange={(e) => setNames((v) => ({ ...v, nameZh: e.target.value }))}
                className={inputClass}
              />
            </Field>
            <Field id="rename-nameEn" label={t('field.nameEn')} errors={errors.nameEn}>
              <input
                {...controlProps('rename-nameEn', errors.nameEn)}
                value={names.nameEn}
                onChange={(e) => setNames((v) => ({ ...v, nameEn: e.target.value }))}
                className={inputClass}
              />
            </Field>
          </div>
        ) : null}
        {mode === 'merge' ? (
          <>
            <p className="text-sm text-slate-600">{t('merge.body')}</p>
            <Field id="merge-into" label={t('field.intoId')} required errors={errors.intoId}>
              <select
                {...controlProps('merge-into', errors.intoId, false, true)}
                value={intoId}
                onChange={(e) => setIntoId(e.target.value)}
                className={inputClass}
              >
                <option value="">{t('merge.choose')}</option>
                {survivors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.nameZh}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : null}
        {mode === 'delete' ? <p className="text-sm text-slate-600">{t('delete.confirm', { name: row.nameZh })}</p> : null}
        {message ? (
          <p role="alert" data-testid="entry-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {message}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button type="button" onClick={onClose} className={secondaryButton}>
            {t('cancel')}
          </button>
          {stale ? (
            <button type="button" onClick={reload} className={secondaryButton} data-testid="entry-reload">
              {t('reload')}
            </button>
          ) : null}
          <button
            type="submit"
            disabled={pending}
            data-testid="entry-submit"
            className={mode === 'delete' ? `${primaryButton} bg-red-600 hover:bg-red-700` : primaryButton}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
