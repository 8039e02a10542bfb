import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { hasPermission } from '@/lib/authz';
import { now } from '@/lib/clock';
import { toLocale } from '@/lib/i18n/config';
import { listUsers } from '@/lib/users/queries';
import { usersSearch } from '@/lib/users/search-params';
import { UserFilters } from './_components/user-filters';
import { UserList } from './_components/user-list';
import { ListRegion } from '@/app/_components/table/use-url-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('users.title') };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  // Not permitted to see the page at all: it does not exist for them.
  if (!hasPermission(actor, 'user.manage')) notFound();
  const params = usersSearch.parse(await searchParams);
  const [{ rows, total, pageSize }, t, locale] = await Promise.all([listUsers(actor, params), getTranslations('admin'), getLocale()]);
  return (
    <ListRegion className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('users.title')}</h1>
          <p className="text-sm text-slate-500" data-testid="users-total">
            {t('users.subtitle', { total })}
          </p>
        </div>
        <Link
          href="/admin/users/new"
          data-testid="new-user"
          className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
        >
          {t('users.create')}
        </Link>
      </div>
      <UserFilters params={params} />
      <UserList rows={rows} total={total} pageSize={pageSize} params={params} locale={toLocale(locale)} actorId={actor.id} at={now()} />
    </ListRegion>
  );
}
