import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server-translations';
import type { Light } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { CurrentLightRow } from '@/lib/lights/list-lights';
import { lightsSearch } from '@/lib/lights/search-params';
import { renderReason } from '@/lib/lights/reasons';

const CHIP: Record<Light, string> = {
  green: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  yellow: 'border-amber-200 bg-amber-50 text-amber-900',
  red: 'border-red-200 bg-red-50 text-red-800',
};
const DOT: Record<Light, string> = {
  green: 'bg-emerald-500',
  yellow: 'bg-amber-400',
  red: 'bg-red-500',
};

export function LightBadge({ light, label }: { light: Light; label: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-xs font-medium ${CHIP[light]}`}
      data-light={light}
    >
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${DOT[light]}`} />
      {label}
    </span>
  );
}

/** Links that filter the table by light (?light=red); the current one is marked. */
export async function LightFilter({ current, year }: { current: Light | null; year: number | null }) {
  const t = await getTranslations('lights');
  const options: (Light | null)[] = [null, 'red', 'yellow', 'green'];
  return (
    <nav aria-label={t('ops.filter.label')} className="flex flex-wrap gap-1.5" data-testid="light-filter">
      {options.map((l) => {
        const active = l === current;
        return (
          <Link
            key={l ?? 'all'}
            href={lightsSearch.href('/lights', { light: l, year })}
            aria-current={active ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${active ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
          >
            {l ? t(`light.${l}`) : t('ops.filter.all')}
          </Link>
        );
      })}
    </nav>
  );
}

/** The current light per project: name (link), light, the first reason sentence, and an active override. */
export async function LightsTable({ rows, locale, filtered }: { rows: CurrentLightRow[]; locale: Locale; filtered: boolean }) {
  const t = await getTranslations('lights');
  const tr = translator(locale);
  const lightLabel = (l: Light) => t(`light.${l}`);

  if (rows.length === 0) {
    return (
      <p
        className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500"
        data-testid="lights-table"
      >
        {filtered ? t('ops.table.emptyFiltered') : t('ops.table.empty')}
      </p>
    );
  }

  return (
    // Below md each project is a card (name, light, reason, override, each labelled); from md
    // up the table scrolls inside its own frame if it must.
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white md:shadow-sm">
      <table className="text-sm max-md:block md:min-w-full md:divide-y md:divide-slate-200" data-testid="lights-table">
        <caption className="sr-only">{t('ops.table.caption', { count: rows.length })}</caption>
        <thead className="bg-slate-50 max-md:hidden">
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="px-3 py-2 font-medium">
              {t('ops.table.project')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('ops.table.light')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('ops.table.reason')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('ops.table.override')}
            </th>
          </tr>
        </thead>
        <tbody className="max-md:block max-md:space-y-2 md:divide-y md:divide-slate-100">
          {rows.map((r) => {
            const name = locale === 'en' ? (r.nameEn ?? r.name) : r.name;
            const reason = r.computed?.reasons[0];
            return (
              <tr
                key={r.projectId}
                className="align-top max-md:block max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-3 max-md:shadow-sm"
                data-testid={`light-row-${r.code}`}
              >
                <th scope="row" className="text-left font-normal max-md:block md:px-3 md:py-2">
                  <Link href={`/projects/${r.projectId}`} className="font-medium text-brand-700 hover:underline">
                    {name}
                  </Link>
                  <span className="block text-xs text-slate-500">{r.code}</span>
                </th>
                <td className="max-md:mt-1.5 max-md:block md:px-3 md:py-2">
                  {r.effective ? (
                    <LightBadge light={r.effective} label={lightLabel(r.effective)} />
                  ) : (
                    <span className="text-slate-500">{t('light.none')}</span>
                  )}
                  {r.override && r.computed && r.computed.light !== r.override.light ? (
                    <span className="mt-1 block text-xs text-slate-500">
                      {t('ops.table.computedWas', { light: lightLabel(r.computed.light) })}
                    </span>
                  ) : null}
                </td>
                <td className="text-slate-700 max-md:mt-1.5 max-md:block md:px-3 md:py-2">
                  <span className="block text-xs text-slate-500 md:hidden">{t('ops.table.reason')}</span>
                  {reason ? (
                    renderReason(tr, reason, locale)
                  ) : r.computed ? (
                    <span className="text-slate-500">{t('ops.table.noReason')}</span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="text-slate-700 max-md:mt-1.5 max-md:block md:px-3 md:py-2">
                  <span className="block text-xs text-slate-500 md:hidden">{t('ops.table.override')}</span>
                  {r.override
                    ? t('ops.table.overrideLine', {
                        light: lightLabel(r.override.light),
                        endsOn: formatDate(r.override.endsOn, locale),
                        reason: r.override.reason,
                      })
                    : t('ops.table.noOverride')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
