import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { landingPath } from './landing';
import { throttleName } from './throttle';

/**
 * The landing page of the user who has just signed in with `username` (the sign-in action knows
 * the name, not yet the session). The name is matched as verifyLogin matches it.
 */
export async function landingPathOfUsername(username: string): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ role: users.role })
    .from(users)
    .where(eq(users.username, throttleName(username)))
    .limit(1);
  return landingPath(row?.role);
}
