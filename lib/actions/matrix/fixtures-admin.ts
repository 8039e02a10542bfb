/**
 * Fixtures of the authorization matrix: user administration, the lights' rule set and the
 * inbox. User accounts and the rule set are shared by every scope (an administrator manages
 * every user); a notification is visible to its recipient only.
 */
import { authThrottle, notifications, ruleSets, users } from '@/db/schema';
import { makeUser } from '@/test/factories';
import { type CaseContext, type Fixture, onNoRecord, onOwnRecord, onSharedRecord, unique } from './world';

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('fixture: INSERT returned no row');
  return row;
}

const PASSWORD = 'Str0ng-passw0rd';

/** A user of county A in a state every user action can change: enabled, sign-ins throttled after failed attempts. */
async function caseUser(c: CaseContext) {
  const u = await makeUser({ role: 'viewer', countyId: c.countyId }, c.tx);
  await c.tx.insert(authThrottle).values({
    key: `account:${u.username}`,
    kind: 'account',
    username: u.username,
    failures: 3,
    lastFailureAt: new Date('2025-06-15T05:45:00Z'),
    nextAttemptAt: new Date('2025-06-15T06:00:00Z'),
  });
  return u;
}

const onUser = (input: (u: Awaited<ReturnType<typeof caseUser>>, c: CaseContext) => Record<string, unknown>): Fixture =>
  onSharedRecord(async (c) => {
    const u = await caseUser(c);
    return { input: input(u, c), target: { table: users, id: u.id } };
  });

/** An unread notification for the case's recipient. */
async function caseNotification(c: CaseContext) {
  return one(
    await c.tx
      .insert(notifications)
      .values({
        userId: c.people.recipientId,
        kind: 'problem_comment',
        entityType: 'problem',
        entityId: 1,
        href: '/problems/1',
        params: {},
      })
      .returning(),
  );
}

export const ADMIN_FIXTURES: Record<string, Fixture> = {
  // ── Users ─────────────────────────────────────────────────────────────────────────────
  'user.create': onNoRecord(async (c) => ({
    input: {
      username: `matrix_${unique()}`,
      displayName: '新用户',
      role: 'viewer',
      countyId: c.countyId,
      unitId: null,
      password: PASSWORD,
    },
  })),
  'user.update': onUser((u) => ({ id: u.id, version: u.version, displayName: '改名', role: 'viewer', countyId: u.countyId, unitId: null })),
  'user.resetPassword': onUser((u) => ({ id: u.id, password: PASSWORD })),
  'user.setDisabled': onUser((u) => ({ id: u.id, disabled: true })),
  'user.unlock': onUser((u) => ({ id: u.id })),

  // ── The lights' rule set (one for the whole deployment) ───────────────────────────────
  'lights.ruleSet.edit': onSharedRecord(async (c) => ({
    input: {
      ruleSetId: c.world.ruleSetId,
      name: '默认规则（修订）',
      note: '矩阵测试',
      rules: [{ measure: 'overdue_problems', comparison: 'gte', threshold: 3, light: 'red' }],
    },
    target: { table: ruleSets, id: c.world.ruleSetId },
  })),

  // ── The inbox ─────────────────────────────────────────────────────────────────────────
  'notification.read': onOwnRecord(async (c) => {
    const n = await caseNotification(c);
    return { input: { id: n.id }, target: { table: notifications, id: n.id } };
  }),
  'notification.readAll': onNoRecord(async (c) => {
    await caseNotification(c);
    return { input: {} };
  }),
};
