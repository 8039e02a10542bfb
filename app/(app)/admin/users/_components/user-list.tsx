import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { UserRow } from '@/lib/users/queries';
import { type UserListParams, usersSearch } from '@/lib/users/search-params';
import { type UserStatusKind, UserStatusBadges } from './user-status';

interface Props {
  rows: UserRow[];
  total: number;
  pageSize: number;
  params: UserListParams;
  locale: Locale;
  actorId: number;
  /** "Now" on the server, to tell a current lock from an expired one. */
  at: Date;
}

/** The users: a table from tablet width up, one card per user on a phone. */
export async function UserList({ rows, total, pageSize, params, locale, actorId, at }: Props) {
  const t = await getTranslations();
  const en = locale === 'en';
  const scope = (r: UserRow) =>
    r.countyId === null ? t('admin.form.scopePrefecture') : ((en ? r.countyEn : r.countyZh) ?? t('common.none'));
  const unit = (r: UserRow) => (en ? r.unitEn : r.unitZh) ?? t('common.none');
  const status = (r: UserRow) => {
    const items: { kind: UserStatusKind; label: string }[] = [];
    if (r.disabled) items.push({ kind: 'disabled', label: t('admin.status.disabled') });
    if (r.lockedUntil && r.lockedUntil > at) {
      items.push({ kind: 'locked', label: t('admin.status.locked', { time: formatDateTime(r.lockedUntil, locale) }) });
    }
    if (!items.length) items.push({ kind: 'active', label: t('admin.status.active') });
    return <UserStatusBadges items={items} />;
  };
  const you = (r: UserRow) =>
    r.id === actorId ? (
      <span className="ml-1.5 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-normal text-brand-700">{t('admin.users.you')}</span>
    ) : null;
  const href = (r: UserRow) => `/admin/users/${r.id}`;

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (params.page - 1) * pageSize + 1;
  const to = Math.min(total, params.page * pageSize);
  const pageLink = (page: number) => usersSearch.href('/admin/users', { ...params, page });
  const navBtn = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';
  const navOff = 'rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400';
  const th = 'whitespace-nowrap px-3 py-2.5 text-left font-medium text-slate-600';

  return (
    <section>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="users-table">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>
                {t('admin.users.col.username')}
              </th>
              <th scope="col" className={th}>
                {t('admin.users.col.displayName')}
              </th>
              <th scope="col" className={th}>
                {t('admin.users.col.role')}
              </th>
              <th scope="col" className={th}>
                {t('admin.users.col.scope')}
              </th>
              <th scope="col" className={th}>
                {t('admin.users.col.unit')}
              </th>
              <th scope="col" className={th}>
                {t('admin.users.col.status')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                <span className="sr-only">{t('admin.users.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} className={`hover:bg-slate-50 ${r.disabled ? 'text-slate-500' : ''}`} data-testid={`user-row-${r.username}`}>
                <td className="whitespace-nowrap px-3 py-2.5 font-mono text-[13px]">
                  <Link href={href(r)} className="font-medium text-brand-700 hover:underline">
                    {r.username}
                  </Link>
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 font-medium">
                  {r.displayName}
                  {you(r)}
                </td>
                <td className="whitespace-nowrap px-3 py-2.5">{t(`enums.role.${r.role}`)}</td>
                <td className="whitespace-nowrap px-3 py-2.5">{scope(r)}</td>
                <td className="min-w-40 px-3 py-2.5">{unit(r)}</td>
                <td className="px-3 py-2.5">{status(r)}</td>
                <td className="whitespace-nowrap px-3 py-2.5 text-right">
                  <Link
                    href={href(r)}
                    aria-label={t('admin.users.editUser', { name: r.displayName })}
                    className="rounded-md px-2 py-1 text-brand-700 hover:bg-brand-50"
                  >
                    {t('admin.users.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-2 md:hidden" data-testid="users-cards">
        {rows.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={`user-card-${r.username}`}>
            <Link href={href(r)} className="block p-3 active:bg-slate-50">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium text-brand-700">
                    {r.displayName}
                    {you(r)}
                  </p>
                  <p className="truncate font-mono text-xs text-slate-500">{r.username}</p>
                </div>
                {status(r)}
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                <dt className="text-slate-500">{t('admin.users.col.role')}</dt>
                <dd className="text-right text-slate-800">{t(`enums.role.${r.role}`)}</dd>
                <dt className="text-slate-500">{t('admin.users.col.scope')}</dt>
                <dd className="text-right text-slate-800">{scope(r)}</dd>
                <dt className="text-slate-500">{t('admin.users.col.unit')}</dt>
                <dd className="text-right text-slate-800">{unit(r)}</dd>
              </dl>
            </Link>
          </li>
        ))}
      </ul>

      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500" data-testid="users-empty">
          {total > 0 ? (
            <>
              {t('admin.users.emptyPage')}{' '}
              <Link href={pageLink(1)} className="text-brand-700 underline">
                {t('admin.users.firstPage')}
              </Link>
            </>
          ) : (
            t('admin.users.empty')
          )}
        </div>
      ) : null}

      <nav
        className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
        aria-label={t('admin.users.pageOf', { page: params.page, pages })}
      >
        <span>{from > 0 ? t('admin.users.pageInfo', { from, to, total }) : null}</span>
        {pages > 1 ? (
          <div className="flex items-center gap-2">
            {params.page > 1 ? (
              <Link href={pageLink(params.page - 1)} className={navBtn} rel="prev">
                {t('admin.users.prev')}
              </Link>
            ) : (
              <span className={navOff} aria-disabled>
                {t('admin.users.prev')}
              </span>
            )}
            <span className="tabular-nums">{t('admin.users.pageOf', { page: params.page, pages })}</span>
            {params.page < pages ? (
              <Link href={pageLink(params.page + 1)} className={navBtn} rel="next">
                {t('admin.users.next')}
              </Link>
            ) : (
              <span className={navOff} aria-disabled>
                {t('admin.users.next')}
              </span>
            )}
          </div>
        ) : null}
      </nav>
    </section>
  );
}
