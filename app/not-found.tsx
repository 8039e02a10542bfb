import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center" data-testid="not-found">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('notFoundBody')}</p>
      <Link href="/projects" className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t('backHome')}
      </Link>
    </div>
  );
}
