import { createTranslator } from 'use-intl/core';
import { appTimeZone } from '@/lib/time-zone';
import { DEFAULT_LOCALE, type Locale } from './config';
import { MESSAGES } from './messages';

export type TranslateValues = Record<string, string | number | Date>;
export interface Translate {
  (key: string, values?: TranslateValues): string;
  has: (key: string) => boolean;
}

/**
 * One translator per language and namespace for the life of the process. The catalogues are
 * static, and each translator keeps the messages it has parsed (use-intl's message cache), so a
 * message is parsed once per process instead of once per request.
 */
const translators = new Map<string, Translate>();

/** A translator for a locale (and optionally a namespace) in the app's time zone, usable anywhere (server code, scripts, tests). */
export function translator(locale: Locale, namespace?: string): Translate {
  const timeZone = appTimeZone();
  const id = `${timeZone}|${namespace ? `${locale}:${namespace}` : locale}`;
  let fn = translators.get(id);
  if (!fn) {
    // Namespaces are plain strings here (the catalogue is not typed per key in this project).
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: namespace as never, timeZone }) as unknown as {
      (k: string, v?: TranslateValues): string;
      has: (k: string) => boolean;
    };
    fn = ((key: string, values?: TranslateValues) => t(key, values)) as Translate;
    fn.has = (key: string) => t.has(key);
    translators.set(id, fn);
  }
  return fn;
}

export function fallbackTranslator(): Translate {
  return translator(DEFAULT_LOCALE);
}
