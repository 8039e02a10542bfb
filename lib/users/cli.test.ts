import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '@/db/schema';
import { verifyLogin } from '@/lib/auth/login';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';
import { useTestDb } from '@/test/db';
import { makeUser } from '@/test/factories';
import { type CliIo, generatePassword, runUserCli } from './cli';
import { addSession, STRONG, throttle, userRow } from './test-support';

const getDb = useTestDb();

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readLine: async () => stdin };
  return { io: value, out, err };
}

async function cliAudit() {
  return getDb().select().from(auditEvents).where(eq(auditEvents.entityType, 'user'));
}

describe('npm run user', () => {
  it('unlock: the throttled administrator signs in at once from every address; audited as the system', async () => {
    const admin = await makeUser({ role: 'admin', username: 'admin', passwordHash: await hashPassword(STRONG) });
    await throttle(getDb(), 'admin');
    expect(await verifyLogin('admin', STRONG, { address: '192.0.2.1' })).toMatchObject({ reason: 'throttled' });
    const t = io();
    expect(await runUserCli(getDb(), ['unlock', 'ADMIN'], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('admin');
    expect((await verifyLogin('admin', STRONG, { address: '192.0.2.1' })).ok).toBe(true);
    const ev = (await cliAudit()).find((e) => e.action === 'user.unlock');
    expect(ev).toMatchObject({ actorId: null, actorName: 'system', entityId: String(admin.id), after: { via: 'cli' } });
  });

  it('reset-password prints a generated password that signs in, ends the sessions and clears the throttle', async () => {
    const user = await makeUser({ role: 'admin', username: 'admin', passwordHash: await hashPassword(STRONG) });
    const sid = await addSession(getDb(), user.id, 'old-session');
    await throttle(getDb(), 'admin');
    const t = io();
    expect(await runUserCli(getDb(), ['reset-password', 'admin'], t.io)).toBe(0);
    const password = t.out.join('\n').split('\n').at(-1)!;
    expect(password).toHaveLength(24);
    expect(await verifyPassword((await userRow(getDb(), user.id)).passwordHash, password)).toBe(true);
    expect((await verifyLogin('admin', password, { address: '192.0.2.1' })).ok).toBe(true);
    const [old] = await getDb().select().from(sessions).where(eq(sessions.id, sid));
    expect(old!.revokedAt).toBeInstanceOf(Date);
    const ev = (await cliAudit()).find((e) => e.action === 'user.resetPassword');
    expect(ev).toMatchObject({ actorId: null, actorName: 'system', after: { passwordChanged: true, via: 'cli' } });
    expect(JSON.stringify(ev)).not.toContain(password);
  });

  it('reset-password --stdin takes the password from standard input, through the policy', async () => {
    const user = await makeUser({ role: 'viewer', username: 'zhangsan', passwordHash: await hashPassword(STRONG) });
    const weak = io('password1234');
    expect(await runUserCli(getDb(), ['reset-password', 'zhangsan', '--stdin'], weak.io)).toBe(1);
    expect(weak.err.join()).toMatch(/常见的密码/);
    const named = io('zhangsan-spring-2026');
    expect(await runUserCli(getDb(), ['reset-password', 'zhangsan', '--stdin'], named.io)).toBe(1);
    expect(await verifyPassword((await userRow(getDb(), user.id)).passwordHash, STRONG)).toBe(true);
    expect(await cliAudit()).toHaveLength(0);

    const good = io('steppe wind over the reservoir');
    expect(await runUserCli(getDb(), ['reset-password', 'zhangsan', '--stdin'], good.io)).toBe(0);
    expect(good.out.join()).not.toContain('steppe');
    expect(await verifyPassword((await userRow(getDb(), user.id)).passwordHash, 'steppe wind over the reservoir')).toBe(true);
  });

  it('an unknown name or a bad command changes nothing and says why', async () => {
    await makeUser({ role: 'viewer', username: 'lisi' });
    const before = await getDb().select().from(users);
    const unknown = io();
    expect(await runUserCli(getDb(), ['unlock', 'nobody'], unknown.io)).toBe(1);
    expect(unknown.err.join()).toContain('nobody');
    for (const args of [[], ['unlock'], ['delete', 'lisi'], ['unlock', 'lisi', '--stdin']]) {
      const t = io();
      expect(await runUserCli(getDb(), args, t.io)).toBe(2);
      expect(t.err.join()).toContain('usage');
    }
    expect(await getDb().select().from(users)).toEqual(before);
    expect(await cliAudit()).toHaveLength(0);
  });

  it('generated passwords pass the policy and differ', () => {
    const a = generatePassword();
    expect(checkPassword(a, 'admin')).toBeNull();
    expect(generatePassword()).not.toBe(a);
  });
});
