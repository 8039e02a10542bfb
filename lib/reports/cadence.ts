import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { settings } from '@/db/schema';
import { PERIOD_KINDS, type PeriodKind } from '@/db/schema/enums';

/** The settings key that holds the reporting cadence: 'monthly' (月度, the default) or 'dekad' (旬). */
export const CADENCE_SETTING = 'report_cadence';

/** The configured cadence; monthly when unset or not a known kind. */
export async function readCadence(db: Executor): Promise<PeriodKind> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, CADENCE_SETTING)).limit(1);
  const value = row?.value?.trim() ?? '';
  return (PERIOD_KINDS as readonly string[]).includes(value) ? (value as PeriodKind) : 'monthly';
}
