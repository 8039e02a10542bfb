import { describe, expect, it } from 'vitest';
import { useTestDb } from '@/test/db';
import { makeProject } from '@/test/factories';
import { listProjects } from './list-projects';
import { registrySearch } from './search-params';
import { buildWorld } from './test-world';

useTestDb();

describe('the registry’s 我负责的项目 filter', () => {
  async function world() {
    const w = await buildWorld();
    const other = await makeProject({ countyId: w.countyA.id, categoryCode: w.category.code, projectLeadId: w.users.leadOther.id });
    const unled = await makeProject({ countyId: w.countyA.id, categoryCode: w.category.code, projectLeadId: null });
    return { ...w, other, unled };
  }
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

  it('with mine=1 a lead sees only the projects they lead, and the total counts only those', async () => {
    const w = await world();
    const { rows, total } = await listProjects(w.actors.leadOwn, registrySearch.parse({ mine: '1' }));
    expect(ids(rows)).toEqual([w.project.id]);
    expect(total).toBe(1);
    const theirs = await listProjects(w.actors.leadOther, registrySearch.parse({ mine: '1' }));
    expect(ids(theirs.rows)).toEqual([w.other.id]);
  });

  it('with mine=0 (or without mine) the lead sees every project in their scope', async () => {
    const w = await world();
    const all = ids([w.project, w.other, w.unled]);
    expect(ids((await listProjects(w.actors.leadOwn, registrySearch.parse({ mine: '0' }))).rows)).toEqual(all);
    expect(ids((await listProjects(w.actors.leadOwn, registrySearch.parse({}))).rows)).toEqual(all);
  });

  it('combines with the other filters and keeps the actor’s scope', async () => {
    const w = await world();
    const none = await listProjects(w.actors.leadOwn, registrySearch.parse({ mine: '1', stage: 'completed' }));
    expect(none.total).toBe(0);
    // A user who leads nothing finds nothing, however wide their scope.
    expect((await listProjects(w.actors.dispatch, registrySearch.parse({ mine: '1' }))).total).toBe(0);
  });
});
