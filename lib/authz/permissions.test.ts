import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, type Db } from '@/db/client';
import { projects, ROLES, type Role } from '@/db/schema';
import {
  can,
  grantOf,
  hasPermission,
  inScope,
  mayEver,
  PERMISSIONS,
  projectScope,
  type Actor,
  type Permission,
  type Relation,
  type Subject,
} from '@/lib/authz';
import { useTestDb } from '@/test/db';
import { actorOf, makeCounty, makeProject, makeUser } from '@/test/factories';

/**
 * The role × permission table as the product defines it, written out here on purpose (not
 * derived from ROLE_PERMISSIONS), so that any change to the table breaks this test: change
 * both together. 'any' = everywhere in the role's scope; a list = only through those relations
 * to the record. Every permission not listed for a role is refused.
 */
const GRANTED: Record<Role, Partial<Record<Permission, 'any' | readonly Relation[]>>> = {
  admin: {
    'project.read': 'any',
    'project.create': 'any',
    'project.update': 'any',
    'milestone.create': 'any',
    'milestone.update': 'any',
    'user.manage': 'any',
    'reference.manage': 'any',
    'ruleset.edit': 'any',
    'meeting.read': 'any',
    'notification.read': 'any',
    'calendar.manage': 'any',
  },
  dispatch: {
    ...Object.fromEntries(
      (
        [
          'project.read',
          'project.create',
          'project.update',
          'milestone.create',
          'milestone.update',
          'reference.manage',
          'period.open',
          'report.review',
          'report.reopen',
          'problem.create',
          'problem.update',
          'problem.progress',
          'problem.close',
          'problem.comment',
          'plan.edit',
          'baseline.freeze',
          'planYear.rollover',
          'portfolioTarget.record',
          'capacityBaseline.record',
          'light.compute',
          'light.override',
          'meeting.read',
          'meeting.manage',
          'procedure.plan',
          'procedure.prepare',
          'procedure.handle',
          'calendar.manage',
        ] as const
      ).map((p) => [p, 'any' as const]),
    ),
    'notification.read': 'any',
  },
  leader: {
    'project.read': 'any',
    'report.review': ['responsibleLeader'],
    'problem.create': ['projectLead', 'responsibleLeader'],
    'problem.close': ['responsibleLeader'],
    'problem.comment': 'any',
    'light.override': ['responsibleLeader'],
    'meeting.read': 'any',
    'notification.read': 'any',
  },
  lead: {
    'project.read': 'any',
    'milestone.update': ['projectLead'],
    'report.edit': ['projectLead'],
    'problem.create': ['projectLead', 'responsibleLeader'],
    'problem.progress': ['unitMember'],
    'problem.comment': 'any',
    'meeting.read': 'any',
    'notification.read': 'any',
    'procedure.prepare': ['projectLead'],
  },
  viewer: { 'project.read': 'any', 'meeting.read': 'any', 'notification.read': 'any' },
  // 部门用户: only its own agency's procedures (the procedure's unit is its approving agency).
  department: { 'project.read': 'any', 'notification.read': 'any', 'procedure.handle': ['unitMember'] },
};

function actor(role: Role, over: Partial<Actor> = {}): Actor {
  return { id: 100, username: `${role}_x`, displayName: role, role, countyId: null, unitId: null, ...over };
}

