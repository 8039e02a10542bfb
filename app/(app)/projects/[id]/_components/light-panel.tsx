import { getTranslations } from '@/lib/i18n/server-translations';
import type { Light } from '@/db/schema/enums';
import { AsOfMonth } from '@/app/_components/as-of-month';
import { formatDate, formatDateTime, formatMonth } from '@/lib/format';
import { monthEnd } from '@/lib/plans/as-of';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { OverrideView, ProjectLightDetail } from '@/lib/lights/queries';
import { renderReason } from '@/lib/lights/reasons';
import { formatPercentNumber } from '@/lib/money';
import { DOT, LightChip } from './light-chip';
import { LightHistoryTable } from './light-history-table';
import { LightOverrideForm } from './light-override-form';

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
  asOfMonth = null,
}: {
  /** getProjectLight(actor, project.id); null when nothing to show (not visible). */
  data: ProjectLightDetail | null;
  locale: Locale;
  /** today() from lib/clock: the override form's earliest end date. */
  today: string;
  /** can(actor, 'light.override', the project) — the page decides. */
  canOverride: boolean;
  /** The month of the page's other 序时进度 figures (the plan section, lib/plans/as-of.ts). */
  asOfMonth?: string | null;
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
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="light-panel-title"
      data-testid="light-panel"
    >
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
                <LightFigures
                  periodEnd={computed.periodEnd}
                  pageMonth={asOfMonth}
                  locale={locale}
                  text={t('panel.figures', {
                    completion: formatPercentNumber(computed.measures.completionPct, locale),
                    elapsed: formatPercentNumber(computed.measures.timeElapsedPct, locale),
                  })}
                />
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
              <p className="mt-2 text-xs text-slate-500">
                {t('panel.ruleSet', { name: computed.ruleSetName, version: computed.ruleSetVersion })}
              </p>
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
        <LightHistoryTable
          labels={{
            period: t('panel.colPeriod'),
            computed: t('panel.colComputed'),
            override: t('panel.colOverride'),
            reasons: t('panel.colReasons'),
            ruleSet: t('panel.colRuleSet'),
          }}
          rows={history.map((h) => ({
            periodId: h.periodId,
            period: `${formatDate(h.periodStart, locale)} – ${formatDate(h.periodEnd, locale)}`,
            light: h.light,
            lightLabel: lightLabel(h.light),
            override: h.override ? { light: h.override.light, label: lightLabel(h.override.light), reason: h.override.reason } : null,
            reasons: h.reasons.map((r) => renderReason(tr, r, locale)),
            ruleSet: `${h.ruleSetName} · v${h.ruleSetVersion}`,
          }))}
        />
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

/**
 * The light's completion and 序时进度, with the month they are for: the light was computed as at
 * its period's end, so a 旬 that ends mid-month gives that date, and a month other than the page's
 * as-of month is said in so many words instead of showing an unexplained different figure.
 */
async function LightFigures({
  periodEnd,
  pageMonth,
  locale,
  text,
}: {
  periodEnd: string;
  pageMonth: string | null;
  locale: Locale;
  text: string;
}) {
  const t = await getTranslations('lights');
  const month = periodEnd.slice(0, 7);
  const wholeMonth = monthEnd(month) === periodEnd;
  const differs = pageMonth !== null && (!wholeMonth || month !== pageMonth);
  const when = wholeMonth ? formatMonth(month, locale) : formatDate(periodEnd, locale);
  return (
    <p className="mt-2 text-sm text-slate-700" data-testid="light-figures">
      {wholeMonth ? (
        <AsOfMonth month={month} locale={locale} testId="light-as-of" className="font-medium" />
      ) : (
        <span className="font-medium" data-testid="light-as-of" data-date={periodEnd}>
          {t('planSection.asOf', { date: when })}
        </span>
      )}
      {' · '}
      {text}
      {differs ? (
        <span className="mt-1 block text-xs text-amber-800" data-testid="light-other-month">
          {t('panel.otherMonth', { month: when, pageMonth: formatMonth(pageMonth, locale) })}
        </span>
      ) : null}
    </p>
  );
}
