/**
 * Rules across a period's dates, as field → catalogue key (the database CHECKs back them up).
 * Checked by openPeriod and by the forms before they send; apart from ./schemas so that the
 * forms do not bring zod to the browser (test/client-weight.test.ts).
 */
export function periodDateErrors(v: { startDate: string; endDate: string; dueDate: string }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (v.endDate < v.startDate) out.endDate = ['reports.errors.endBeforeStart'];
  if (v.dueDate < v.startDate) out.dueDate = ['reports.errors.dueBeforeStart'];
  return out;
}
