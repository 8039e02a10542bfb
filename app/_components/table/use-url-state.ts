'use client';

import { type ParserMap, useQueryStates } from 'nuqs';
import { createContext, createElement, type ReactNode, type TransitionStartFunction, useContext, useTransition } from 'react';
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
  const own = useTransition();
  const [pending, startTransition] = useContext(ListTransition) ?? own;
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

const ListTransition = createContext<[boolean, TransitionStartFunction] | null>(null);

/**
 * One list page's region (its total, filters, chips and table): every `useUrlState` inside
 * shares one transition, so a change made in the filters marks the whole region busy
 * (`aria-busy`, dimmed) until the server's answer is shown, instead of only the control that
 * made it. Without it, the total and the rows of the old state looked current while the new
 * URL was already in the address bar.
 */
export function ListRegion({ children, className }: { children: ReactNode; className?: string }) {
  const transition = useTransition();
  const pending = transition[0];
  return createElement(
    ListTransition.Provider,
    { value: transition },
    createElement(
      'div',
      {
        'aria-busy': pending,
        'data-list-region': '',
        className: [className, pending ? 'opacity-60 transition-opacity' : 'transition-opacity'].filter(Boolean).join(' '),
      },
      children,
    ),
  );
}
