import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ProcedureStateBadge } from '@/app/_components/badges';
import { ClockLine } from '@/app/_components/procedures/clock-line';
import { ProcedureSteps } from '@/app/_components/procedures/procedure-steps';
import { AGENCY_KINDS, type AgencyKind } from '@/db/schema/enums';
import { requireActor } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { getProjectProcedures, type ProcedureView } from '@/lib/procedures/queries';
import { AddProcedure, ApplyTemplate } from './plan-tools';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('procedures');
  return { title: t('title') };
}

/**
 * 审批手续: a project's procedure plan. Each procedure with its approving unit, state, dates,
 * clock against its limits, the procedures it waits for and its history; the critical path to
 * 开工 above. The office makes the plan from a template and adjusts it; the lead and the agency
 * take their steps here.
 */
export default async function ProjectProceduresPage({ params }: Props) {
  await connection();
  const actor = await requireActor();
  const projectId = parseId((await params).id);
  if (projectId === null) notFound();
  const [plan, t, te, rawLocale] = await Promise.all([
    getProjectProcedures(actor, projectId),
    getTranslations('procedures'),
    getTranslations('enums'),
    getLocale(),
  ]);
  if (!plan) notFound();
  const locale = toLocale(rawLocale);
  const en = locale === 'en';
  const { project, procedures, summary, criticalPath } = plan;
  const name = en ? (project.nameEn ?? project.name) : project.name;
  const date = (d: string) => formatDate(d, locale);
  const label = (p: { nameZh: string; nameEn: string }) => (en ? p.nameEn || p.nameZh : p.nameZh);
  const byId = new Map(procedures.map((p) => [p.id, p]));
  const agencyLabels = Object.fromEntries(AGENCY_KINDS.map((k) => [k, te(`agencyKind.${k}`)])) as Record<AgencyKind, string>;

  const card = (p: ProcedureView) => {
    const waiting = p.dependsOn.map((d) => byId.get(d)).filter((d) => d && d.state !== 'approved' && d.state !== 'not_applicable');
    const events = plan.events.filter((e) => e.procedureId === p.id);
    return (
      <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="procedure" data-procedure={p.id}>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 className="min-w-0 break-words font-medium text-slate-900">{label(p)}</h3>
          <div className="flex flex-wrap gap-1">
            {p.onCriticalPath ? (
              <span className="badge bg-brand-50 text-brand-800 ring-brand-600/20">{t('criticalPath.onPath')}</span>
            ) : null}
            <ProcedureStateBadge state={p.state} label={te(`procedureState.${p.state}`)} />
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {p.agencyNameZh ? (
            en ? (
              p.agencyNameEn || p.agencyNameZh
            ) : (
              p.agencyNameZh
            )
          ) : (
            <span className="text-amber-800">{t('agencyMissing')}</span>
          )}
          <span className="text-slate-400"> · </span>
          {agencyLabels[p.agencyKind]}
          <span className="text-slate-400"> · </span>
          {t('limits', { committed: p.committedDays, statutory: p.statutoryDays })}
          <span className="text-slate-400"> · </span>
          {p.beforeStart ? t('beforeStart') : t('afterStart')}
        </p>
        {p.submittedOn || p.acceptedOn || p.approvedOn ? (
          <p className="mt-1 text-sm text-slate-600">
            {[
              p.submittedOn ? t('dates.submittedOn', { date: date(p.submittedOn) }) : null,
              p.acceptedOn ? t('dates.acceptedOn', { date: date(p.acceptedOn) }) : null,
              p.approvedOn ? t('dates.approvedOn', { date: date(p.approvedOn) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        ) : null}
        {p.clock ? <ClockLine clock={p.clock} committedDays={p.committedDays} t={t} date={date} /> : null}
        {p.documentNumber ? <p className="mt-1 text-sm text-slate-700">{t('documentNumber', { number: p.documentNumber })}</p> : null}
        {p.notApplicableReason ? (
          <p className="mt-1 text-sm text-slate-600">{t('notApplicableReason', { reason: p.notApplicableReason })}</p>
        ) : null}
        {waiting.length ? (
          <p className="mt-1 text-sm text-amber-800" data-testid="procedure-waits">
            {t('waitsFor', { names: waiting.map((d) => label(d!)).join(en ? ', ' : '、') })}
          </p>
        ) : p.dependsOn.length ? (
          <p className="mt-1 text-xs text-slate-500">
            {t('dependsOn')}：{p.dependsOn.map((d) => (byId.get(d) ? label(byId.get(d)!) : '')).join(en ? ', ' : '、')}
          </p>
        ) : null}
        {p.documents ? (
          <p className="mt-1 text-xs text-slate-500">
            {t('documents')}：{p.documents}
          </p>
        ) : null}
        <div className="mt-3">
          <ProcedureSteps id={p.id} version={p.version} name={label(p)} steps={p.steps} today={plan.today} />
        </div>
        {events.length ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700">{t('history.title')}</summary>
            <ol className="mt-2 space-y-1 text-slate-700" data-testid="procedure-history">
              {events.map((e) => (
                <li key={e.id}>
                  {t('history.entry', { at: formatDateTime(e.at, locale), actor: e.actorName ?? '—', step: t(`step.${e.step}`) })}
                  {e.note ? <span className="text-slate-500">（{e.note}）</span> : null}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </li>
    );
  };

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href={`/projects/${project.id}`} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <span aria-hidden>←</span> {name}
      </Link>
      <header className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h1 className="text-xl font-semibold text-slate-900" data-testid="procedures-title">
          {t('title')}
        </h1>
        <p className="mt-1 break-words text-base font-medium text-slate-800">
          {name} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{project.code}</span>
        </p>
        <p className="mt-2 text-sm text-slate-600">{t('intro')}</p>
        {procedures.length ? (
          <p className="mt-2 text-sm font-medium text-slate-800" data-testid="procedures-summary">
            {t('summary', { approved: summary.approved, total: summary.total })}
            {summary.overdue ? <span className="ml-2 text-red-700">{t('overdueCount', { count: summary.overdue })}</span> : null}
          </p>
        ) : null}
        {plan.calendarYearsMissing.length ? (
          <p className="mt-2 text-xs text-amber-800">{t('calendarMissing', { years: plan.calendarYearsMissing.join(en ? ', ' : '、') })}</p>
        ) : null}
      </header>

      {procedures.length ? (
        <section className="rounded-lg border border-brand-200 bg-brand-50/60 p-4 text-sm text-slate-800" data-testid="critical-path">
          <h2 className="font-semibold text-slate-900">{t('criticalPath.title')}</h2>
          {criticalPath.earliestStart ? (
            <>
              <p className="mt-1">{t('criticalPath.remaining', { days: criticalPath.days, date: date(criticalPath.earliestStart) })}</p>
              <ol className="mt-2 flex flex-wrap items-center gap-1">
                {criticalPath.ids.map((id, i) => (
                  <li key={id} className="flex items-center gap-1">
                    {i > 0 ? <span aria-hidden>→</span> : null}
                    <span className="rounded bg-white px-2 py-0.5 ring-1 ring-brand-200">{label(byId.get(id)!)}</span>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="mt-1">{t('criticalPath.done')}</p>
          )}
        </section>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600" data-testid="procedures-empty">
          {plan.canPlan ? t('emptyOffice') : t('empty')}
        </p>
      )}

      {plan.canPlan && plan.templates.length ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold text-slate-900">{t('apply.title')}</h2>
          <ApplyTemplate
            projectId={project.id}
            templates={plan.templates.map((tpl) => ({ id: tpl.id, name: en ? tpl.nameEn : tpl.nameZh, proposed: tpl.proposed }))}
          />
          <p className="mt-2 text-xs text-slate-500">{t('apply.defaultNote')}</p>
        </section>
      ) : null}

      {procedures.length ? <ol className="space-y-3">{procedures.map(card)}</ol> : null}

      {plan.canPlan ? (
        <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <summary className="cursor-pointer font-semibold text-slate-900">{t('add.title')}</summary>
          <div className="mt-3">
            <AddProcedure
              projectId={project.id}
              procedures={procedures.map((p) => ({ id: p.id, name: label(p) }))}
              agencyLabels={agencyLabels}
            />
          </div>
        </details>
      ) : null}
    </div>
  );
}
