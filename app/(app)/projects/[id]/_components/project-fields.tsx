import { getTranslations } from '@/lib/i18n/server-translations';
import type { ReactNode } from 'react';
import { StageBadge, StatusBadge } from '@/app/_components/badges';
import type { FactSource, FactSources } from '@/db/schema';
import { formatCapacity, formatDate } from '@/lib/format';
import { formatWan } from '@/lib/money';
import type { Locale } from '@/lib/i18n/config';
import type { ProjectDetail } from '@/lib/projects/queries';
import { SourceBadge, type SourceLabels } from './source-badge';

interface Row {
  /** The field's key in `sources`; extra keys also contribute their sources. */
  keys: string[];
  label: string;
  value: ReactNode;
  wide?: boolean;
  numeric?: boolean;
}

/** The sources recorded for a row's fields, including numbered extras ("annualTarget.2"), without duplicates. */
function sourcesFor(sources: FactSources, keys: string[]): FactSource[] {
  const seen = new Set<string>();
  const out: FactSource[] = [];
  for (const [key, source] of Object.entries(sources)) {
    if (!source || !keys.some((k) => key === k || key.startsWith(`${k}.`))) continue;
    const id = JSON.stringify(source);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(source);
  }
  return out;
}

export function hasDemoData(sources: FactSources): boolean {
  return Object.values(sources).some((s) => s?.kind === 'demo');
}

/** Every registry field of the project, each with where its value came from. */
export async function ProjectFields({ project: p, locale }: { project: ProjectDetail; locale: Locale }) {
  const t = await getTranslations();
  const en = locale === 'en';
  const none = <span className="text-slate-400">—</span>;
  const text = (v: string | null | undefined) => (v ? v : none);
  const pick = (zh: string | null, enName: string | null) => text(en ? (enName ?? zh) : zh);
  const f = (key: string) => t(`project.field.${key}`);
  const labels: SourceLabels = {
    report: t('project.source.report'),
    interpretation: t('project.source.interpretation'),
    interpretationHint: t('project.source.interpretationHint'),
    basis: t('project.source.basis'),
    note: t('project.source.note'),
    demo: t('project.source.demo'),
    user: t('project.source.user'),
    section: t('project.source.section'),
    quote: t('project.source.quote'),
    reportHint: t('project.source.reportHint'),
    demoHint: t('project.source.demoHint'),
    userHint: t('project.source.userHint'),
  };

  const rows: Row[] = [
    { keys: ['name'], label: f('name'), value: p.name },
    { keys: ['nameEn'], label: f('nameEn'), value: text(p.nameEn) },
    { keys: ['code'], label: f('code'), value: <span className="font-mono">{p.code}</span> },
    {
      keys: ['nationalCode'],
      label: f('nationalCode'),
      value: p.nationalCode ? <span className="font-mono">{p.nationalCode}</span> : none,
    },
    { keys: ['categoryCode'], label: f('categoryCode'), value: en ? p.categoryEn : p.categoryZh },
    {
      keys: ['countyIds'],
      label: f('countyIds'),
      value: p.counties.length ? (
        <span data-testid="project-counties">
          {p.counties.map((c) => (en ? c.nameEn : c.nameZh)).join(en ? ', ' : '、')}
          {p.counties.length > 1 ? (
            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t('project.crossesCounties')}</span>
          ) : null}
        </span>
      ) : (
        <span className="text-slate-600" data-testid="project-counties">
          {t('project.locationNotReported')}
        </span>
      ),
    },
    {
      keys: ['countyId'],
      label: f('countyId'),
      value: p.countyId === null ? <span className="text-slate-600">{t('project.prefectureWide')}</span> : pick(p.countyZh, p.countyEn),
    },
    { keys: ['location'], label: f('location'), value: text(p.location) },
    { keys: ['constructionContent'], label: f('constructionContent'), value: text(p.constructionContent), wide: true },
    {
      keys: ['capacity', 'capacityUnit'],
      label: f('capacity'),
      value: p.capacity === null ? none : formatCapacity(p.capacity, p.capacityUnit, locale),
      numeric: true,
    },
    {
      keys: ['totalInvestment'],
      label: f('totalInvestment'),
      value: p.totalInvestment === null ? none : formatWan(p.totalInvestment, locale),
      numeric: true,
    },
    {
      keys: ['annualPlannedInvestment'],
      label: f('annualPlannedInvestment'),
      value: p.annualPlannedInvestment === null ? none : formatWan(p.annualPlannedInvestment, locale),
      numeric: true,
    },
    { keys: ['startDate'], label: f('startDate'), value: p.startDate ? formatDate(p.startDate, locale) : none },
    {
      keys: ['plannedCompletionDate'],
      label: f('plannedCompletionDate'),
      value: p.plannedCompletionDate ? formatDate(p.plannedCompletionDate, locale) : none,
    },
    { keys: ['stage'], label: f('stage'), value: <StageBadge stage={p.stage} label={t(`enums.stage.${p.stage}`)} /> },
    { keys: ['status'], label: f('status'), value: <StatusBadge status={p.status} label={t(`enums.status.${p.status}`)} /> },
    { keys: ['responsibleLeaderId'], label: f('responsibleLeaderId'), value: text(p.leaderName) },
    { keys: ['responsibleUnitId'], label: f('responsibleUnitId'), value: pick(p.responsibleUnitZh, p.responsibleUnitEn) },
    { keys: ['ownerUnitId'], label: f('ownerUnitId'), value: pick(p.ownerUnitZh, p.ownerUnitEn) },
    { keys: ['projectLeadId'], label: f('projectLeadId'), value: text(p.leadName) },
    {
      keys: ['annualTarget', 'targetYear'],
      label: p.targetYear ? t('project.field.annualTargetOf', { year: p.targetYear }) : f('annualTarget'),
      value: text(p.annualTarget),
      wide: true,
    },
  ];

  return (
    <section aria-labelledby="fields-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="fields-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t('project.fieldsTitle')}
      </h2>
      <dl className="grid grid-cols-1 md:grid-cols-2" data-testid="project-fields">
        {rows.map((row) => {
          const sources = sourcesFor(p.sources, row.keys);
          return (
            <div key={row.keys[0]} data-field={row.keys[0]} className={row.wide ? 'pf-row pf-wide' : 'pf-row'}>
              <dt>{row.label}</dt>
              <dd>
                <div className={row.numeric ? 'tabular-nums' : undefined}>{row.value}</div>
                {sources.map((s, i) => (
                  <SourceBadge key={i} source={s} labels={labels} en={en} />
                ))}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
