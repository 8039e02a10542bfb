/**
 * The reports page's state in the URL: the period, and the table's filters (status, late, mine),
 * defined once (lib/url-state.ts). Unknown values are ignored, so an old or hand-edited link
 * still opens.
 *
 *   /reports?period=12&status=submitted,returned&late=1&mine=0
 */
import { REPORT_STATUSES } from '@/db/schema/enums';
import { defineUrlState, parseAsFlag, parseAsId, parseAsOneOfList, parseAsYesNo } from '@/lib/url-state';

export const reportsSearch = defineUrlState({
  period: parseAsId(),
  status: parseAsOneOfList(REPORT_STATUSES),
  late: parseAsFlag(),
  /** null = the role's default (own projects for leads and leaders). */
  mine: parseAsYesNo(),
});
export type ReportsParams = typeof reportsSearch.defaults;

/** The reports page for a state (fields not given: the defaults). */
export const reportsHref = (state: Partial<ReportsParams>) => reportsSearch.href('/reports', state);
