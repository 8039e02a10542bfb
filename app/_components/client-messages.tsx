import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';

type Namespace = keyof Messages;

/** What every page's client components may need: the header, tables, forms, enum labels. */
const BASE: readonly Namespace[] = ['common', 'errors', 'validation', 'enums', 'inbox'];

/**
 * The message catalogue sent to the browser, limited to the namespaces a route's client
 * components use. Without this every page carried the whole catalogue (over 60 KB) in its
 * HTML and RSC payload, which cost CPU on every request. The root layout sends BASE; each
 * route segment layout adds its own namespaces. (A nested provider replaces the outer one's
 * messages, so BASE is always included.)
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly Namespace[]; children: ReactNode }) {
  const all = (await getMessages()) as unknown as Messages;
  const picked: Partial<Messages> = {};
  for (const ns of [...BASE, ...namespaces]) (picked as Record<string, unknown>)[ns] = all[ns];
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}

/** A route segment layout that adds these namespaces for its client components. */
export function withMessages(namespaces: readonly Namespace[]) {
  return function SegmentMessages({ children }: { children: ReactNode }) {
    return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>;
  };
}
