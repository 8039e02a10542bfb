import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { hasPermission } from '@/lib/authz';
import { getUserFormOptions } from '@/lib/users/queries';
import { UserForm } from '../_components/user-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('form.newTitle') };
}

export default async function NewUserPage() {
  await connection();
  const actor = await requireActor();
  if (!hasPermission(actor, 'user.manage')) notFound();
  const [options, t] = await Promise.all([getUserFormOptions(actor), getTranslations('admin')]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          ← {t('form.backToList')}
        </Link>
        <h1 className="mt-1 text-xl font-semibold text-slate-900 sm:text-2xl">{t('form.newTitle')}</h1>
        <p className="text-sm text-slate-500">{t('form.newSubtitle')}</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <UserForm mode="create" options={options} />
      </section>
    </div>
  );
}
