import { getTranslations } from '@/lib/i18n/server-translations';
import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';

/**
 * "截至 2026年10月" / "as of October 2026": the month a figure of completion against time-elapsed
 * progress is for (lib/plans/as-of.ts), in the same words on the dashboard, the project page and
 * the lights page. `data-month` holds the month ('YYYY-MM') for the tests.
 */
export async function AsOfMonth({
  month,
  locale,
  className,
  testId = 'as-of-month',
}: {
  month: string;
  locale: Locale;
  className?: string;
  testId?: string;
}) {
  const t = await getTranslations('common');
  return (
    <span className={className} data-testid={testId} data-month={month}>
      {t('asOfMonth', { month: formatMonth(month, locale) })}
    </span>
  );
}
