import { getTranslations } from '@/lib/i18n/server-translations';
import type { Light } from '@/db/schema/enums';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { OverrideView, ProjectLightDetail } from '@/lib/lights/queries';
import { renderReason } from '@/lib/lights/reasons';
import { LightOverrideForm } from './light-override-form';

const DOT: Record<Light, string> = {
  green: 'bg-emerald-500 ring-emerald-200',
  yellow: 'bg-amber-400 ring-amber-200',
  red: 'bg-red-500 ring-red-200',
};

const CHIP: Record<Light, string> = {
  green: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  yellow: 'border-amber-200 bg-amber-50 text-amber-900',
  red: 'border-red-200 bg-red-50 text-red-800',
};

function LightChip({ light, label, large }: { light: Light; label: string; large?: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 font-medium ${CHIP[light]} ${large ? 'text-base' : 'text-xs'}`}
      data-light={light}
    >
      <span aria-hidden className={`inline-block rounded-full ring-2 ${DOT[light]} ${large ? 'h-3 w-3' : 'h-2 w-2'}`} />
      {label}
    </span>
  );
}

/**
 * The project's red/yellow/green panel: the current computed light with its reasons and the rule
 * set version, any active override (both are shown), the override form for who may, and the
 * light per period. Data: getProjectLight(actor, projectId) from lib/lights/queries.
 */
export async function LightPanel({
  data,
  locale,
  today,
  canOverride,
}: {
  /** getProjectLight(actor, project.id); null when nothing to show (not visible). */
  data: ProjectLightDetail | null;
  locale: Locale;
  /** today() from lib/clock: the override form's earliest end date. */
  today: string;
  /** canOverrideLight(actor, project) from lib/lights/overrides. */
  canOverride: boolean;
}) {
  if (!data) return null;
  const t = await getTranslations('lights');
  const tr = translator(locale);
  const { current, history, overrides } = data;
  const computed = current.computed;
  const override = current.override;
  const lightLabel = (l: Light) => t(`light.${l}`);

  const overrideLine = (o: OverrideView) =>
    t('panel.overrideBy', { name: o.createdByName ?? '—', at: formatDateTime(o.createdAt, locale), endsOn: formatDate(o.endsOn, locale) });

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="light-panel-title" data-testid="light-panel">
      <h2 id="light-panel-title" className="text-base font-semibold text-slate-900">
        {t('panel.title')}
      </h2>

      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div className="rounded-md border border-slate-200 p-3" data-testid="light-computed">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('panel.computed')}</p>
          {computed ? (
            <>
              <div className="mt-1.5 flex flex-wrap items-center gap-2">
                <LightChip light={computed.light} label={lightLabel(computed.light)} large />
                <span className="text-sm text-slate-600">
                  {t('panel.period', { start: formatDate(computed.periodStart, locale), end: formatDate(computed.periodEnd, locale) })}
                </span>
              </div>
              {computed.measures.completionPct != null && computed.measures.timeElapsedPct != null ? (
                <p className="mt-2 text-sm text-slate-700">
                  {t('panel.figures', { completion: computed.measures.completionPct, elapsed: computed.measures.timeElapsedPct })}
                </p>
              ) : null}
              {computed.reasons.length ? (
                <ul className="mt-2 space-y-1 text-sm text-slate-800" data-testid="light-reasons">
                  {computed.reasons.map((r, i) => (
                    <li key={i} className="flex gap-2">
                      <span aria-hidden className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${DOT[r.light]}`} />
                      {renderReason(tr, r, locale)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-slate-600">{t('panel.noReasons')}</p>
              )}
              <p className="mt-2 text-xs text-slate-500">{t('panel.ruleSet', { name: computed.ruleSetName, version: computed.ruleSetVersion })}</p>
            </>
          ) : (
            <p className="mt-1.5 text-sm text-slate-600">{t('panel.notComputed')}</p>
          )}
        </div>

        <div className="rounded-md border border-slate-200 p-3" data-testid="light-override">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('panel.override')}</p>
          {override ? (
            <div className="mt-1.5 space-y-1.5">
              <LightChip light={override.light} label={lightLabel(override.light)} large />
              <p className="text-sm text-slate-800">{t('panel.overrideReason', { reason: override.reason })}</p>
              <p className="text-xs text-slate-500">{overrideLine(override)}</p>
            </div>
          ) : null}
          {canOverride ? (
            <LightOverrideForm
              projectId={data.current.projectId}
              today={today}
              active={override ? { id: override.id, version: override.version } : null}
            />
          ) : !override ? (
            <p className="mt-1.5 text-sm text-slate-500">—</p>
          ) : null}
        </div>
      </div>

      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('panel.history')}</h3>
      {history.length ? (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="light-history">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('panel.colPeriod')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('panel.colComputed')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('panel.colOverride')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('panel.colReasons')}</th>
                <th scope="col" className="py-1.5 font-medium">{t('panel.colRuleSet')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.periodId} className="border-b border-slate-100 align-top">
                  <td className="whitespace-nowrap py-1.5 pr-3 text-slate-700">
                    {formatDate(h.periodStart, locale)} – {formatDate(h.periodEnd, locale)}
                  </td>
                  <td className="py-1.5 pr-3">
                    <LightChip light={h.light} label={lightLabel(h.light)} />
                  </td>
                  <td className="py-1.5 pr-3">
                    {h.override ? (
                      <span title={h.override.reason}>
                        <LightChip light={h.override.light} label={lightLabel(h.override.light)} />
                      </span>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 text-slate-700">
                    {h.reasons.length ? h.reasons.map((r, i) => <div key={i}>{renderReason(tr, r, locale)}</div>) : <span className="text-slate-400">—</span>}
                  </td>
                  <td className="whitespace-nowrap py-1.5 text-xs text-slate-500">
                    {h.ruleSetName} · v{h.ruleSetVersion}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-500">{t('panel.historyEmpty')}</p>
      )}

      {overrides.length ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('panel.overrides')}</h3>
          <ul className="mt-2 space-y-1.5 text-sm" data-testid="light-overrides">
            {overrides.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2 text-slate-700">
                <LightChip light={o.light} label={lightLabel(o.light)} />
                <span>{o.reason}</span>
                <span className="text-xs text-slate-500">{overrideLine(o)}</span>
                {o.clearedAt ? (
                  <span className="text-xs text-slate-500">
                    {t('panel.overrideCleared', { name: o.clearedByName ?? '—', at: formatDateTime(o.clearedAt, locale) })}
                  </span>
                ) : !o.active ? (
                  <span className="text-xs text-slate-500">{t('panel.overrideEnded')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
