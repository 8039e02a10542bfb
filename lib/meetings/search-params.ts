/**
 * The meeting list's URL state (/meetings?status=&page=), defined once (lib/url-state.ts):
 * an unknown status is no filter, a malformed page the first.
 */
import { MEETING_STATUSES } from '@/db/schema/enums';
import { defineUrlState, parseAsOneOf, parseAsPage } from '@/lib/url-state';

export const meetingsSearch = defineUrlState({
  status: parseAsOneOf(MEETING_STATUSES),
  page: parseAsPage(),
});
