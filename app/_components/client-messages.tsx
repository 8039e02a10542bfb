import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';
import { pickMessages, type MessageTree } from '@/lib/i18n/pick-messages';

type Namespace = keyof Messages;
/** A namespace, or one part of it ("lights.overrideForm"). */
export type MessagePath = Namespace | `${Namespace}.${string}`;

/** What every page's client components may need: the header, tables, forms, enum labels. */
const BASE: readonly MessagePath[] = ['common', 'errors', 'validation', 'enums', 'inbox'];

/**
 * The message catalogue sent to the browser, limited to the messages a route's client
 * components use. Without this every page carried the whole catalogue (over 60 KB) in its
 * HTML and RSC payload, which cost CPU on every request. The root layout sends BASE; each
 * route segment layout adds its own namespaces or parts of them. (A nested provider replaces
 * the outer one's messages, so BASE is always included.)
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly MessagePath[]; children: ReactNode }) {
  const all = (await getMessages()) as unknown as MessageTree;
  return <NextIntlClientProvider messages={pickMessages(all, [...BASE, ...namespaces])}>{children}</NextIntlClientProvider>;
}

/** A route segment layout that adds these messages for its client components. */
export function withMessages(namespaces: readonly MessagePath[]) {
  return function SegmentMessages({ children }: { children: ReactNode }) {
    return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>;
  };
}
