import { formatTime } from '@/lib/format';
import { getTranslations } from '@/lib/i18n/server-translations';
import type { Locale } from '@/lib/i18n/config';

/**
 * "数据更新于 HH:mm": when the figures were computed. They may come from the dashboard's
 * short-lived cache (lib/cache/cache.ts), so this can be a little earlier than the page.
 */
export async function FiguresAsOf({ computedAt, locale, className }: { computedAt: string; locale: Locale; className?: string }) {
  const t = await getTranslations('dashboard');
  return (
    <p className={className} data-testid="figures-as-of" data-computed-at={computedAt}>
      <time dateTime={computedAt}>{t('figuresAsOf', { time: formatTime(computedAt, locale) })}</time>
    </p>
  );
}
