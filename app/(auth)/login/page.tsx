import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server-translations';
import { redirect } from 'next/navigation';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { ClearOfflinePages } from '@/app/_components/offline/clear-on-sign-in-page';
import { getActor } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/request-origin';
import { FALLBACK_PATH, safeCallbackPath } from '@/lib/http/safe-redirect';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, params, t] = await Promise.all([getActor(), searchParams, getTranslations()]);
  if (actor) redirect('/dashboard');
  // Only a same-origin path survives (lib/http/safe-redirect.ts); the sign-in action checks it again.
  const safe = safeCallbackPath(params.callbackUrl, await requestOrigin());
  const cb = safe === FALLBACK_PATH ? undefined : safe;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <ClearOfflinePages />
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div
            className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-brand-600 text-xl font-bold text-white"
            aria-hidden
          >
            调
          </div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('common.appName')}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('auth.title')}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={cb} />
        </div>
        <div className="mt-4 flex justify-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
