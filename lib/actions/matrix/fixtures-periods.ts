/**
 * Fixtures of the authorization matrix: correcting and cancelling a reporting period (opening
 * one is in fixtures-reports.ts). A period is shared by every scope and names nobody, and the
 * actions are prefecture-only: every county actor is refused, whatever the role.
 */
import { reportingPeriods, reports } from '@/db/schema';
import { type CaseContext, caseProject, type Fixture, onSharedRecord } from './world';

const JULY = { kind: 'monthly', startDate: '2025-07-01', endDate: '2025-07-31', dueDate: '2025-08-05' } as const;

/** July 2025, opened, with a draft report of a project in the case's county. */
async function casePeriod(c: CaseContext) {
  const project = await caseProject(c);
  const [period] = await c.tx.insert(reportingPeriods).values(JULY).returning();
  if (!period) throw new Error('fixture: INSERT returned no row');
  await c.tx.insert(reports).values({ periodId: period.id, projectId: project.id, status: 'draft' });
  return period;
}

export const PERIOD_FIXTURES: Record<string, Fixture> = {
  'period.correct': onSharedRecord(async (c) => {
    const p = await casePeriod(c);
    return {
      input: { id: p.id, version: p.version, startDate: p.startDate, endDate: p.endDate, dueDate: '2025-08-08' },
      target: { table: reportingPeriods, id: p.id },
    };
  }),
  'period.cancel': onSharedRecord(async (c) => {
    const p = await casePeriod(c);
    return { input: { id: p.id, version: p.version }, target: { table: reportingPeriods, id: p.id } };
  }),
};
