import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import Link from 'next/link';
import { connection } from 'next/server';
import { ProcedureStateBadge } from '@/app/_components/badges';
import { inputClass, secondaryButton } from '@/app/_components/form/classes';
import { ClockLine } from '@/app/_components/procedures/clock-line';
import { ProcedureSteps } from '@/app/_components/procedures/procedure-steps';
import { requireActor } from '@/lib/auth/session';
import { formatDate } from '@/lib/format';
import { parseId } from '@/lib/http/id';
import { toLocale } from '@/lib/i18n/config';
import { getTranslations } from '@/lib/i18n/server-translations';
import { isOverdue } from '@/lib/procedures/clock';
import { listAgencies, listAgencyQueue } from '@/lib/procedures/queries';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('procedures');
  return { title: t('queue.title') };
}

/**
 * 手续待办: the approval procedures waiting on an agency, overdue first. A department user (部门用户)
 * sees and works their own agency's; the office and leadership choose an agency or see them all.
 */
export default async function ProcedureQueuePage({ searchParams }: Props) {
  await connection();
  const actor = await requireActor();
  const department = actor.role === 'department';
  const rawUnit = (await searchParams).unit;
  const unitId = department ? actor.unitId : typeof rawUnit === 'string' ? parseId(rawUnit) : null;
  const [{ rows, today }, agencies, t, te, rawLocale] = await Promise.all([
    listAgencyQueue(actor, { unitId }),
    department ? Promise.resolve([]) : listAgencies(),
    getTranslations('procedures'),
    getTranslations('enums'),
    getLocale(),
  ]);
  const locale = toLocale(rawLocale);
  const en = locale === 'en';
  const date = (d: string) => formatDate(d, locale);
  const overdue = rows.filter((r) => isOverdue(r.clock)).length;

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <header>
        <h1 className="text-xl font-semibold text-slate-900">{department ? t('queue.titleDepartment') : t('queue.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{department ? t('queue.introDepartment') : t('queue.intro')}</p>
      </header>
      {!department ? (
        <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end" data-testid="queue-filter">
          <label className="block min-w-0 flex-1 text-sm font-medium text-slate-700">
            {t('queue.agency')}
            <select name="unit" defaultValue={unitId ?? ''} className={`${inputClass} mt-1 min-w-0 max-w-full`}>
              <option value="">{t('queue.allAgencies')}</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {en ? a.nameEn || a.nameZh : a.nameZh}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={secondaryButton}>
            {t('queue.apply')}
          </button>
        </form>
      ) : null}
      <p className="text-sm font-medium text-slate-800" data-testid="queue-count">
        {t('queue.count', { count: rows.length, overdue })}
      </p>
      {rows.length ? (
        <ol className="space-y-3" data-testid="procedure-queue">
          {rows.map((r) => (
            <li
              key={r.id}
              className={`rounded-lg border bg-white p-4 shadow-sm ${isOverdue(r.clock) ? 'border-red-300' : 'border-slate-200'}`}
              data-testid="queue-row"
              data-procedure={r.id}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="break-words font-medium text-slate-900">{en ? r.nameEn || r.nameZh : r.nameZh}</p>
                  <Link href={`/projects/${r.projectId}/procedures`} className="break-words text-sm text-brand-700 hover:underline">
                    {en ? (r.projectNameEn ?? r.projectName) : r.projectName}
                  </Link>
                  <span className="ml-1 font-mono text-xs text-slate-500">{r.projectCode}</span>
                </div>
                <ProcedureStateBadge state={r.state} label={te(`procedureState.${r.state}`)} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {r.agencyNameZh ? (en ? r.agencyNameEn || r.agencyNameZh : r.agencyNameZh) : t('agencyMissing')}
                <span className="text-slate-400"> · </span>
                {t('limits', { committed: r.committedDays, statutory: r.statutoryDays })}
              </p>
              {r.clock ? (
                <ClockLine clock={r.clock} committedDays={r.committedDays} t={t} date={date} />
              ) : (
                <p className="text-sm text-slate-600">{r.ready ? t('queue.notAccepted') : t('queue.notReady')}</p>
              )}
              {r.steps.length && (r.ready || r.clock) ? (
                <div className="mt-3">
                  <ProcedureSteps id={r.id} version={r.version} name={en ? r.nameEn || r.nameZh : r.nameZh} steps={r.steps} today={today} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t('queue.empty')}</p>
      )}
    </div>
  );
}
