import 'server-only';
import { getTranslations } from '@/lib/i18n/server-translations';
import { requestLocale } from '@/lib/i18n/translate-server';
import type { ChartContext } from './chart-options';
import type { ChartTheme } from './chart-types';

/** The language and theme every chart's options are built for (the request's language). */
export async function chartContext(theme: ChartTheme): Promise<ChartContext> {
  return { locale: await requestLocale(), theme };
}

/** The money units in the user's language. */
export async function moneyUnits() {
  const t = await getTranslations('dashboard.unit');
  return { wan: t('wan'), yi: t('yi'), cnyM: t('cnyM'), cnyBn: t('cnyBn') };
}
