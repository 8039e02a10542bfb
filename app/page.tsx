import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/auth/landing';
import { requireActor } from '@/lib/auth/session';

/** Each role opens where its work is (lib/auth/landing.ts): a project lead at 我的工作, leadership at the dashboard. */
export default async function Home() {
  const actor = await requireActor();
  redirect(landingPath(actor.role));
}
