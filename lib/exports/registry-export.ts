import 'server-only';
/**
 * The registry (项目库) export: exactly the rows the registry shows for the URL's filters and
 * sort, all pages, nothing the actor may not see. It reads through the registry's own query
 * (listProjects: the same WHERE clause with the actor's scope, the same ORDER BY), a batch at a
 * time, so memory holds one batch whatever the count.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '@/lib/authz';
import { now, today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { lightReasonText } from '@/lib/lights/light-text';
import { listProjects, type RegistryRow } from '@/lib/projects/queries';
import { yearHasList } from '@/lib/plan-years/selection';
import { type RegistryParams, registrySearch, registryYear } from '@/lib/projects/search-params';
import { type CsvCell, csvStream, decimalCell } from './csv';
import { allPages, type Batched } from './batched';
import { moneyToNumber } from '@/lib/money';
import { demoTitle } from '@/lib/demo/marker';
import { type ListCell, type ListColumn, listXlsx } from './list-xlsx';

const COLUMNS = [
  ['seq', 6, 'int'],
  ['code', 16, 'text'],
  ['name', 32, 'text'],
  ['category', 12, 'center'],
  ['county', 12, 'center'],
  ['stage', 8, 'center'],
  ['status', 10, 'center'],
  ['totalInvestment', 14, 'money'],
  ['annualPlannedInvestment', 14, 'money'],
  ['plannedCompletionDate', 12, 'date'],
  ['leader', 10, 'center'],
  ['unit', 18, 'text'],
  ['overdue', 10, 'int'],
  // The pipeline stage in the plan year (储备 / 前期 / 新开工 / 续建 / 建成 / 投运), as the registry shows it.
  ['pipelineStage', 12, 'center'],
  // The latest period's light and why (issue 13), as the registry shows it.
  ['light', 8, 'center'],
  ['lightReason', 48, 'text'],
] as const satisfies readonly (readonly [string, number, ListColumn['kind']])[];

/** The registry's rows for these params, every page, in the registry's order. */
export function registryRows(actor: Actor, params: RegistryParams): Promise<Batched<RegistryRow>> {
  return allPages((p: RegistryParams) => listProjects(actor, p), params);
}

/** Whether any filter narrows the list (the query string of the filters alone is not empty; the plan year alone does not narrow it). */
export function hasRegistryFilters(p: RegistryParams): boolean {
  const d = registrySearch.defaults;
  return registrySearch.query({ ...p, page: 1, pageSize: d.pageSize, sort: d.sort, dir: d.dir, year: null }) !== '';
}

function values(r: RegistryRow, seq: number, locale: Locale, t: ReturnType<typeof translator>) {
  const en = locale === 'en';
  return {
    seq,
    code: r.code,
    name: en ? r.nameEn || r.name : r.name,
    category: en ? r.categoryEn : r.categoryZh,
    county: (en ? r.countiesEn : r.countiesZh) ?? t('exports.registry.locationNotReported'),
    stage: t(`enums.stage.${r.stage}`),
    status: t(`enums.status.${r.status}`),
    totalInvestment: r.totalInvestment,
    annualPlannedInvestment: r.annualPlannedInvestment,
    plannedCompletionDate: r.plannedCompletionDate,
    leader: r.leaderName,
    unit: en ? r.unitEn || r.unitZh : r.unitZh,
    overdue: r.overdueMilestones,
    pipelineStage: t(`enums.pipelineStage.${r.pipelineStage}`),
    light: t(`lights.light.${r.light ?? 'none'}`),
    lightReason: lightReasonText(t, { light: r.light, reasons: r.lightReasons, override: r.lightOverride }, locale),
  };
}

export interface ExportFile {
  body: Readable;
  total: number;
  /** The file name without extension, in the user's language. */
  baseName: string;
}

/** demo: the demo set is loaded (lib/demo/marker.ts): the title and the file name say so. */
export async function registryExport(
  actor: Actor,
  params: RegistryParams,
  format: 'xlsx' | 'csv',
  locale: Locale,
  { demo = false }: { demo?: boolean } = {},
): Promise<ExportFile> {
  const t = translator(locale);
  // One plan year for every batch, even if the year turns while the file is written.
  const year = registryYear(params, today());
  const [{ total, rows }, hasList] = await Promise.all([registryRows(actor, { ...params, year }), yearHasList(year)]);
  // Which projects the file holds against the year's key-project list (the registry's `listed`).
  const listKind = hasList ? (params.listed ?? 'in') : 'none';
  const headers = COLUMNS.map(([key]) => t(`exports.registry.col.${key}`, { year }));
  const baseName = demoTitle(t('exports.registry.fileName'), t, demo);
  if (format === 'csv') {
    async function* records(): AsyncGenerator<CsvCell[]> {
      let seq = 0;
      for await (const r of rows) {
        const v = values(r, ++seq, locale, t);
        yield COLUMNS.map(([key]) => (key === 'totalInvestment' || key === 'annualPlannedInvestment' ? decimalCell(v[key]) : v[key]));
      }
    }
    return { body: csvStream([headers], records()), total, baseName };
  }
  async function* cells(): AsyncGenerator<ListCell[]> {
    let seq = 0;
    for await (const r of rows) {
      const v = values(r, ++seq, locale, t);
      yield COLUMNS.map(([key]) => (key === 'totalInvestment' || key === 'annualPlannedInvestment' ? moneyToNumber(v[key]) : v[key]));
    }
  }
  const body = listXlsx({
    sheetName: t('exports.registry.sheetName'),
    title: demoTitle(t('exports.registry.title'), t, demo),
    subtitle: t('exports.registry.subtitle', {
      now: formatDateTime(now(), locale),
      total,
      filters: hasRegistryFilters(params) ? 'yes' : 'no',
      list: t('exports.registry.list', { kind: listKind, year: String(year) }),
    }),
    columns: COLUMNS.map(([, width, kind], i) => ({ header: headers[i]!, width, kind })),
    rows: cells(),
    t,
  });
  return { body, total, baseName };
}
