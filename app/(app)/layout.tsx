import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { HeaderMenu } from '@/app/_components/header-menu';
import { InboxLink } from '@/app/_components/inbox-link';
import { DemoBanner } from '@/app/_components/demo-banner';
import { DraftScope } from '@/app/_components/form/draft-scope';
import { NavLinks } from '@/app/_components/nav-links';
import { OfflineIndicator } from '@/app/_components/offline/offline-indicator';
import { ServiceWorkerRegistration } from '@/app/_components/offline/service-worker';
import { SignOutForm } from '@/app/_components/offline/sign-out-form';
import { requireActor } from '@/lib/auth/session';
import { hasPermission } from '@/lib/authz';
import { unreadCount } from '@/lib/notifications/queries';
import { getCountyName } from '@/lib/reference/queries';

export default async function AppLayout({ children }: { children: ReactNode }) {
  await connection();
  const actor = await requireActor();
  const [t, locale, county, unread] = await Promise.all([
    getTranslations(),
    getLocale(),
    getCountyName(actor.countyId),
    unreadCount(actor),
  ]);
  const links = [
    { href: '/dashboard', label: t('common.nav.dashboard') },
    { href: '/projects', label: t('common.nav.projects') },
    { href: '/reports', label: t('common.nav.reports') },
    { href: '/problems', label: t('common.nav.problems') },
    { href: '/procedures', label: t('common.nav.procedures') },
    { href: '/lights', label: t('lights.ops.nav') },
    { href: '/meetings', label: t('common.nav.meetings') },
  ];
  if (hasPermission(actor, 'user.manage')) links.push({ href: '/admin/users', label: t('common.nav.users') });
  if (hasPermission(actor, 'ruleset.edit')) links.push({ href: '/admin/rules', label: t('common.nav.rules') });
  if (hasPermission(actor, 'reference.manage') && actor.countyId === null)
    links.push({ href: '/admin/reference', label: t('common.nav.reference') });
  const scope = county ? (locale === 'en' ? county.nameEn : county.nameZh) : t('common.scopePrefecture');
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('common.skipToContent')}
      </a>
      <header className="sticky top-0 z-30 border-b border-brand-800 bg-brand-700 text-white shadow-sm" data-testid="app-header">
        <div className="mx-auto flex max-w-screen-2xl items-center gap-x-6 gap-y-2 px-4 py-2.5 lg:flex-wrap">
          <Link href="/dashboard" className="flex min-w-0 items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md bg-white/15 text-sm" aria-hidden>
              调
            </span>
            <span className="truncate whitespace-nowrap">{t('common.appName')}</span>
          </Link>
          <HeaderMenu>
            <div className="flex flex-col items-stretch gap-1 lg:flex-row lg:flex-wrap lg:items-center">
              <InboxLink initialCount={unread} />
              <NavLinks links={links} />
            </div>
            <div className="flex flex-wrap items-center gap-3 border-t border-white/20 pt-3 text-sm lg:ml-auto lg:flex-nowrap lg:border-0 lg:pt-0">
              <span className="mr-auto block leading-tight lg:mr-0 lg:text-right" data-testid="current-user">
                <span className="block font-medium">{actor.displayName}</span>
                <span className="block text-xs text-white/75">
                  {t(`enums.role.${actor.role}`)} · {scope}
                </span>
              </span>
              <LanguageSwitch className="border-white/40 bg-transparent text-white hover:bg-white/10" />
              <SignOutForm label={t('common.signOut')} />
            </div>
          </HeaderMenu>
        </div>
        <OfflineIndicator />
      </header>
      <ServiceWorkerRegistration />
      <DemoBanner />
      <main id="main" className="mx-auto w-full max-w-screen-2xl flex-1 px-3 py-4 sm:px-4 sm:py-6">
        <DraftScope owner={actor.id}>{children}</DraftScope>
      </main>
    </div>
  );
}