describe('the role × permission table', () => {
  it('covers exactly the known roles and permissions', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(GRANTED).sort());
    for (const role of ROLES) {
      for (const p of Object.keys(GRANTED[role])) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
    }
  });

  const cells = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission] as const));
  it.each(cells)('%s × %s', (role, permission) => {
    const expected = GRANTED[role][permission];
    expect(grantOf({ role }, permission)).toEqual(expected);
    expect(hasPermission({ role }, permission)).toBe(expected === 'any');
    expect(mayEver({ role }, permission)).toBe(expected !== undefined);
  });

  it('without a record, can() is the plain table: only an everywhere grant counts (no relation to claim)', () => {
    for (const role of ROLES) {
      for (const permission of PERMISSIONS) {
        expect(can(actor(role), permission), `${role} ${permission}`).toBe(GRANTED[role][permission] === 'any');
      }
    }
  });

  it('with a record, each relation grants exactly what the table says', () => {
    const me = 7;
    const subjects: Record<Relation | 'none', Subject> = {
      none: { countyId: 1, projectLeadId: 8, responsibleLeaderId: 9, responsibleUnitId: 4 },
      projectLead: { countyId: 1, projectLeadId: me, responsibleLeaderId: 9, responsibleUnitId: 4 },
      responsibleLeader: { countyId: 1, projectLeadId: 8, responsibleLeaderId: me, responsibleUnitId: 4 },
      unitMember: { countyId: 1, projectLeadId: 8, responsibleLeaderId: 9, responsibleUnitId: 3 },
    };
    for (const role of ROLES) {
      const a = actor(role, { id: me, countyId: null, unitId: 3 });
      for (const permission of PERMISSIONS) {
        const grant = GRANTED[role][permission];
        for (const [relation, subject] of Object.entries(subjects)) {
          const expected = grant === 'any' || (grant !== undefined && (grant as readonly string[]).includes(relation));
          expect(can(a, permission, subject), `${role} ${permission} as ${relation}`).toBe(expected);
        }
      }
    }
  });
});

describe('can() with relation grants', () => {
  const lead = actor('lead', { id: 7, countyId: 1 });
  const ownProject = { countyId: 1, projectLeadId: 7 };
  const otherProject = { countyId: 1, projectLeadId: 8 };
  const unledProject = { countyId: 1, projectLeadId: null };

  it('a project lead may update the milestones of the project they lead', () => {
    expect(can(lead, 'milestone.update', ownProject)).toBe(true);
  });

  it('but not those of a project someone else leads, or nobody leads', () => {
    expect(can(lead, 'milestone.update', otherProject)).toBe(false);
    expect(can(lead, 'milestone.update', unledProject)).toBe(false);
  });

  it('a lead may edit reports only of the project they lead (no report.edit everywhere)', () => {
    expect(can(lead, 'report.edit', ownProject)).toBe(true);
    expect(can(lead, 'report.edit', otherProject)).toBe(false);
    expect(can(lead, 'report.edit')).toBe(false);
    // Being the responsible leader does not make a lead the report's editor.
    expect(can(lead, 'report.edit', { countyId: 1, projectLeadId: 8, responsibleLeaderId: 7 })).toBe(false);
  });

  it('leading a project grants nothing beyond the relation grants', () => {
    expect(can(lead, 'milestone.create', ownProject)).toBe(false);
    expect(can(lead, 'project.update', ownProject)).toBe(false);
    expect(can(lead, 'user.manage', ownProject)).toBe(false);
  });

  it('roles with the general permission do not need to lead the project', () => {
    expect(can(actor('dispatch', { countyId: 1 }), 'milestone.update', otherProject)).toBe(true);
    expect(can(actor('admin'), 'milestone.update', unledProject)).toBe(true);
  });

  it('the responsible leader (包抓领导) of the record reviews; another leader does not', () => {
    const leader = actor('leader', { id: 9, countyId: null });
    expect(can(leader, 'report.review', { countyId: 1, projectLeadId: null, responsibleLeaderId: 9 })).toBe(true);
    expect(can(leader, 'report.review', { countyId: 1, projectLeadId: null, responsibleLeaderId: 10 })).toBe(false);
    expect(can(leader, 'report.review', { countyId: 1, projectLeadId: null })).toBe(false);
    // Being responsible leader does not turn a relation grant into the general permission.
    expect(can(leader, 'report.reopen', { countyId: 1, projectLeadId: null, responsibleLeaderId: 9 })).toBe(false);
    // 销号 is the responsible leader's, not the project lead's.
    expect(can(leader, 'problem.close', { countyId: 1, projectLeadId: 9, responsibleLeaderId: 10 })).toBe(false);
  });

  it('unit membership (责任单位) covers members of the responsible unit only', () => {
    const member = actor('lead', { id: 7, countyId: null, unitId: 3 });
    expect(can(member, 'problem.progress', { countyId: 1, projectLeadId: null, responsibleUnitId: 3 })).toBe(true);
    expect(can(member, 'problem.progress', { countyId: 1, projectLeadId: null, responsibleUnitId: 4 })).toBe(false);
    expect(can(member, 'problem.progress', { countyId: 1, projectLeadId: null, responsibleUnitId: null })).toBe(false);
    // An actor without a unit never matches a record without one.
    const noUnit = actor('lead', { id: 7, countyId: null, unitId: null });
    expect(can(noUnit, 'problem.progress', { countyId: 1, projectLeadId: null, responsibleUnitId: null })).toBe(false);
    expect(can(noUnit, 'problem.progress', { countyId: 1, projectLeadId: null })).toBe(false);
  });

  it('a viewer or leader who is named project lead still may not update milestones', () => {
    expect(can(actor('viewer', { id: 7 }), 'milestone.update', ownProject)).toBe(false);
    expect(can(actor('leader', { id: 7 }), 'milestone.update', ownProject)).toBe(false);
  });
});

