import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { auditEvents, projects } from '@/db/schema';
import { createAction } from '@/lib/actions/wrapper';
import { diff } from '@/lib/audit/record';
import { can } from '@/lib/authz';
import { AppError, notFound } from '@/lib/errors';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeProject, makeUser } from '@/test/factories';

/** A tiny action in the shape every real one has: load in the tx, check, versioned update, audit. */
const renameProject = createAction({
  name: 'project.rename',
  schema: z.object({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    name: z.string().trim().min(1).max(50),
    code: z.string().trim().min(2).max(20).optional(),
    /** Test hook: fail after both writes, to prove they are rolled back together. */
    failAfterWrite: z.boolean().optional(),
  }),
  permission: 'project.update',
  run: async ({ actor, input, tx, audit }) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, input.id)).for('update');
    if (!before || !can(actor, 'project.read', before)) throw notFound('project');
    if (!can(actor, 'project.update', before)) throw new AppError('FORBIDDEN');
    const changes = { name: input.name, ...(input.code ? { code: input.code } : {}) };
    const [after] = await tx
      .update(projects)
      .set({ ...changes, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(projects.id, input.id), eq(projects.version, input.version)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 'stale', { current: { name: before.name, version: before.version } });
    await audit({ action: 'project.rename', entityType: 'project', entityId: after.id, projectId: after.id, ...diff(before, changes) });
    if (input.failAfterWrite) throw new Error('boom after the write');
    return { id: after.id, version: after.version };
  },
});

const zh = {
  UNAUTHENTICATED: '登录已失效，请重新登录。',
  FORBIDDEN: '您没有执行此操作的权限。',
  NOT_FOUND: '记录不存在或您无权查看。',
  CONFLICT: '该记录已被他人修改。下面是当前的值，请重新加载后再修改。',
  INVALID: '输入有误，请按提示修改后重试。',
  DUPLICATE: '已存在相同的记录（例如代码或用户名重复），请修改后重试。',
};

