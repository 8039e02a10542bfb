'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useRef, useState, useTransition } from 'react';
import { ROLES, type Role } from '@/db/schema/enums';
import type { FieldErrors } from '@/lib/errors';
import { createUser, updateUser } from '@/lib/users/actions';
import type { UserFormOptions } from '@/lib/users/queries';
import type { UserProfile } from '@/lib/users/schemas';
import { usersSearch } from '@/lib/users/search-params';
import { Field, inputClass, Notice } from './field';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  countyId: string;
  unitId: string;
  password: string;
}

const toValues = (u?: UserProfile): Values => ({
  username: u?.username ?? '',
  displayName: u?.displayName ?? '',
  role: u?.role ?? 'viewer',
  countyId: u?.countyId == null ? '' : String(u.countyId),
  unitId: u?.unitId == null ? '' : String(u.unitId),
  password: '',
});

type Props =
  | { mode: 'create'; options: UserFormOptions; user?: undefined; isSelf?: false }
  | { mode: 'edit'; options: UserFormOptions; user: UserProfile; isSelf: boolean };

/** Create or edit a user's profile. Errors from the action are shown under their fields. */
export function UserForm({ mode, options, user, isSelf }: Props) {
  const t = useTranslations();
  const en = useLocale() === 'en';
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => toValues(user));
  const [version, setVersion] = useState(user?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [conflict, setConflict] = useState<UserProfile | null>(null);
  const [pending, start] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  // Move focus to the first field with an error, so keyboard and screen-reader users land on it.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setBanner((b) => (b?.tone === 'success' ? null : b));
  };

  const countyName = (id: number | null) => {
    const c = options.counties.find((x) => x.id === id);
    return c ? (en ? c.nameEn : c.nameZh) : t('admin.form.scopePrefecture');
  };
  const unitName = (id: number | null) => {
    const u = options.units.find((x) => x.id === id);
    return u ? (en ? u.nameEn : u.nameZh) : t('admin.form.unitNone');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    start(async () => {
      const { username, password, ...profile } = values;
      const res =
        mode === 'create' ? await createUser({ ...profile, username, password }) : await updateUser({ ...profile, id: user.id, version });
      if (res.ok) {
        setErrors({});
        setConflict(null);
        if (mode === 'create') {
          router.push(usersSearch.href('/admin/users', { q: res.data.username }));
          return;
        }
        setVersion(res.data.version);
        setValues(toValues(res.data));
        setBanner({ tone: 'success', text: t('admin.form.saved') });
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      if (res.code === 'CONFLICT' && res.current) {
        setConflict(res.current as unknown as UserProfile);
        setBanner(null);
        return;
      }
      const formErrors = res.fieldErrors?._form;
      setBanner({
        tone: 'error',
        text: formErrors?.length ? formErrors.join(' ') : res.fieldErrors ? t('admin.form.fixFields') : res.message,
      });
    });
  };

  const reload = () => {
    if (!conflict) return;
    setValues((v) => ({ ...toValues(conflict), password: v.password }));
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
    setBanner(null);
    router.refresh();
  };

  const fe = (key: string) => errors[key];
  const roleLocked = mode === 'edit' && isSelf && user.role === 'admin';
  const responsible = options.units.filter((u) => u.kind === 'responsible');
  const owners = options.units.filter((u) => u.kind === 'owner');

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" data-testid="user-form" aria-busy={pending}>
      {conflict ? (
        <Notice tone="warning" testId="user-conflict">
          <p className="font-semibold">{t('admin.form.conflictTitle')}</p>
          <p className="mt-1">{t('admin.form.conflictBody')}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-amber-800">{t('admin.form.displayName')}</dt>
            <dd className="font-medium">{conflict.displayName}</dd>
            <dt className="text-amber-800">{t('admin.form.role')}</dt>
            <dd className="font-medium">{t(`enums.role.${conflict.role}`)}</dd>
            <dt className="text-amber-800">{t('admin.form.scope')}</dt>
            <dd className="font-medium">{countyName(conflict.countyId)}</dd>
            <dt className="text-amber-800">{t('admin.form.unit')}</dt>
            <dd className="font-medium">{unitName(conflict.unitId)}</dd>
          </dl>
          <button
            type="button"
            onClick={reload}
            data-testid="conflict-reload"
            className="mt-3 rounded-md bg-amber-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-700"
          >
            {t('admin.form.reload')}
          </button>
        </Notice>
      ) : null}
      {banner ? (
        <Notice tone={banner.tone} testId="user-form-message">
          {banner.text}
        </Notice>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        {mode === 'create' ? (
          <Field id="username" label={t('admin.form.username')} hint={t('admin.form.usernameHint')} errors={fe('username')} required>
            {(a) => (
              <input
                {...a}
                name="username"
                value={values.username}
                onChange={(e) => set('username', e.target.value)}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={32}
                className={`${inputClass} font-mono`}
              />
            )}
          </Field>
        ) : null}
        <Field id="displayName" label={t('admin.form.displayName')} errors={fe('displayName')} required>
          {(a) => (
            <input
              {...a}
              name="displayName"
              value={values.displayName}
              onChange={(e) => set('displayName', e.target.value)}
              autoComplete="off"
              maxLength={64}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="role"
          label={t('admin.form.role')}
          errors={fe('role')}
          hint={roleLocked ? t('admin.form.selfRoleHint') : undefined}
          required
        >
          {(a) => (
            <select {...a} name="role" value={values.role} onChange={(e) => set('role', e.target.value as Role)} className={inputClass}>
              {ROLES.map((r) => (
                <option key={r} value={r} disabled={roleLocked && r !== 'admin'}>
                  {t(`enums.role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="countyId" label={t('admin.form.scope')} hint={t('admin.form.scopeHint')} errors={fe('countyId')}>
          {(a) => (
            <select {...a} name="countyId" value={values.countyId} onChange={(e) => set('countyId', e.target.value)} className={inputClass}>
              <option value="">{t('admin.form.scopePrefecture')}</option>
              {options.counties.map((c) => (
                <option key={c.id} value={c.id}>
                  {en ? c.nameEn : c.nameZh}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="unitId" label={t('admin.form.unit')} errors={fe('unitId')}>
          {(a) => (
            <select {...a} name="unitId" value={values.unitId} onChange={(e) => set('unitId', e.target.value)} className={inputClass}>
              <option value="">{t('admin.form.unitNone')}</option>
              {[
                { kind: 'responsible' as const, list: responsible },
                { kind: 'owner' as const, list: owners },
              ]
                .filter((g) => g.list.length)
                .map((g) => (
                  <optgroup key={g.kind} label={t(`enums.unitKind.${g.kind}`)}>
                    {g.list.map((u) => (
                      <option key={u.id} value={u.id}>
                        {en ? u.nameEn : u.nameZh}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          )}
        </Field>
        {mode === 'create' ? (
          <Field id="password" label={t('admin.form.password')} hint={t('admin.form.passwordHint')} errors={fe('password')} required>
            {(a) => (
              <input
                {...a}
                name="password"
                type="password"
                value={values.password}
                onChange={(e) => set('password', e.target.value)}
                autoComplete="new-password"
                className={inputClass}
              />
            )}
          </Field>
        ) : null}
      </div>

      <div className="flex flex-col-reverse gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:justify-end">
        <Link
          href="/admin/users"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-center text-sm text-slate-700 hover:bg-slate-50"
        >
          {t('admin.form.cancel')}
        </Link>
        <button
          type="submit"
          disabled={pending}
          data-testid="user-form-submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? t('admin.form.saving') : mode === 'create' ? t('admin.form.submitCreate') : t('admin.form.submitSave')}
        </button>
      </div>
    </form>
  );
}
