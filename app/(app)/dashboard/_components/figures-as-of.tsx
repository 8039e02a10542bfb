import { getTranslations } from '@/lib/i18n/server-translations';
import type { Locale } from '@/lib/i18n/config';

const formats = new Map<string, Intl.DateTimeFormat>();

/** HH:mm of an instant in the deployment's time zone (as lib/clock's today()). */
export function clockTime(iso: string, locale: Locale): string {
  const tz = process.env.APP_TIME_ZONE ?? 'Asia/Shanghai';
  const key = `${locale}|${tz}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: tz });
    formats.set(key, f);
  }
  return f.format(new Date(iso));
}

/**
 * "数据更新于 HH:mm": when the figures were computed. They may come from the dashboard's
 * short-lived cache (lib/dashboard/cache.ts), so this can be a little earlier than the page.
 */
export async function FiguresAsOf({ computedAt, locale, className }: { computedAt: string; locale: Locale; className?: string }) {
  const t = await getTranslations('dashboard');
  return (
    <p className={className} data-testid="figures-as-of" data-computed-at={computedAt}>
      <time dateTime={computedAt}>{t('figuresAsOf', { time: clockTime(computedAt, locale) })}</time>
    </p>
  );
}
