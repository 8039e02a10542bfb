import { sql, type SQL } from 'drizzle-orm';
import { milestones } from '@/db/schema';

/**
 * A milestone is overdue when the date committed to (the baseline, or the plan where no
 * baseline was frozen) has passed and it has no actual date. One definition, in SQL and in JS.
 */
export function isOverdue(m: { baselineDate: string | null; plannedDate: string; actualDate: string | null }, today: string): boolean {
  return m.actualDate === null && (m.baselineDate ?? m.plannedDate) < today;
}

export function overdueSql(today: string): SQL {
  return sql`(${milestones.actualDate} IS NULL AND coalesce(${milestones.baselineDate}, ${milestones.plannedDate}) < ${today}::date)`;
}
