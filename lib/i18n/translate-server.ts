import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale, type Locale } from './config';
import { translator, type Translate } from './translate';

export async function requestLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/** The translator for the current request's language (server actions, route handlers). */
export async function requestTranslator(): Promise<Translate> {
  return translator(await requestLocale());
}
