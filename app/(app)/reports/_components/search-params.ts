/**
 * The reports page's state in the URL: the period, and the table's filters (status, late,
 * mine). Unknown values are ignored, so an old or hand-edited link still opens.
 */
import { REPORT_STATUSES, type ReportStatus } from '@/db/schema/enums';

export interface ReportsParams {
  period: number | null;
  status: ReportStatus[];
  late: boolean;
  /** null = the role's default (own projects for leads and leaders). */
  mine: boolean | null;
}

type Raw = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseReportsParams(raw: Raw): ReportsParams {
  const period = first(raw.period);
  const status = (first(raw.status) ?? '')
    .split(',')
    .filter((s): s is ReportStatus => (REPORT_STATUSES as readonly string[]).includes(s));
  const mine = first(raw.mine);
  return {
    period: period && /^\d{1,9}$/.test(period) && Number(period) > 0 ? Number(period) : null,
    status: [...new Set(status)],
    late: first(raw.late) === '1',
    mine: mine === '1' ? true : mine === '0' ? false : null,
  };
}

export function reportsQueryString(p: ReportsParams): string {
  const qs = new URLSearchParams();
  if (p.period !== null) qs.set('period', String(p.period));
  if (p.status.length) qs.set('status', p.status.join(','));
  if (p.late) qs.set('late', '1');
  if (p.mine !== null) qs.set('mine', p.mine ? '1' : '0');
  return qs.toString();
}

export function reportsHref(p: ReportsParams, change: Partial<ReportsParams> = {}): string {
  const qs = reportsQueryString({ ...p, ...change });
  return qs ? `/reports?${qs}` : '/reports';
}
