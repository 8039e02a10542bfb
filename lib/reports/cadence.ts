import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { settings } from '@/db/schema';
import { PERIOD_KINDS, type PeriodKind } from '@/db/schema/enums';
import type { Translate } from '@/lib/i18n/translate';
import { suggestPeriod } from './schemas';

/** The settings key that holds the reporting cadence: 'monthly' (月度, the default) or 'dekad' (旬). */
export const CADENCE_SETTING = 'report_cadence';

/** The configured cadence; monthly when unset or not a known kind. */
export async function readCadence(db: Executor): Promise<PeriodKind> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, CADENCE_SETTING)).limit(1);
  const value = row?.value?.trim() ?? '';
  return (PERIOD_KINDS as readonly string[]).includes(value) ? (value as PeriodKind) : 'monthly';
}

// ── Period dates against the cadence ─────────────────────────────────────────────────────────

/** The period of this kind that contains `day`: the calendar month, or its 旬 (1–10, 11–20, 21–end). */
export function calendarPeriodOf(kind: PeriodKind, day: string): { startDate: string; endDate: string } {
  const { startDate, endDate } = suggestPeriod(kind, day);
  return { startDate, endDate };
}

/** The last day a period may start on: the end of next year (no period is opened further ahead). */
export function latestPeriodStart(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}-12-31`;
}

/**
 * The period's dates against its kind, as field → message (already in the user's language: the
 * messages name the dates). A monthly period is one calendar month, a dekad (旬) one of a month's
 * three parts; neither may start after the end of next year. Order rules (end before start, due
 * before start) are periodDateErrors' and come first: with those broken, nothing is said here.
 */
export function cadenceErrors(
  t: Translate,
  kind: PeriodKind,
  v: { startDate: string; endDate: string },
  today: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const expected = calendarPeriodOf(kind, v.startDate);
  if (expected.startDate !== v.startDate) {
    out.startDate = [t(`reports.errors.cadenceStart.${kind}`, { date: expected.startDate })];
  } else if (expected.endDate !== v.endDate) {
    out.endDate = [t(`reports.errors.cadenceEnd.${kind}`, { date: expected.endDate })];
  }
  const limit = latestPeriodStart(today);
  if (v.startDate > limit) (out.startDate ??= []).push(t('reports.errors.tooFarAhead', { date: limit }));
  return out;
}
