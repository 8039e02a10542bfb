import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getRuleSetAdmin } from '@/lib/lights/queries';
import { RestoreVersion } from './_components/restore-version';
import { RuleSetEditor } from './_components/rule-set-editor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('lights');
  return { title: t('rules.title') };
}

/** The administrator edits the active light rule set; every save is a new version. */
export default async function RulesPage() {
  await connection();
  const actor = await requireActor();
  const [view, t, rawLocale] = await Promise.all([getRuleSetAdmin(actor), getTranslations('lights'), getLocale()]);
  // Not permitted: the page does not exist for them.
  if (!view) notFound();
  const locale = toLocale(rawLocale);
  const { active, versions } = view;
  // Every save and restore inserts the next version of the family (lib/lights/rule-sets.ts).
  const nextVersion = Math.max(0, ...versions.map((v) => v.version)) + 1;
  // The version the active one replaced: the newest inactive one (versions are newest first).
  const previousId = versions.find((v) => !v.active)?.id;
  const rowsOf = (rs: (typeof versions)[number]['rules']) =>
    rs.map((r) => ({ measure: r.measure, comparison: r.comparison, threshold: String(r.threshold), light: r.light }));

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('rules.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('rules.subtitle')}</p>
      </div>

      {active ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="rules-active">
          <h2 id="rules-active" className="text-base font-semibold text-slate-900">
            {t('rules.active', { version: active.version })}
          </h2>
          <RuleSetEditor key={active.id} ruleSetId={active.id} nextVersion={nextVersion} name={active.name} rules={rowsOf(active.rules)} />
        </section>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t('rules.none')}</p>
      )}

      {versions.length ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="rules-versions">
          <h2 id="rules-versions" className="text-base font-semibold text-slate-900">
            {t('rules.versions')}
          </h2>
          <ol className="mt-2 divide-y divide-slate-100" data-testid="rule-versions">
            {versions.map((v) => (
              <li key={v.id} className="py-2.5">
                <p className="break-words text-sm font-medium text-slate-800">
                  {v.name}{' '}
                  <span className="font-normal text-slate-500">
                    {t('rules.versionLine', {
                      version: v.version,
                      at: formatDateTime(v.createdAt, locale),
                      by: v.createdByName ?? t('rules.system'),
                    })}
                  </span>
                  {v.active ? (
                    <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{t('rules.current')}</span>
                  ) : null}
                </p>
                {v.note ? <p className="break-words text-sm text-slate-600">{v.note}</p> : null}
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
                  {v.rules.map((r) => (
                    <li key={r.id ?? `${r.measure}-${r.sort}`}>
                      {t(`measure.${r.measure}`)} {r.comparison === 'gt' ? '>' : '≥'} {r.threshold} → {t(`light.${r.light}`)}
                    </li>
                  ))}
                </ul>
                {active && !v.active ? (
                  <RestoreVersion
                    key={`${active.id}-${v.id}`}
                    activeId={active.id}
                    fromId={v.id}
                    fromVersion={v.version}
                    nextVersion={nextVersion}
                    rules={rowsOf(v.rules)}
                    label={v.id === previousId ? t('rules.restorePrevious', { version: v.version }) : t('rules.restore')}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
