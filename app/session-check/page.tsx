import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'ok', robots: { index: false, follow: false } };

/**
 * /healthz: the smallest page of the app that does what every page does (the root layout,
 * the session cookie checked against the sessions table) and nothing more. It is not linked from
 * the navigation. A signed-in request proves the app and its database answer; `npm run bench`
 * uses it as the baseline cost of a page.
 */
export default async function HealthPage() {
  await connection();
  await requireActor();
  return <p data-testid="healthz">ok</p>;
}
