'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocale } from '@/lib/i18n/actions';

/** Switches between Chinese and English; the choice is remembered in a cookie. */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      lang={next}
      data-testid="language-switch"
      disabled={pending}
      aria-label={`${t('language')}: ${t('switchTo')}`}
      onClick={() =>
        start(async () => {
          await setLocale(next);
          router.refresh();
        })
      }
      className={`rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60 ${className}`}
    >
      {t('switchTo')}
    </button>
  );
}
