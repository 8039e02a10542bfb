'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * A link to `href` with the current route's params filled in: "/projects/[id]" on
 * /projects/12/edit is /projects/12. For the forbidden.tsx files, which get no params.
 */
export function ParamLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const params = useParams();
  const filled = href.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    return encodeURIComponent(String(Array.isArray(value) ? value[0] : (value ?? '')));
  });
  return (
    <Link href={filled} className={className}>
      {children}
    </Link>
  );
}
