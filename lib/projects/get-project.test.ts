import { beforeEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { updateMilestone } from '@/lib/milestones/actions';
import { actorOf, makeProject, makeUser } from '@/test/factories';
import { useTestDb } from '@/test/db';
import { updateProject } from './actions';
import { getMilestoneForEdit, getProject, getProjectHistory, getProjectMilestones } from './get-project';
import { buildWorld, type World } from './test-world';

useTestDb();
let w: World;

beforeEach(async () => {
  setClockForTests(null);
  w = await buildWorld();
  // Two events: a project edit, then a milestone update.
  const p = await updateProject.execute(w.actors.dispatch, { id: w.project.id, version: 1, status: 'at_risk' });
  const m = await updateMilestone.execute(w.actors.leadOwn, { id: w.milestone.id, version: 1, status: 'in_progress', note: '进展顺利' });
  if (!p.ok || !m.ok) throw new Error('setup failed');
});

describe('getProject and friends: scope', () => {
  it('a county user cannot read another county’s project, its milestones or its history', async () => {
    const other = w.actors.countyB;
    expect(await getProject(other, w.project.id)).toBeNull();
    expect(await getProjectMilestones(other, w.project.id)).toEqual([]);
    expect(await getProjectHistory(other, w.project.id)).toEqual([]);
    expect(await getMilestoneForEdit(other, w.project.id, w.milestone.id)).toBeNull();
  });

  it('a county user cannot read a prefecture-wide project either', async () => {
    const wide = await makeProject({ countyId: null });
    expect(await getProject(w.actors.countyB, wide.id)).toBeNull();
    expect(await getProject(w.actors.viewer, wide.id)).not.toBeNull();
  });

  it('a user of the project’s county reads it', async () => {
    const countyViewer = actorOf(await makeUser({ role: 'viewer', countyId: w.countyA.id }));
    expect(await getProject(countyViewer, w.project.id)).toMatchObject({ id: w.project.id });
    expect(await getProjectMilestones(countyViewer, w.project.id)).toHaveLength(1);
    expect(await getProjectHistory(countyViewer, w.project.id)).toHaveLength(2);
  });

  it('a missing or absurd id is null, not an error', async () => {
    expect(await getProject(w.actors.admin, w.project.id + 1000)).toBeNull();
    expect(await getProject(w.actors.admin, Number.NaN)).toBeNull();
    expect(await getProject(w.actors.admin, 1e12)).toBeNull();
  });
});

describe('getProject: content', () => {
  it('joins the names a reader needs', async () => {
    const p = await getProject(w.actors.viewer, w.project.id);
    expect(p).toMatchObject({
      id: w.project.id,
      status: 'at_risk',
      version: 2,
      categoryZh: w.category.nameZh,
      categoryEn: w.category.nameEn,
      countyZh: w.countyA.nameZh,
      countyEn: w.countyA.nameEn,
      leaderName: w.users.leader.displayName,
      responsibleUnitZh: w.responsibleUnit.nameZh,
      responsibleUnitEn: w.responsibleUnit.nameEn,
      ownerUnitZh: w.ownerUnit.nameZh,
      ownerUnitEn: w.ownerUnit.nameEn,
      leadName: w.users.leadOwn.displayName,
    });
    expect(p?.sources.annualTarget).toMatchObject({ kind: 'report' });
  });

  it('history is newest first, for the project and its milestones, with the milestone’s name', async () => {
    const history = await getProjectHistory(w.actors.admin, w.project.id);
    expect(history.map((h) => h.action)).toEqual(['milestone.update', 'project.update']);
    expect(history[0]).toMatchObject({
      entityType: 'milestone',
      actorName: w.users.leadOwn.displayName,
      milestoneName: w.milestone.name,
      before: { note: null },
      after: { note: '进展顺利' },
    });
    expect(history[1]).toMatchObject({ entityType: 'project', before: { status: 'on_track' }, after: { status: 'at_risk' } });
    expect(await getProjectHistory(w.actors.admin, w.project.id, { limit: 1 })).toHaveLength(1);
  });
});
