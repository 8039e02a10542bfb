import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { hasPermission } from '@/lib/authz';
import { now } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getUser, getUserFormOptions } from '@/lib/users/queries';
import { AccountActions } from '../_components/account-actions';
import { ResetPasswordForm } from '../_components/reset-password-form';
import { UserForm } from '../_components/user-form';
import { type UserStatusKind, UserStatusBadges } from '../_components/user-status';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('form.editTitle') };
}

const card = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5';
const cardTitle = 'mb-3 text-base font-semibold text-slate-900';

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireActor();
  if (!hasPermission(actor, 'user.manage')) notFound();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [user, options, t, localeRaw] = await Promise.all([
    getUser(actor, id),
    getUserFormOptions(actor),
    getTranslations('admin'),
    getLocale(),
  ]);
  if (!user) notFound();
  const locale = toLocale(localeRaw);
  const isSelf = user.id === actor.id;
  const locked = Boolean(user.lockedUntil && user.lockedUntil > now());
  const lockedText = locked ? formatDateTime(user.lockedUntil, locale) : '';

  const status: { kind: UserStatusKind; label: string }[] = [];
  if (user.disabled) status.push({ kind: 'disabled', label: t('status.disabled') });
  if (locked) status.push({ kind: 'locked', label: t('status.locked', { time: lockedText }) });
  if (!status.length) status.push({ kind: 'active', label: t('status.active') });

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          ← {t('form.backToList')}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{user.displayName}</h1>
          <UserStatusBadges items={status} />
        </div>
        <p className="font-mono text-sm text-slate-500" data-testid="user-username">
          {user.username}
        </p>
      </div>

      <div className="grid items-start gap-4 lg:grid-cols-5">
        <section className={`${card} lg:col-span-3`} aria-labelledby="profile-title">
          <h2 id="profile-title" className={cardTitle}>
            {t('form.profile')}
          </h2>
          <UserForm
            mode="edit"
            options={options}
            user={{
              id: user.id,
              username: user.username,
              displayName: user.displayName,
              role: user.role,
              countyId: user.countyId,
              unitId: user.unitId,
              version: user.version,
            }}
            isSelf={isSelf}
          />
        </section>

        <div className="space-y-4 lg:col-span-2">
          <section className={card} aria-labelledby="account-title" data-testid="account-status">
            <h2 id="account-title" className={cardTitle}>
              {t('account.title')}
            </h2>
            <p className="mb-1 text-sm text-slate-600">{user.disabled ? t('account.disabledBody') : t('account.activeBody')}</p>
            {locked ? <p className="mb-1 text-sm text-amber-800">{t('account.lockedBody', { time: lockedText })}</p> : null}
            {user.failedLogins > 0 && !locked ? (
              <p className="mb-1 text-xs text-slate-500">{t('account.failedLogins', { count: user.failedLogins })}</p>
            ) : null}
            <div className="mt-3">
              <AccountActions userId={user.id} displayName={user.displayName} disabled={user.disabled} locked={locked} isSelf={isSelf} />
            </div>
          </section>

          <section className={card} aria-labelledby="reset-title">
            <h2 id="reset-title" className={cardTitle}>
              {t('reset.title')}
            </h2>
            <ResetPasswordForm userId={user.id} />
          </section>
        </div>
      </div>
    </div>
  );
}
