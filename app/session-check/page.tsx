import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'ok', robots: { index: false, follow: false } };

/**
 * /session-check: the smallest page of the app that does what every page does (the root layout,
 * the session cookie checked against the sessions table) and nothing more. It is not linked from
 * the navigation; `npm run bench` uses it as the baseline cost of a signed-in page. The health
 * check for a load balancer is GET /api/health (no session).
 */
export default async function SessionCheckPage() {
  await connection();
  await requireActor();
  return <p data-testid="session-check">ok</p>;
}
