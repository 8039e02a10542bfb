import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { PROBLEM_TYPES } from '@/db/schema/enums';
import { requireActor } from '@/lib/auth/session';
import { addDays, today } from './_components/dates';
import { formatDate, formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { getMeeting, getMeetingChanges, meetingFormOptions, meetingProjectChoices } from '@/lib/meetings/queries';
import { agendaItemTitle, agendaReasonTexts } from '@/lib/meetings/reasons';
import { getReferenceData, offered } from '@/lib/reference/queries';
import { MeetingStatusBadge } from '../_components/meeting-badges';
import { scopeLabel } from '../_components/scope-label';
import { AgendaEditor, type AgendaItemProps } from './_components/agenda-editor';
import { ChangesPanel } from './_components/changes-panel';
import { MeetingSteps } from './_components/meeting-steps';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = translator(toLocale(await getLocale()));
  const id = parseId((await params).id);
  if (!id) return { title: t('common.notFoundTitle') };
  const actor = await requireActor();
  const m = await getMeeting(actor, id);
  return { title: m ? m.title : t('common.notFoundTitle') };
}

function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <h2 id={id} className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="p-4">{children}</div>
    </section>
  );
}

/** One dispatch meeting: its steps, the frozen table and exports, the changes, the agenda and decisions. */
export default async function MeetingPage({ params }: Params) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [m, changes, rawLocale] = await Promise.all([getMeeting(actor, id), getMeetingChanges(actor, id), getLocale()]);
  if (!m || !changes) notFound();
  const locale = toLocale(rawLocale);
  const en = locale === 'en';
  const t = translator(locale);
  const canEdit = m.canManage && m.status !== 'published';
  const canDecide = m.canManage && m.status === 'held';
  const [ref, opts, choices] = canEdit
    ? await Promise.all([getReferenceData(actor), meetingFormOptions(actor), meetingProjectChoices(actor, m)])
    : [null, null, []];

  const items: AgendaItemProps[] = m.agenda.map((i) => ({
    id: i.id,
    version: i.version,
    kind: i.kind,
    kindLabel: t(`meetings.agenda.kind.${i.kind}`),
    title: agendaItemTitle(t, i, locale),
    titleIsProject: i.title === null && i.project !== null,
    reasons: agendaReasonTexts(t, i, locale, (d) => formatDate(d, locale)).map((r) => {
      const p = r.problemId !== null ? i.problems.find((x) => x.id === r.problemId) : undefined;
      return {
        kind: r.kind,
        heading: r.heading,
        lines: r.lines,
        problem: p
          ? {
              id: p.id,
              line: t('meetings.agenda.problemStatus', {
                status: t(`enums.problemStatus.${p.status}`),
                deadline: formatDate(p.deadline, locale),
                unit: (en ? p.unitEn : p.unitZh) ?? '—',
              }),
            }
          : null,
      };
    }),
    project: i.project ? { id: i.project.id, name: en ? (i.project.nameEn ?? i.project.name) : i.project.name } : null,
    decision: i.decision,
    decisionProblem: i.decisionProblem
      ? {
          id: i.decisionProblem.id,
          line: t('meetings.decision.assigned', {
            id: i.decisionProblem.id,
            unit: (en ? i.decisionProblem.unitEn : i.decisionProblem.unitZh) ?? '—',
            leader: i.decisionProblem.leaderName ?? '—',
            deadline: formatDate(i.decisionProblem.deadline, locale),
            status: t(`enums.problemStatus.${i.decisionProblem.status}`),
          }),
        }
      : null,
  }));
  const decisionOptions = {
    types: PROBLEM_TYPES.map((p) => ({ value: p, label: t(`enums.problemType.${p}`) })),
    units: offered(ref?.responsibleUnits ?? []).map((u) => ({ value: u.value, label: en ? u.labelEn : u.labelZh })),
    leaders: (opts?.leaders ?? []).map((l) => ({ value: String(l.id), label: l.name })),
    defaultDeadline: addDays(today(), 30),
  };
  const exportsBase = `/api/exports/meetings/${m.id}`;
  const exportLinks = [
    { file: 'status-table.xlsx', label: t('meetings.exports.xlsx') },
    { file: 'status-table.csv', label: t('meetings.exports.csv') },
    { file: 'minutes.docx', label: t('meetings.exports.docx') },
  ];
  const none = <span className="text-slate-400">{t('meetings.detail.none')}</span>;

  return (
    <div className="space-y-4">
      <Link href="/meetings" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('meetings.detail.back')}
      </Link>

      <header className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="meeting-header">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="text-xs text-slate-500">
              {formatDate(m.meetingDate, locale)} · {scopeLabel(t, m, locale)}
            </p>
            <h1 className="mt-1 break-words text-lg font-semibold leading-snug text-slate-900 sm:text-xl" data-testid="meeting-title">
              {m.title}
            </h1>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <MeetingStatusBadge status={m.status} label={t(`meetings.status.${m.status}`)} testId="meeting-status" />
              <span>
                {t('meetings.col.chair')} {m.chairName ?? t('meetings.noChair')}
              </span>
            </div>
          </div>
          {canEdit ? (
            <Link
              href={`/meetings/${m.id}/edit`}
              data-testid="meeting-edit"
              className="inline-flex shrink-0 justify-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
            >
              {t('meetings.detail.edit')}
            </Link>
          ) : null}
        </div>
        <dl className="mt-3 grid gap-3 border-t border-slate-100 pt-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t('meetings.detail.participants')}</dt>
            <dd className="mt-0.5 text-slate-900" data-testid="meeting-participants">
              {m.participants.users.length ? m.participants.users.map((u) => u.name).join(en ? ', ' : '、') : none}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('meetings.detail.units')}</dt>
            <dd className="mt-0.5 text-slate-900" data-testid="meeting-units">
              {m.participants.units.length ? m.participants.units.map((u) => (en ? u.nameEn : u.nameZh)).join(en ? ', ' : '、') : none}
            </dd>
          </div>
        </dl>
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Section
            id="agenda-title"
            title={m.status === 'planned' ? t('meetings.agenda.title') : `${t('meetings.agenda.title')} · ${t('meetings.decision.title')}`}
            testId="agenda"
          >
            {m.status === 'planned' && m.canManage ? (
              <p className="mb-2 text-xs text-slate-500">{t('meetings.decision.onlyHeld')}</p>
            ) : null}
            <AgendaEditor
              meetingId={m.id}
              version={m.version}
              items={items}
              canEdit={canEdit}
              canDecide={canDecide}
              decisionOptions={decisionOptions}
              projects={choices.map((p) => ({ id: p.id, name: `${p.code} ${en ? (p.nameEn ?? p.name) : p.name}` }))}
            />
          </Section>
          <Section id="changes-title" title={t('meetings.changes.title')} testId="changes-section">
            <ChangesPanel changes={changes} t={t} locale={locale} />
          </Section>
        </div>

        <div className="order-first space-y-4 lg:order-none">
          {m.canManage && m.status !== 'published' ? (
            <Section id="steps-title" title={t('meetings.detail.steps')}>
              <MeetingSteps
                id={m.id}
                version={m.version}
                status={m.status}
                frozen={m.frozenAt !== null}
                earlyDate={m.meetingDate > today() ? formatDate(m.meetingDate, locale) : null}
              />
            </Section>
          ) : null}
          <Section id="table-title" title={t('meetings.exports.title')} testId="meeting-exports">
            <div className="space-y-3 text-sm">
              {m.frozenAt ? (
                <p className="text-slate-700" data-testid="meeting-frozen-info">
                  {t('meetings.detail.frozenInfo', {
                    at: formatDateTime(m.frozenAt, locale),
                    name: m.frozenByName ?? '—',
                    count: m.snapshotTotalRows ?? 0,
                    year: m.snapshotYear ?? '—',
                  })}
                  {m.snapshotRowCount !== m.snapshotTotalRows
                    ? t('meetings.detail.frozenInfoScoped', { count: m.snapshotRowCount ?? 0 })
                    : null}
                </p>
              ) : (
                <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900" data-testid="meeting-not-frozen">
                  {t('meetings.detail.notFrozenInfo')}
                </p>
              )}
              <ul className="flex flex-wrap gap-2">
                {exportLinks.map((x) => (
                  <li key={x.file}>
                    <a
                      href={`${exportsBase}/${x.file}`}
                      download
                      className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 shadow-sm hover:bg-slate-50"
                      data-testid={`export-${x.file}`}
                    >
                      {x.label}
                    </a>
                  </li>
                ))}
              </ul>
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                <li>
                  <a
                    href={`/meetings/${m.id}/print/table`}
                    target="_blank"
                    rel="noopener"
                    className="text-brand-700 hover:underline"
                    data-testid="print-table"
                  >
                    {t('meetings.exports.printTable')}
                  </a>
                </li>
                <li>
                  <a
                    href={`/meetings/${m.id}/print/minutes`}
                    target="_blank"
                    rel="noopener"
                    className="text-brand-700 hover:underline"
                    data-testid="print-minutes"
                  >
                    {t('meetings.exports.printMinutes')}
                  </a>
                </li>
              </ul>
              {m.heldAt ? (
                <p className="text-slate-600">{t('meetings.detail.heldInfo', { at: formatDateTime(m.heldAt, locale) })}</p>
              ) : null}
              {m.publishedAt ? (
                <p className="text-slate-600" data-testid="meeting-published-info">
                  {t('meetings.detail.publishedInfo', { at: formatDateTime(m.publishedAt, locale), name: m.publishedByName ?? '—' })}
                </p>
              ) : null}
              <p className="text-slate-600">
                {m.previous ? (
                  <Link href={`/meetings/${m.previous.id}`} className="text-brand-700 hover:underline">
                    {t('meetings.detail.previous', { title: m.previous.title, date: formatDate(m.previous.meetingDate, locale) })}
                  </Link>
                ) : (
                  t('meetings.detail.noPrevious')
                )}
              </p>
            </div>
          </Section>
        </div>
      </div>
    </div>
  );
}
