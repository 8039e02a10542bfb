/**
 * The administrator's way in from the command line, for when nobody can sign in to do it in the
 * app (every administrator throttled, or the password forgotten):
 *
 *   npm run user -- unlock NAME            every sign-in count under NAME starts over, from every address
 *   npm run user -- reset-password NAME    sets a generated password and prints it
 *   npm run user -- reset-password NAME --stdin   reads the new password from the first line of stdin
 *
 * Both are audited with the system as the actor (user.unlock / user.resetPassword, "via": "cli").
 * A reset also clears the throttle and ends every session of the user. The password read from
 * stdin must pass the password policy (lib/auth/password-policy.ts). The database is the app's
 * (DATABASE_URL, else the embedded PGlite data directory; stop the app first when it is embedded:
 * PGlite allows one process).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { revokeUserSessions } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';
import { clearThrottle } from '@/lib/auth/throttle';
import { now } from '@/lib/clock';
import { fallbackTranslator } from '@/lib/i18n/translate';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The first line of standard input (without the line break). */
  readLine(): Promise<string>;
}

export const USAGE = `usage:
  npm run user -- unlock NAME
  npm run user -- reset-password NAME [--stdin]`;

/** A generated password: 24 characters from 144 random bits (passes the policy). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Runs one command; returns the process exit code (0 done, 1 refused, 2 usage). */
export async function runUserCli(db: Db, args: string[], io: CliIo): Promise<number> {
  const [command, rawName, ...rest] = args;
  const flags = new Set(rest);
  const badFlags = [...flags].filter((f) => !(command === 'reset-password' && f === '--stdin'));
  if (!command || !rawName || badFlags.length > 0 || (command !== 'unlock' && command !== 'reset-password')) {
    io.err(USAGE);
    return 2;
  }
  const username = rawName.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, username: users.username, disabled: users.disabled })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  if (!user) {
    io.err(`no user named "${username}"`);
    return 1;
  }

  if (command === 'unlock') {
    await db.transaction(async (tx) => {
      const cleared = await clearThrottle(tx, user.username, now());
      await recordAudit(tx, null, {
        action: 'user.unlock',
        entityType: 'user',
        entityId: user.id,
        after: { failedLogins: 0, lockedUntil: null, via: 'cli', keysCleared: cleared },
      });
    });
    io.out(`${user.username}: sign-in throttling cleared; the user can sign in at once from any address`);
    if (user.disabled) io.out(`note: ${user.username} is disabled; enable the account in the app to let them in`);
    return 0;
  }

  const fromStdin = flags.has('--stdin');
  const password = fromStdin ? await io.readLine() : generatePassword();
  const problem = checkPassword(password, user.username);
  if (problem) {
    io.err(`refused: ${fallbackTranslator()(`validation.${problem}`)}`);
    return 1;
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now() }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id);
    await clearThrottle(tx, user.username, now());
    await recordAudit(tx, null, {
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: user.id,
      after: { passwordChanged: true, failedLogins: 0, lockedUntil: null, sessionsRevoked: true, via: 'cli' },
    });
  });
  if (fromStdin) io.out(`${user.username}: password set; every session of the user has ended`);
  else io.out(`${user.username}: new password (shown once, pass it on safely):\n${password}`);
  return 0;
}
