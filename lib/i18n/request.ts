import { getRequestConfig } from 'next-intl/server';
import { TIME_ZONE } from './config';
import { MESSAGES } from './messages';
import { requestLocale } from './translate-server';

// next-intl without i18n routing: the language is a remembered cookie, not a URL prefix.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
