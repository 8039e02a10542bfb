/**
 * The user list's URL state (/admin/users?q=&role=&page=), defined once (lib/url-state.ts) for
 * the page, its filters and its links. Unknown or malformed values are ignored, so an old or
 * hand-edited link still opens.
 */
import { ROLES } from '@/db/schema/enums';
import { defineUrlState, parseAsOneOf, parseAsPage, parseAsSearch } from '@/lib/url-state';

export const usersSearch = defineUrlState({
  q: parseAsSearch(64),
  role: parseAsOneOf(ROLES),
  page: parseAsPage(),
});
export type UserListParams = typeof usersSearch.defaults;
