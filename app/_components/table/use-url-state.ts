'use client';

import { type ParserMap, useQueryStates } from 'nuqs';
import { useTransition } from 'react';
import type { UrlState, UrlValues } from '@/lib/url-state';

/**
 * Moves a list to a new state by changing its URL (so the state can be bookmarked and shared,
 * and back/forward step through it): `go(change)` applies the change to the state in the URL,
 * through the list's one definition (lib/<domain>/search-params.ts), and the server renders the
 * result. A new history entry unless `replace` (as for the search box while typing). In a list
 * with pages, any change other than paging starts again from the first page (UrlState.apply).
 * `pending` while the server's answer is on its way.
 */
export function useUrlState<P extends ParserMap, T extends object>(state: UrlState<P, T>) {
  const [pending, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(state.parsers, {
    urlKeys: state.urlKeys,
    history: 'push',
    shallow: false,
    scroll: false,
    startTransition,
  });
  const go = (change: Partial<T>, opts: { replace?: boolean } = {}) => {
    void setUrl((values) => state.apply(values as UrlValues<P>, change), opts.replace ? { history: 'replace' } : undefined);
  };
  return { go, pending };
}
