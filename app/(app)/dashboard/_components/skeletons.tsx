import { getTranslations } from '@/lib/i18n/server-translations';

/** The dashboard's shape while its figures load. */
export async function DashboardSkeleton() {
  const t = await getTranslations('dashboard');
  const block = 'animate-pulse rounded-lg border border-slate-200 bg-white shadow-sm';
  return (
    <div className="space-y-4" aria-busy="true" data-testid="dashboard-loading">
      <p className="sr-only" role="status">
        {t('loading')}
      </p>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-12">
        <div className={`h-40 xl:col-span-3 ${block}`} />
        <div className={`h-40 xl:col-span-4 ${block}`} />
        <div className={`h-40 md:col-span-2 xl:col-span-5 ${block}`} />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className={`h-28 ${block}`} />
        ))}
      </div>
      <div className="grid gap-4 xl:grid-cols-12">
        <div className={`h-96 xl:col-span-7 ${block}`} />
        <div className={`h-96 xl:col-span-5 ${block}`} />
      </div>
    </div>
  );
}
