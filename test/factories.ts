/**
 * Test data factories: each inserts one row with sensible, unique defaults and returns it.
 * Override any column through the first argument. Rows go to the database of the current
 * test file (useTestDb()), or to the executor given as the second argument (a db or a tx).
 *
 *   const county = await makeCounty();
 *   const lead = await makeUser({ role: 'lead', countyId: county.id });
 *   const project = await makeProject({ countyId: county.id, projectLeadId: lead.id });
 *   const result = await someAction.execute(actorOf(lead), { ... });
 */
import type { Executor } from '@/db/client';
import { categories, counties, milestones, projects, units, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { activeTestDb } from './db';

export type County = typeof counties.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type User = typeof users.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;

/** Not a real hash: factories never hash (argon2 is slow). Log-in tests set their own hash. */
const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g';

let seq = 0;
const next = () => ++seq;

function target(executor?: Executor): Executor {
  return executor ?? activeTestDb();
}

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('factory: INSERT returned no row');
  return row;
}

export async function makeCounty(overrides: Partial<typeof counties.$inferInsert> = {}, executor?: Executor): Promise<County> {
  const n = next();
  return one(
    await target(executor)
      .insert(counties)
      .values({ code: `county-${n}`, nameZh: `测试县${n}`, nameEn: `Test County ${n}`, sort: n, ...overrides })
      .returning(),
  );
}

export async function makeCategory(overrides: Partial<typeof categories.$inferInsert> = {}, executor?: Executor): Promise<Category> {
  const n = next();
  return one(
    await target(executor)
      .insert(categories)
      .values({ code: `cat-${n}`, nameZh: `测试类别${n}`, nameEn: `Test Category ${n}`, sort: n, ...overrides })
      .returning(),
  );
}

export async function makeUnit(overrides: Partial<typeof units.$inferInsert> = {}, executor?: Executor): Promise<Unit> {
  const n = next();
  return one(
    await target(executor)
      .insert(units)
      .values({ nameZh: `测试单位${n}`, nameEn: `Test Unit ${n}`, kind: 'responsible', ...overrides })
      .returning(),
  );
}

/** A user; countyId null (the default) = prefecture-wide scope. A department user gets a unit of its own unless given one. */
export async function makeUser(overrides: { role: Role } & Partial<typeof users.$inferInsert>, executor?: Executor): Promise<User> {
  if (overrides.role === 'department' && overrides.unitId == null) {
    overrides = { ...overrides, unitId: (await makeUnit({ agencyKind: 'other' }, executor)).id };
  }
  const n = next();
  return one(
    await target(executor)
      .insert(users)
      .values({
        username: `${overrides.role}_${n}`,
        displayName: `测试用户${n}`,
        passwordHash: DUMMY_PASSWORD_HASH,
        countyId: null,
        ...overrides,
      })
      .returning(),
  );
}

/**
 * A project; countyId null (the default) = prefecture-wide. Creates a category unless
 * categoryCode is given.
 */
export async function makeProject(overrides: Partial<typeof projects.$inferInsert> = {}, executor?: Executor): Promise<Project> {
  const n = next();
  const categoryCode = overrides.categoryCode ?? (await makeCategory({}, executor)).code;
  return one(
    await target(executor)
      .insert(projects)
      .values({
        code: `KP-${String(n).padStart(4, '0')}`,
        name: `测试项目${n}`,
        nameEn: `Test Project ${n}`,
        stage: 'construction',
        countyId: null,
        totalInvestment: '10000.00',
        startDate: '2025-03-01',
        plannedCompletionDate: '2027-12-31',
        ...overrides,
        categoryCode,
      })
      .returning(),
  );
}

export async function makeMilestone(
  overrides: { projectId: number } & Partial<typeof milestones.$inferInsert>,
  executor?: Executor,
): Promise<Milestone> {
  const n = next();
  return one(
    await target(executor)
      .insert(milestones)
      .values({ kind: 'other', name: `节点${n}`, nameEn: `Milestone ${n}`, plannedDate: '2026-06-30', sort: n, ...overrides })
      .returning(),
  );
}

/** The Actor the actions and queries see for this user. */
export function actorOf(user: User): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    countyId: user.countyId,
    unitId: user.unitId,
  };
}
