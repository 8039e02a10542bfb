import 'server-only';
/**
 * The problem list (问题清单) export: exactly the rows the list shows for the URL's filters and
 * sort, all pages, nothing outside the actor's scope. Reads through the list's own query
 * (listProblems), a batch at a time.
 */
import type { Actor } from '@/lib/authz';
import { now } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { listProblems, type ProblemListRow } from '@/lib/problems/queries';
import { type ProblemListParams, problemsSearch } from '@/lib/problems/search-params';
import { type CsvCell, csvStream } from './csv';
import { demoTitle } from '@/lib/demo/marker';
import { type ListCell, type ListColumn, listXlsx, wallClockText } from './list-xlsx';
import { allPages, type Batched } from './batched';
import type { ExportFile } from './registry-export';

const COLUMNS = [
  ['seq', 6, 'int'],
  ['id', 8, 'int'],
  ['projectCode', 16, 'text'],
  ['project', 28, 'text'],
  ['county', 12, 'center'],
  ['description', 44, 'text'],
  ['type', 10, 'center'],
  ['status', 10, 'center'],
  ['deadline', 12, 'date'],
  ['daysOverdue', 10, 'int'],
  ['escalation', 18, 'center'],
  ['unit', 18, 'text'],
  ['leader', 10, 'center'],
  ['createdAt', 17, 'datetime'],
] as const satisfies readonly (readonly [string, number, ListColumn['kind']])[];

/** The problem list's rows for these params, every page, in the list's order. */
export function problemRows(actor: Actor, params: ProblemListParams): Promise<Batched<ProblemListRow>> {
  return allPages((p: ProblemListParams) => listProblems(actor, p), params);
}

/** Whether any filter narrows the list (the query string of the filters alone is not empty). */
export function hasProblemFilters(p: ProblemListParams): boolean {
  const d = problemsSearch.defaults;
  return problemsSearch.query({ ...p, page: 1, pageSize: d.pageSize, sort: d.sort, dir: d.dir }) !== '';
}

function values(r: ProblemListRow, seq: number, locale: Locale, t: ReturnType<typeof translator>) {
  const en = locale === 'en';
  return {
    seq,
    id: r.id,
    projectCode: r.projectCode,
    project: en ? r.projectNameEn || r.projectName : r.projectName,
    county: (en ? r.countyEn : r.countyZh) ?? t('exports.registry.prefectureWide'),
    description: r.description,
    type: t(`enums.problemType.${r.type}`),
    status: t(`enums.problemStatus.${r.status}`),
    deadline: r.deadline,
    daysOverdue: r.overdue ? r.daysOverdue : null,
    escalation: t(`enums.escalation.${r.escalationLevel}`),
    unit: en ? r.unitEn || r.unitZh : r.unitZh,
    leader: r.leaderName,
    createdAt: r.createdAt,
  };
}

/** demo: the demo set is loaded (lib/demo/marker.ts): the title and the file name say so. */
export async function problemsExport(
  actor: Actor,
  params: ProblemListParams,
  format: 'xlsx' | 'csv',
  locale: Locale,
  { demo = false }: { demo?: boolean } = {},
): Promise<ExportFile> {
  const t = translator(locale);
  const { total, rows } = await problemRows(actor, params);
  const headers = COLUMNS.map(([key]) => t(`exports.problems.col.${key}`));
  const baseName = demoTitle(t('exports.problems.fileName'), t, demo);
  if (format === 'csv') {
    async function* records(): AsyncGenerator<CsvCell[]> {
      let seq = 0;
      for await (const r of rows) {
        const v = values(r, ++seq, locale, t);
        yield COLUMNS.map(([key]) => {
          const x = v[key];
          return x instanceof Date ? wallClockText(x) : x;
        });
      }
    }
    return { body: csvStream([headers], records()), total, baseName };
  }
  async function* cells(): AsyncGenerator<ListCell[]> {
    let seq = 0;
    for await (const r of rows) {
      const v = values(r, ++seq, locale, t);
      yield COLUMNS.map(([key]) => v[key]);
    }
  }
  const body = listXlsx({
    sheetName: t('exports.problems.sheetName'),
    title: demoTitle(t('exports.problems.title'), t, demo),
    subtitle: t('exports.problems.subtitle', {
      now: formatDateTime(now(), locale),
      total,
      filters: hasProblemFilters(params) ? 'yes' : 'no',
    }),
    columns: COLUMNS.map(([, width, kind], i) => ({ header: headers[i]!, width, kind })),
    rows: cells(),
    t,
  });
  return { body, total, baseName };
}
