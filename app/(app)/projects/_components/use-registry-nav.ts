'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { type RegistryParams, registryQueryString } from '@/lib/projects/search-params';

/** Moves the registry to a new table state by changing the URL (so it can be bookmarked and shared). */
export function useRegistryNav(params: RegistryParams) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const go = (change: Partial<RegistryParams>, opts: { replace?: boolean } = {}) => {
    // Any change other than paging starts again from the first page.
    const next = { ...params, ...(change.page === undefined ? { page: 1 } : {}), ...change };
    const qs = registryQueryString(next);
    const url = qs ? `${pathname}?${qs}` : pathname;
    start(() => (opts.replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
  };
  return { go, pending };
}
