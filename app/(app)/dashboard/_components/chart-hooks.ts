'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { toLocale } from '@/lib/i18n/config';
import type { ChartContext } from './chart-options';
import type { ChartTheme } from './chart-types';

/** The language and theme every chart's options are built for. */
export function useCtx(theme: ChartTheme): ChartContext {
  const locale = toLocale(useLocale());
  return useMemo(() => ({ locale, theme }), [locale, theme]);
}

/** The money units in the user's language. */
export function useUnits() {
  const t = useTranslations('dashboard.unit');
  return useMemo(() => ({ wan: t('wan'), yi: t('yi'), cnyM: t('cnyM'), cnyBn: t('cnyBn') }), [t]);
}
