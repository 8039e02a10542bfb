import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, type Locale } from './config';
import { MESSAGES } from './messages';

export type TranslateValues = Record<string, string | number | Date>;
export interface Translate {
  (key: string, values?: TranslateValues): string;
  has: (key: string) => boolean;
}

/** A translator for a locale, usable anywhere (server code, scripts, tests). */
export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const fn = ((key: string, values?: TranslateValues) => (t as unknown as (k: string, v?: TranslateValues) => string)(key, values)) as Translate;
  fn.has = (key: string) => (t as unknown as { has: (k: string) => boolean }).has(key);
  return fn;
}

export function fallbackTranslator(): Translate {
  return translator(DEFAULT_LOCALE);
}
