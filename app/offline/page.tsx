import type { Metadata } from 'next';
import { LOCALES } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { translator } from '@/lib/i18n/translate';
import { requestLocale } from '@/lib/i18n/translate-server';

/**
 * What the service worker shows for a page load without a network when the page was never
 * loaded on this device (lib/offline/worker.ts precaches it at install). It lists nothing of the
 * user's: the same page serves whoever is signed in. It says it in both languages, the user's
 * first, since the copy the worker keeps is the one of the language chosen when it was installed.
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.offlineMode');
  return { title: t('title') };
}

export default async function OfflinePage() {
  const locale = await requestLocale();
  const order = [locale, ...LOCALES.filter((l) => l !== locale)];
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10" data-testid="offline-page">
      <div className="w-full max-w-md space-y-6">
        {order.map((lang, i) => {
          const t = translator(lang, 'common.offlineMode');
          return (
            <section
              key={lang}
              lang={lang}
              className={
                i === 0
                  ? 'rounded-xl border border-amber-300 bg-amber-50 p-6 text-center shadow-sm'
                  : 'px-6 text-center text-sm text-slate-600'
              }
            >
              {i === 0 ? (
                <h1 className="text-xl font-semibold text-slate-900">{t('heading')}</h1>
              ) : (
                <h2 className="font-semibold text-slate-800">{t('heading')}</h2>
              )}
              <p className={i === 0 ? 'mt-3 text-slate-700' : 'mt-1'}>{t('body')}</p>
              <p className={i === 0 ? 'mt-2 text-slate-700' : 'mt-1'}>{t('hint')}</p>
              {i === 0 && (
                <a
                  href="/inbox"
                  className="mt-5 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
                >
                  {t('openInbox')}
                </a>
              )}
            </section>
          );
        })}
      </div>
    </main>
  );
}
