import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';

/**
 * HTTP 403 for a forbidden() that no nearer forbidden.tsx answers (each page that calls it has
 * its own, with its message and its way back). Unknown or invisible records stay 404 (notFound()).
 */
export default async function Forbidden() {
  const t = await getTranslations('common');
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center" data-testid="forbidden">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{t('forbiddenTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('forbiddenBody')}</p>
      <Link href="/projects" className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t('backHome')}
      </Link>
    </div>
  );
}
