import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import type { MeetingChanges } from '@/lib/meetings/queries';
import { compareMoney, formatWan } from '@/lib/money';
import { LightPill } from '../../_components/meeting-badges';

/** 与上次调度会相比: the counts, then the projects that changed (lights, investment, milestones). */
export function ChangesPanel({ changes, t, locale }: { changes: MeetingChanges; t: Translate; locale: Locale }) {
  const en = locale === 'en';
  if (!changes.frozenAt)
    return (
      <p className="text-sm text-slate-500" data-testid="changes-empty">
        {t('meetings.changes.notFrozen')}
      </p>
    );
  if (!changes.previous)
    return (
      <p className="text-sm text-slate-500" data-testid="changes-empty">
        {t('meetings.changes.noPrevious')}
      </p>
    );
  // The change in 万元 (the sentence carries the unit), signed, with the decimals of every table.
  const delta = `${compareMoney(changes.investmentDelta, '0') < 0 ? '' : '+'}${formatWan(changes.investmentDelta, locale, { unit: false })}`;
  const stats = [
    { key: 'lights', label: t('meetings.changes.lights'), value: String(changes.lightsChanged) },
    { key: 'milestones', label: t('meetings.changes.milestones'), value: String(changes.milestonesChanged) },
    { key: 'opened', label: t('meetings.changes.problemsOpened'), value: String(changes.problemsOpened) },
    { key: 'closed', label: t('meetings.changes.problemsClosed'), value: String(changes.problemsClosed) },
  ];
  const light = (l: MeetingChanges['projects'][number]['lightAfter']) =>
    l ? (
      <LightPill light={l} label={t(`lights.light.${l}`)} />
    ) : (
      <span className="text-xs text-slate-400">{t('meetings.changes.noLight')}</span>
    );
  return (
    <div className="space-y-3" data-testid="changes">
      <p className="text-sm text-slate-600">
        {t('meetings.changes.since', { title: changes.previous.title, date: formatDate(changes.previous.meetingDate, locale) })}
      </p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.key} className="rounded-md border border-slate-200 px-3 py-2" data-testid={`changes-${s.key}`}>
            <dt className="text-xs text-slate-500">{s.label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{s.value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-700" data-testid="changes-investment">
        <span className="text-slate-500">{t('meetings.changes.investmentLabel')}</span>
        {t('meetings.changes.investmentValue', {
          before: formatWan(changes.investmentBefore, locale),
          after: formatWan(changes.investmentAfter, locale),
          delta,
        })}
      </p>
      {changes.projects.length === 0 ? (
        <p className="text-sm text-slate-500">{t('meetings.changes.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="changes-table">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1.5 pr-3">
                  {t('meetings.changes.colProject')}
                </th>
                <th scope="col" className="py-1.5 pr-3">
                  {t('meetings.changes.colLight')}
                </th>
                <th scope="col" className="py-1.5 pr-3 text-right">
                  {t('meetings.changes.colInvestment')}
                </th>
                <th scope="col" className="py-1.5">
                  {t('meetings.changes.colMilestones')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {changes.projects.map((p) => (
                <tr key={p.projectId} className="align-top">
                  <td className="py-1.5 pr-3">
                    <span className="font-medium text-slate-900">{en ? (p.nameEn ?? p.name) : p.name}</span>
                    {p.presence !== 'both' ? (
                      <span className="ml-1 text-xs text-slate-500">({t(`meetings.changes.${p.presence}`)})</span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap py-1.5 pr-3">
                    {p.lightBefore === p.lightAfter ? (
                      light(p.lightAfter)
                    ) : (
                      <span className="inline-flex items-center gap-1">
                        {light(p.lightBefore)} <span aria-hidden>→</span> {light(p.lightAfter)}
                      </span>
                    )}
                  </td>
                  <td className="whitespace-nowrap py-1.5 pr-3 text-right tabular-nums">
                    {compareMoney(p.investmentDelta, '0') === 0
                      ? formatWan(p.investmentAfter, locale)
                      : `${formatWan(p.investmentBefore, locale)} → ${formatWan(p.investmentAfter, locale)}`}
                  </td>
                  <td className="py-1.5 text-slate-700">
                    {p.milestones.map((m) => (
                      <p key={m.milestoneId}>
                        {t(`meetings.changes.milestone.${m.change}`, {
                          name: en ? (m.nameEn ?? m.name) : m.name,
                          from: m.from ? formatDate(m.from, locale) : '—',
                          to: m.to ? formatDate(m.to, locale) : '—',
                        })}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {changes.changedCount > changes.projects.length ? (
            <p className="mt-2 text-xs text-slate-500">
              {t('meetings.changes.more', { count: changes.changedCount - changes.projects.length })}
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
