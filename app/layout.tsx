import type { Metadata, Viewport } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { ClientMessages } from './_components/client-messages';
import { HydrationMarker } from './_components/hydration-marker';
import { ZodBrowserConfig } from './_components/zod-browser-config';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { default: t('appName'), template: `%s · ${t('appShort')}` } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <ZodBrowserConfig />
        <HydrationMarker />
        {/* The lists' URL state (lib/url-state.ts, app/_components/table/use-url-state.ts). */}
        <NuqsAdapter>
          <ClientMessages>{children}</ClientMessages>
        </NuqsAdapter>
      </body>
    </html>
  );
}
