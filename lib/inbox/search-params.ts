/** The inbox's URL state (/inbox?page=: the page of notifications), defined once (lib/url-state.ts). */
import { defineUrlState, parseAsPage } from '@/lib/url-state';

export const inboxSearch = defineUrlState({ page: parseAsPage() });
