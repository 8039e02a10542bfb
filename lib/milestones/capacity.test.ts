import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n/translate';
import { buildWorld, milestoneRow, type World } from '@/lib/projects/test-world';
import { useTestDb } from '@/test/db';
import { makeMilestone } from '@/test/factories';
import { updateMilestone } from './actions';

/** A grid connection's batch capacity (分批并网), entered by the lead in the milestone form. */
const getDb = useTestDb();
let w: World;
let grid: { id: number; version: number };

beforeAll(() => setClockForTests(new Date('2025-06-15T04:00:00Z')));
afterAll(() => setClockForTests(null));
beforeEach(async () => {
  w = await buildWorld();
  grid = await makeMilestone({ projectId: w.project.id, kind: 'grid_connection', plannedDate: '2025-06-30' });
});

const edit = (id: number, version: number, over: Record<string, unknown>) => ({
  id,
  version,
  status: 'done',
  actualDate: '2025-06-10',
  ...over,
});

describe('updateMilestone: the batch capacity', () => {
  it('the lead enters it on a grid connection (typed forms as lib/money reads them), and clears it with ""', async () => {
    const res = await updateMilestone.execute(w.actors.leadOwn, edit(grid.id, grid.version, { capacity: '３０.５' }));
    expect(res).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await milestoneRow(getDb(), grid.id)).toMatchObject({ capacity: '30.50', status: 'done', version: 2 });
    expect((await updateMilestone.execute(w.actors.leadOwn, edit(grid.id, 2, {}))).ok).toBe(true);
    expect((await milestoneRow(getDb(), grid.id))?.capacity).toBe('30.50'); // absent: left as it is
    expect((await updateMilestone.execute(w.actors.leadOwn, edit(grid.id, 2, { capacity: '' }))).ok).toBe(true);
    expect((await milestoneRow(getDb(), grid.id))?.capacity).toBeNull();
  });

  it('a negative or a non-number is a field error in the user’s language; another kind of milestone takes none', async () => {
    const zh = translator('zh-CN');
    const en = translator('en');
    const negative = await updateMilestone.execute(w.actors.leadOwn, edit(grid.id, grid.version, { capacity: '-1' }), zh);
    expect(negative).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { capacity: [zh('validation.negativeMoney')] } });
    const text = await updateMilestone.execute(w.actors.leadOwn, edit(grid.id, grid.version, { capacity: '30兆瓦' }), en);
    expect(text).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { capacity: [en('validation.invalidNumber')] } });
    const other = await updateMilestone.execute(
      w.actors.leadOwn,
      { id: w.milestone.id, version: w.milestone.version, status: 'in_progress', capacity: '5' },
      zh,
    );
    expect(other).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { capacity: [zh('validation.capacityGridOnly')] } });
    expect((await milestoneRow(getDb(), grid.id))?.version).toBe(1);
  });
});
