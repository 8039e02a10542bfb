import { getRequestConfig } from 'next-intl/server';
import { appTimeZone } from '@/lib/time-zone';
import { MESSAGES } from './messages';
import { requestLocale } from './translate-server';

// next-intl without i18n routing: the language is a remembered cookie, not a URL prefix.
// The time zone is the deployment's (lib/time-zone); NextIntlClientProvider passes it on to
// client components (useTimeZone()).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: appTimeZone() };
});
