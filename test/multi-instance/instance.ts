/**
 * One app instance for the multi-instance test (multi-instance.test.ts), as a separate Node.js
 * process: the real db/client (postgres.js on DATABASE_URL), the real caches, "data changed"
 * listener, action wrapper and escalation schedule, with nothing shared with the other instance
 * but the database. Run as
 *
 *   DATABASE_URL=… node --conditions=react-server --import tsx test/multi-instance/instance.ts
 *
 * It reads one JSON command per line on stdin and answers each with one line on stdout,
 * `@@{"id":…,"ok":true,…}` (lines without the prefix are the app's own logs). It also reports
 * every escalation tick unasked: `@@{"event":"tick","ran":…,"at":…}`.
 */
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import {
  dataChangedListenerState,
  dataGeneration,
  instanceId,
  startDataChangedListener,
  stopDataChangedListener,
} from '@/lib/cache/data-changed';
import { getDashboard } from '@/lib/dashboard/queries';
import { createProject } from '@/lib/projects/actions';
import { startEscalationSchedule, stopEscalationSchedule } from '@/lib/problems/schedule';

type Command =
  | { id: number; cmd: 'start' }
  | { id: number; cmd: 'state' }
  | { id: number; cmd: 'dashboard'; userId: number }
  | { id: number; cmd: 'createProject'; userId: number; input: Record<string, unknown> }
  | { id: number; cmd: 'schedule'; intervalMs: number }
  | { id: number; cmd: 'stopSchedule' }
  | { id: number; cmd: 'exit' };

const send = (message: Record<string, unknown>) => process.stdout.write(`@@${JSON.stringify(message)}\n`);

async function actor(userId: number): Promise<Actor> {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new Error(`no user ${userId}`);
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, countyId: u.countyId, unitId: u.unitId };
}

function state() {
  return { instanceId: instanceId(), generation: dataGeneration(), listener: dataChangedListenerState() };
}

async function handle(c: Command): Promise<Record<string, unknown>> {
  switch (c.cmd) {
    case 'start':
      await startDataChangedListener();
      return state();
    case 'state':
      return state();
    case 'dashboard': {
      const d = await getDashboard(await actor(c.userId));
      return { projects: d.headline.projects.count, computedAt: d.computedAt, ...state() };
    }
    case 'createProject': {
      const res = await createProject.execute(await actor(c.userId), c.input);
      return { result: res, ...state() };
    }
    case 'schedule':
      startEscalationSchedule(c.intervalMs, (run) =>
        send({ event: 'tick', ran: run.ran, startedAt: run.startedAt?.getTime(), changes: run.changes.map((ch) => ch.id), at: Date.now() }),
      );
      return {};
    case 'stopSchedule':
      stopEscalationSchedule();
      return {};
    case 'exit':
      stopEscalationSchedule();
      await stopDataChangedListener();
      await closeDb();
      setImmediate(() => process.exit(0));
      return {};
  }
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const c = JSON.parse(line) as Command;
  handle(c).then(
    (data) => send({ id: c.id, ok: true, ...data }),
    (err: unknown) => send({ id: c.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
// The test went away (crash, timeout): do not outlive it.
lines.on('close', () => process.exit(0));
send({ event: 'ready', pid: process.pid });
