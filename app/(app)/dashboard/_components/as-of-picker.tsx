'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useHydrated } from '@/app/_components/use-hydrated';
import { useUrlState } from '@/app/_components/table/use-url-state';
import { asOfSearch } from '@/lib/dashboard/search-params';
import { formatMonth } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';

/**
 * The dashboard's as-of month (?asOf=YYYY-MM): a select of the reported months (lib/plans/as-of.ts),
 * newest first. The latest is the default and is left out of the URL; the other filters of the
 * page stay as they are (nuqs changes only this key).
 */
export function AsOfPicker({ options, current }: { options: string[]; current: string | null }) {
  const t = useTranslations('dashboard.asOfPicker');
  const locale = toLocale(useLocale());
  const { go, pending } = useUrlState(asOfSearch);
  const ready = useHydrated();
  if (options.length === 0) return null;
  const latest = options[options.length - 1]!;
  return (
    <label
      className="inline-flex items-center gap-2 text-sm text-slate-600"
      title={t('hint')}
      data-testid="as-of-picker"
      data-ready={ready ? 'true' : 'false'}
      aria-busy={pending}
    >
      {t('label')}
      <select
        value={current ?? latest}
        onChange={(e) => go({ asOf: e.target.value === latest ? null : e.target.value })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 shadow-sm"
      >
        {[...options].reverse().map((m) => (
          <option key={m} value={m}>
            {m === latest ? t('latest', { month: formatMonth(m, locale) }) : formatMonth(m, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
