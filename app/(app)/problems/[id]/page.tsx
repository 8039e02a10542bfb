import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { requireActor } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getProblem } from '@/lib/problems/queries';
import { allowedProblemActions } from '@/lib/problems/rules';
import { getReferenceData } from '@/lib/reference/queries';
import { SavedNotice } from '@/app/_components/saved/saved-notice';
import { parseSaved, savedName } from '@/app/_components/saved/saved-param';
import { EscalationBadge, OverdueDaysBadge, ProblemStatusBadge, ProblemTypeBadge } from '../_components/problem-badges';
import { CommentForm } from './_components/comment-form';
import { ProblemActions } from './_components/problem-actions';
import { ProblemHistory } from './_components/problem-history';

type Params = { params: Promise<{ id: string }> };
type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations();
  const id = parseId((await params).id);
  return { title: id ? t('problems.detail.title', { id }) : t('common.notFoundTitle') };
}

export default async function ProblemPage({ params, searchParams }: Params & SearchParams) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [problem, reference, t, rawLocale] = await Promise.all([
    getProblem(actor, id),
    getReferenceData(actor),
    getTranslations(),
    getLocale(),
  ]);
  if (!problem) notFound();
  const locale = toLocale(rawLocale);
  // `?saved=problem-<id>`: the edit form has just saved this problem.
  const justSaved = parseSaved((await searchParams).saved, 'problem') === problem.id;
  const en = locale === 'en';
  const p = problem;
  const allowed = allowedProblemActions(actor, {
    countyId: p.project.countyId,
    countyIds: p.project.countyIds,
    projectLeadId: p.project.projectLeadId,
    responsibleLeaderId: p.responsibleLeaderId,
    responsibleUnitId: p.responsibleUnitId,
    status: p.status,
  });
  const none = <span className="text-slate-400">—</span>;
  const escalationText =
    p.escalationLevel > 0
      ? t('problems.detail.escalatedAt', { level: t(`enums.escalation.${p.escalationLevel}`), at: formatDateTime(p.escalatedAt, locale) })
      : t('enums.escalation.0');

  const rows: { label: string; value: ReactNode; wide?: boolean }[] = [
    {
      label: t('problems.field.project'),
      value: (
        <Link href={`/projects/${p.project.id}`} className="text-brand-700 hover:underline">
          {en ? (p.project.nameEn ?? p.project.name) : p.project.name}
        </Link>
      ),
      wide: true,
    },
    { label: t('problems.field.county'), value: (en ? p.project.countyEn : p.project.countyZh) ?? t('problems.prefectureWide') },
    { label: t('problems.field.type'), value: t(`enums.problemType.${p.type}`) },
    { label: t('problems.field.responsibleUnitId'), value: (en ? p.unitEn : p.unitZh) ?? none },
    { label: t('problems.field.responsibleLeaderId'), value: p.leaderName ?? none },
    {
      label: t('problems.field.deadline'),
      value: (
        <span className="inline-flex flex-wrap items-center gap-2">
          {formatDate(p.deadline, locale)}
          {p.overdue ? <OverdueDaysBadge label={t('problems.overdueDays', { days: p.daysOverdue })} /> : null}
        </span>
      ),
    },
    { label: t('problems.field.escalationLevel'), value: <span data-testid="escalation-text">{escalationText}</span> },
    {
      label: t('problems.field.raisedBy'),
      value: t('problems.detail.raisedByAt', { name: p.raisedByName ?? '—', at: formatDateTime(p.createdAt, locale) }),
    },
  ];
  if (p.reportId !== null) {
    rows.push({
      label: t('problems.field.reportId'),
      value: (
        <Link href={`/reports/${p.reportId}`} className="text-brand-700 hover:underline">
          {t('problems.detail.fromReport', { id: p.reportId })}
        </Link>
      ),
    });
  }
  if (p.resolution) {
    rows.push({
      label: t('problems.field.resolution'),
      value: (
        <span className="whitespace-pre-line" data-testid="problem-resolution">
          {p.resolution}
        </span>
      ),
      wide: true,
    });
  }
  if (p.resolvedAt) rows.push({ label: t('problems.field.resolvedAt'), value: formatDateTime(p.resolvedAt, locale) });
  if (p.closedAt) rows.push({ label: t('problems.field.closedAt'), value: formatDateTime(p.closedAt, locale) });

  return (
    <div className="space-y-4">
      <Link href="/problems" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t('problems.detail.backToList')}
      </Link>
      {justSaved ? <SavedNotice>{t('problems.savedNotice.updated', { what: savedName(problem.description) })}</SavedNotice> : null}

      <header
        className={`rounded-lg border bg-white p-4 shadow-sm ${p.escalationLevel >= 2 && p.overdue ? 'border-red-300' : 'border-slate-200'}`}
        data-testid="problem-header"
      >
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="text-xs text-slate-500">
              <span className="font-mono">#{p.id}</span> · {en ? (p.project.nameEn ?? p.project.name) : p.project.name}
            </p>
            <h1
              className="mt-1 whitespace-pre-line break-words text-lg font-semibold leading-snug text-slate-900 sm:text-xl"
              data-testid="problem-description-text"
            >
              {p.description}
            </h1>
            <div className="mt-2 flex flex-wrap items-center gap-1.5">
              <ProblemStatusBadge status={p.status} label={t(`enums.problemStatus.${p.status}`)} testId="problem-status" />
              <ProblemTypeBadge label={t(`enums.problemType.${p.type}`)} />
              {p.overdue ? <OverdueDaysBadge label={t('problems.overdueDays', { days: p.daysOverdue })} /> : null}
              <EscalationBadge
                level={p.escalationLevel}
                label={t(`problems.escalationShort.${p.escalationLevel}`)}
                title={p.escalatedAt ? escalationText : undefined}
              />
            </div>
          </div>
          {allowed.update ? (
            <Link
              href={`/problems/${p.id}/edit`}
              data-testid="problem-edit"
              className="inline-flex shrink-0 justify-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
            >
              {t('problems.detail.edit')}
            </Link>
          ) : null}
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <section aria-labelledby="fields-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
            <h2 id="fields-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
              {t('problems.detail.fieldsTitle')}
            </h2>
            <dl className="grid gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2">
              {rows.map((r) => (
                <div key={r.label} className={r.wide ? 'sm:col-span-2' : ''}>
                  <dt className="text-slate-500">{r.label}</dt>
                  <dd className="mt-0.5 break-words text-slate-900">{r.value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <ProblemActions id={p.id} version={p.version} allowed={allowed} />

          <section aria-labelledby="thread-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
            <h2 id="thread-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
              {t('problems.thread.title')} <span className="text-sm font-normal text-slate-500">({p.comments.length})</span>
            </h2>
            {p.comments.length === 0 ? (
              <p className="px-4 py-4 text-sm text-slate-500">{t('problems.thread.empty')}</p>
            ) : (
              <ol className="divide-y divide-slate-100" data-testid="problem-thread">
                {p.comments.map((c) => (
                  <li key={c.id} className="px-4 py-3" data-testid="comment">
                    <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
                      <span className="font-medium text-slate-900">{c.authorName}</span>
                      <span className="text-xs text-slate-500">{t(`enums.role.${c.authorRole}`)}</span>
                      <time dateTime={new Date(c.createdAt).toISOString()} className="ml-auto whitespace-nowrap text-xs text-slate-500">
                        {formatDateTime(c.createdAt, locale)}
                      </time>
                    </div>
                    <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-800">{c.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {allowed.comment ? (
              <div className="border-t border-slate-200 p-4">
                <CommentForm problemId={p.id} />
              </div>
            ) : null}
          </section>
        </div>
        <div>
          <ProblemHistory entries={p.history} locale={locale} reference={reference} />
        </div>
      </div>
    </div>
  );
}
