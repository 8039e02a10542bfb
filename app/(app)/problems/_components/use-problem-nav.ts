'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { type ProblemListParams, problemQueryString } from '@/lib/problems/search-params';

/** Moves the problem list to a new table state by changing the URL (bookmarkable, shareable). */
export function useProblemNav(params: ProblemListParams) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const go = (change: Partial<ProblemListParams>, opts: { replace?: boolean } = {}) => {
    // Any change other than paging starts again from the first page.
    const next = { ...params, ...(change.page === undefined ? { page: 1 } : {}), ...change };
    const qs = problemQueryString(next);
    const url = qs ? `${pathname}?${qs}` : pathname;
    start(() => (opts.replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
  };
  return { go, pending };
}