describe('scope', () => {
  const countyA = { countyId: 1, projectLeadId: null };
  const countyB = { countyId: 2, projectLeadId: null };
  const prefectureWide = { countyId: null, projectLeadId: null };

  it('a county user is refused everything on a project of another county, even reading', () => {
    const dispatchA = actor('dispatch', { countyId: 1 });
    expect(inScope(dispatchA, countyA)).toBe(true);
    expect(inScope(dispatchA, countyB)).toBe(false);
    expect(can(dispatchA, 'project.read', countyA)).toBe(true);
    expect(can(dispatchA, 'project.read', countyB)).toBe(false);
    expect(can(dispatchA, 'project.update', countyB)).toBe(false);
  });

  it('a county lead of a project in another county may not touch it', () => {
    const lead = actor('lead', { id: 7, countyId: 1 });
    expect(can(lead, 'milestone.update', { countyId: 2, projectLeadId: 7 })).toBe(false);
  });

  it('a prefecture user sees every county and the prefecture-wide projects', () => {
    const viewer = actor('viewer', { countyId: null });
    for (const p of [countyA, countyB, prefectureWide]) {
      expect(inScope(viewer, p)).toBe(true);
      expect(can(viewer, 'project.read', p)).toBe(true);
    }
  });

  it('a prefecture-wide project (county null) is invisible to county users', () => {
    const viewerA = actor('viewer', { countyId: 1 });
    expect(inScope(viewerA, prefectureWide)).toBe(false);
    expect(can(viewerA, 'project.read', prefectureWide)).toBe(false);
    expect(can(actor('admin', { countyId: 1 }), 'project.update', prefectureWide)).toBe(false);
  });
});

describe('projectScope() in a real query', () => {
  useTestDb();

  async function visibleCodes(db: Db, a: Actor): Promise<string[]> {
    const rows = await db.select({ code: projects.code }).from(projects).where(projectScope(a)).orderBy(asc(projects.code));
    return rows.map((r) => r.code);
  }

  it('returns only the own county for county users, everything for prefecture users', async () => {
    const [a, b] = [await makeCounty(), await makeCounty()];
    const userA = await makeUser({ role: 'viewer', countyId: a.id });
    const prefect = await makeUser({ role: 'viewer', countyId: null });
    await makeProject({ code: 'A-1', countyId: a.id });
    await makeProject({ code: 'A-2', countyId: a.id });
    await makeProject({ code: 'B-1', countyId: b.id });
    await makeProject({ code: 'P-1', countyId: null });

    const db = await getDb(); // the test database, as the queries under test would see it
    expect(await visibleCodes(db, actorOf(userA))).toEqual(['A-1', 'A-2']);
    expect(await visibleCodes(db, actorOf(prefect))).toEqual(['A-1', 'A-2', 'B-1', 'P-1']);
  });
});