describe('createAction(): the one mutation wrapper', () => {
  const getDb = useTestDb();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function setup() {
    const county = await makeCounty();
    const dispatch = await makeUser({ role: 'dispatch', countyId: null });
    const project = await makeProject({ countyId: county.id, name: '柳树沟水库', code: 'KP-LSG' });
    return { county, dispatch, project };
  }

  async function projectRow(id: number) {
    const [row] = await getDb().select().from(projects).where(eq(projects.id, id));
    return row!;
  }

  async function auditRows() {
    return getDb().select().from(auditEvents);
  }

  it('refuses an unauthenticated call with UNAUTHENTICATED and writes nothing', async () => {
    const { project } = await setup();
    const res = await renameProject.execute(null, { id: project.id, version: 1, name: '新名称' });
    expect(res).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: zh.UNAUTHENTICATED });
    expect((await projectRow(project.id)).name).toBe('柳树沟水库');
    expect(await auditRows()).toEqual([]);
  });

  it('rejects invalid input with INVALID and per-field messages in Chinese by default', async () => {
    const { dispatch, project } = await setup();
    const res = await renameProject.execute(actorOf(dispatch), { id: project.id, name: '   ', code: 'x'.repeat(21) });
    expect(res).toEqual({
      ok: false,
      code: 'INVALID',
      message: zh.INVALID,
      fieldErrors: { version: ['必填'], name: ['必填'], code: ['最多 20 个字符'] },
    });
    expect(await auditRows()).toEqual([]);
  });

  it('translates the field messages into English with translator("en")', async () => {
    const { dispatch, project } = await setup();
    const res = await renameProject.execute(actorOf(dispatch), { id: project.id, name: '   ', code: 'x'.repeat(21) }, translator('en'));
    expect(res).toEqual({
      ok: false,
      code: 'INVALID',
      message: 'Some input is not valid. Please correct the marked fields.',
      fieldErrors: { version: ['Required'], name: ['Required'], code: ['At most 20 characters'] },
    });
  });

  it.each(['viewer', 'leader', 'lead'] as const)('refuses the %s role with FORBIDDEN and writes nothing', async (role) => {
    const { project } = await setup();
    const user = await makeUser({ role, countyId: null });
    await getDb().update(projects).set({ projectLeadId: user.id }).where(eq(projects.id, project.id));
    const res = await renameProject.execute(actorOf(user), { id: project.id, version: 1, name: '新名称' });
    expect(res).toEqual({ ok: false, code: 'FORBIDDEN', message: zh.FORBIDDEN });
    expect(await projectRow(project.id)).toMatchObject({ name: '柳树沟水库', version: 1 });
    expect(await auditRows()).toEqual([]);
  });

  it('hides a project of another county from a county user (NOT_FOUND, nothing written)', async () => {
    const { project } = await setup();
    const otherCounty = await makeCounty();
    const user = await makeUser({ role: 'dispatch', countyId: otherCounty.id });
    const res = await renameProject.execute(actorOf(user), { id: project.id, version: 1, name: '新名称' });
    expect(res).toEqual({ ok: false, code: 'NOT_FOUND', message: zh.NOT_FOUND });
    expect((await projectRow(project.id)).name).toBe('柳树沟水库');
    expect(await auditRows()).toEqual([]);
  });

  it('on success writes the row and exactly one audit event, in the same transaction', async () => {
    const { dispatch, project } = await setup();
    const res = await renameProject.execute(actorOf(dispatch), { id: project.id, version: 1, name: ' 切格尔水库 ' });
    expect(res).toEqual({ ok: true, data: { id: project.id, version: 2 } });

    const row = await projectRow(project.id);
    expect(row).toMatchObject({ name: '切格尔水库', version: 2 });

    const events = await auditRows();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      actorId: dispatch.id,
      actorName: dispatch.displayName,
      action: 'project.rename',
      entityType: 'project',
      entityId: String(project.id),
      projectId: project.id,
      before: { name: '柳树沟水库' },
      after: { name: '切格尔水库' },
    });
    expect(event!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // now() is the transaction's start time: equal timestamps mean one transaction.
    expect(event!.at.getTime()).toBe(row.updatedAt.getTime());
  });

  it('rolls the write back when run throws after it: no row change, no audit event, INTERNAL', async () => {
    const { dispatch, project } = await setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await renameProject.execute(actorOf(dispatch), {
      id: project.id,
      version: 1,
      name: '新名称',
      failAfterWrite: true,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe('INTERNAL');
    // The user sees a generic message with the request id that the log carries.
    const requestId = /编号 ([0-9a-f-]{36})/.exec(res.message)?.[1];
    expect(requestId).toBeDefined();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toContain(requestId!);
    expect(res.message).not.toContain('boom');

    expect(await projectRow(project.id)).toMatchObject({ name: '柳树沟水库', version: 1 });
    expect(await auditRows()).toEqual([]);
  });

  it('maps a unique violation raised in run to CONFLICT ("already exists") and writes nothing', async () => {
    const { dispatch, project } = await setup();
    const other = await makeProject({ code: 'KP-QGE' });
    const input = { id: other.id, version: 1, name: '切格尔水库', code: project.code };
    const res = await renameProject.execute(actorOf(dispatch), input);
    expect(res).toEqual({ ok: false, code: 'CONFLICT', message: zh.DUPLICATE });
    const en = await renameProject.execute(actorOf(dispatch), input, translator('en'));
    expect(en).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'A record with the same value already exists (for example a duplicate code or username). Please change it and try again.',
    });
    expect(await projectRow(other.id)).toMatchObject({ code: 'KP-QGE', version: 1 });
    expect(await auditRows()).toEqual([]);
  });

  it('returns CONFLICT with the current values on a stale version', async () => {
    const { dispatch, project } = await setup();
    const first = await renameProject.execute(actorOf(dispatch), { id: project.id, version: 1, name: '第一次' });
    expect(first.ok).toBe(true);
    const stale = await renameProject.execute(actorOf(dispatch), { id: project.id, version: 1, name: '第二次' });
    expect(stale).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: zh.CONFLICT,
      current: { name: '第一次', version: 2 },
    });
    expect(await projectRow(project.id)).toMatchObject({ name: '第一次', version: 2 });
    expect(await auditRows()).toHaveLength(1);
  });
});
