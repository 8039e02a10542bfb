import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { hasPermission } from '@/lib/authz';
import { formatDate, formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { MEETING_STATUSES, type MeetingStatus } from '@/lib/meetings/constants';
import { listMeetings } from '@/lib/meetings/queries';
import { meetingsSearch } from '@/lib/meetings/search-params';
import { MeetingStatusBadge } from './_components/meeting-badges';
import { scopeLabel } from './_components/scope-label';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meetings');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The dispatch meetings (调度会) the user may see, newest first; a status filter and pages in the URL. */
export default async function MeetingsPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const actor = await requireActor();
  const { status, page } = meetingsSearch.parse(await searchParams);
  const [list, rawLocale] = await Promise.all([listMeetings(actor, { status, page }), getLocale()]);
  const locale = toLocale(rawLocale);
  const t = translator(locale);
  const canCreate = hasPermission(actor, 'meeting.manage');
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (s: MeetingStatus | null, p = 1) => meetingsSearch.href('/meetings', { status: s, page: p });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-3xl">
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('meetings.title')}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('meetings.intro')}</p>
        </div>
        {canCreate ? (
          <Link
            href="/meetings/new"
            data-testid="meeting-create"
            className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
          >
            {t('meetings.new')}
          </Link>
        ) : null}
      </div>

      <nav aria-label={t('meetings.col.status')} className="flex flex-wrap gap-2" data-testid="meeting-status-filter">
        {[null, ...MEETING_STATUSES].map((s) => (
          <Link
            key={s ?? 'all'}
            href={href(s)}
            aria-current={s === status ? 'true' : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${s === status ? 'border-brand-600 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:border-brand-600'}`}
          >
            {s ? t(`meetings.status.${s}`) : t('meetings.filter.all')}
          </Link>
        ))}
      </nav>

      {list.rows.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500"
          data-testid="meetings-empty"
        >
          {status ? t('meetings.emptyFiltered') : t('meetings.empty')}
        </p>
      ) : (
        <>
          {/* Phones: cards. */}
          <ul className="space-y-2 md:hidden" data-testid="meeting-cards">
            {list.rows.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <Link href={`/meetings/${m.id}`} className="font-medium text-brand-700 hover:underline">
                  {m.title}
                </Link>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <span className="whitespace-nowrap tabular-nums">{formatDate(m.meetingDate, locale)}</span>
                  <MeetingStatusBadge status={m.status} label={t(`meetings.status.${m.status}`)} />
                  <span>{scopeLabel(t, m, locale)}</span>
                </div>
                <p className="mt-1 text-xs text-slate-500">
                  {t('meetings.col.chair')} {m.chairName ?? t('meetings.noChair')} · {t('meetings.col.agenda')} {m.agendaCount} ·{' '}
                  {m.frozenAt ? t('meetings.frozenAt', { at: formatDateTime(m.frozenAt, locale) }) : t('meetings.notFrozen')}
                </p>
              </li>
            ))}
          </ul>
          {/* Wider screens: a table. */}
          <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="meetings-table">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('meetings.col.date')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('meetings.col.title')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('meetings.col.chair')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('meetings.col.scope')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('meetings.col.status')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('meetings.col.agenda')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('meetings.col.frozen')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.rows.map((m) => (
                  <tr key={m.id} className="hover:bg-slate-50" data-testid="meeting-row">
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDate(m.meetingDate, locale)}</td>
                    <td className="px-3 py-2">
                      <Link href={`/meetings/${m.id}`} className="font-medium text-brand-700 hover:underline">
                        {m.title}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {m.chairName ?? <span className="text-slate-400">{t('meetings.noChair')}</span>}
                    </td>
                    <td className="px-3 py-2 text-slate-600">{scopeLabel(t, m, locale)}</td>
                    <td className="px-3 py-2">
                      <MeetingStatusBadge status={m.status} label={t(`meetings.status.${m.status}`)} />
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{m.agendaCount}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                      {m.frozenAt ? formatDateTime(m.frozenAt, locale) : <span className="text-slate-400">{t('meetings.notFrozen')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav className="flex items-center justify-between text-sm" aria-label={t('meetings.pagination')}>
              {list.page > 1 ? (
                <Link href={href(status, list.page - 1)} className="text-brand-700 hover:underline">
                  ←
                </Link>
              ) : (
                <span />
              )}
              <span className="tabular-nums text-slate-500">
                {list.page} / {pages}
              </span>
              {list.page < pages ? (
                <Link href={href(status, list.page + 1)} className="text-brand-700 hover:underline">
                  →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
