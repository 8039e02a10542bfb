/**
 * zod schemas for the reporting cycle (调度填报), shared by the forms, the actions and the
 * photo route. Messages are catalogue keys under "validation" (see lib/actions/translate-zod.ts);
 * rules checked in the actions (required to submit, state) use keys under "reports".
 * Money is a decimal string in 万元 (two decimals), never floating point: lib/money parses it.
 */
import { z } from 'zod';
import { PERIOD_KINDS, type PeriodKind } from '@/db/schema/enums';
import { optionalMoneyField } from '@/lib/money/schema';
import { emptyToNull, idSchema, isoDate, optionalText } from '@/lib/projects/schemas';

export const TEXT_MAX = 4000;
export const COMMENT_MAX = 2000;

/** An optional amount in 万元: absent = unchanged, '' or null = cleared. */
const optionalMoney = optionalMoneyField('invalidMoney');

/** 0..100, whole numbers; form values arrive as strings. */
const optionalPercent = z.preprocess(emptyToNull, z.coerce.number().int().min(0).max(100).nullable()).optional();

/** The fields a project lead fills. Absent = leave as it is; '' or null = clear. */
export const reportFieldsShape = {
  investmentThisPeriod: optionalMoney,
  physicalProgress: optionalText(TEXT_MAX),
  percentComplete: optionalPercent,
  nextSteps: optionalText(TEXT_MAX),
  coordinationNeeds: optionalText(TEXT_MAX),
};
export type ReportField = keyof typeof reportFieldsShape;
export const REPORT_FIELDS = Object.keys(reportFieldsShape) as ReportField[];

/** What a report must have before it can be submitted (each gets its own message). */
export const REQUIRED_TO_SUBMIT = ['investmentThisPeriod', 'physicalProgress', 'percentComplete'] as const satisfies readonly ReportField[];

const version = z.coerce.number().int().positive().max(2_147_483_647);

export const saveReportSchema = z.object({ id: idSchema, version, ...reportFieldsShape });
/** Submitting saves the fields sent with it first (the form sends what is on screen). */
export const submitReportSchema = saveReportSchema;

export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const reviewReportSchema = z
  .object({
    id: idSchema,
    /** The version the reviewer saw: approving anything else is refused. */
    version,
    decision: z.enum(REVIEW_DECISIONS),
    comment: optionalText(COMMENT_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'required' });
  });

export const reopenReportSchema = z.object({
  id: idSchema,
  version,
  reason: z.string().trim().min(1).max(COMMENT_MAX),
});

export const deletePhotoSchema = z.object({ id: idSchema });
/** A photo's caption; empty clears it. */
export const captionPhotoSchema = z.object({ id: idSchema, caption: optionalText(200) });

export const openPeriodSchema = z.object({
  /** Absent or '': the cadence setting (report_cadence), monthly by default. */
  kind: z.preprocess(emptyToNull, z.enum(PERIOD_KINDS).nullable()).optional(),
  startDate: isoDate,
  endDate: isoDate,
  dueDate: isoDate,
});

/**
 * Rules across the period's dates, as field → catalogue key (the database CHECKs back them up).
 * Checked by openPeriod and by the form before it sends.
 */
export function periodDateErrors(v: { startDate: string; endDate: string; dueDate: string }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (v.endDate < v.startDate) out.endDate = ['reports.errors.endBeforeStart'];
  if (v.dueDate < v.startDate) out.dueDate = ['reports.errors.dueBeforeStart'];
  return out;
}

export type OpenPeriodInput = z.input<typeof openPeriodSchema>;
export type SaveReportInput = z.input<typeof saveReportSchema>;
export type ReviewReportInput = z.input<typeof reviewReportSchema>;

// ── Period dates ──────────────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days between the period's due date and its end, as suggested by the open-period form. */
export const DUE_AFTER_END: Record<PeriodKind, number> = { monthly: 5, dekad: 3 };

/**
 * The period that contains `today`: the calendar month, or the ten-day part (旬: 1–10, 11–20,
 * 21–end of month). The due date suggested is a few days after the end.
 */
export function suggestPeriod(kind: PeriodKind, today: string): { startDate: string; endDate: string; dueDate: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  let start: number;
  let end: number;
  if (kind === 'monthly') {
    start = 1;
    end = lastDay(y, m);
  } else {
    start = d <= 10 ? 1 : d <= 20 ? 11 : 21;
    end = d <= 10 ? 10 : d <= 20 ? 20 : lastDay(y, m);
  }
  const endDate = iso(y, m, end);
  return { startDate: iso(y, m, start), endDate, dueDate: addDays(endDate, DUE_AFTER_END[kind]) };
}

/**
 * The first period of this kind, from the one containing `today` onwards, that overlaps none of
 * the periods already open (what the open-period form suggests).
 */
export function suggestNextPeriod(
  kind: PeriodKind,
  today: string,
  taken: readonly { startDate: string; endDate: string }[],
): { startDate: string; endDate: string; dueDate: string } {
  let s = suggestPeriod(kind, today);
  for (let i = 0; i < 120 && taken.some((p) => p.startDate <= s.endDate && p.endDate >= s.startDate); i++) {
    s = suggestPeriod(kind, addDays(s.endDate, 1));
  }
  return s;
}

/**
 * How a period reads: a calendar month (monthly), a 旬 of a month (dekad), or else its dates.
 * `part` is 1, 2 or 3 for a dekad; null when the dates are not a calendar month / 旬.
 */
export function periodShape(p: { kind: PeriodKind; startDate: string; endDate: string }): {
  year: number;
  month: number;
  part: 1 | 2 | 3 | null;
  calendar: boolean;
} {
  const [y, m, sd] = p.startDate.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = p.endDate.split('-').map(Number) as [number, number, number];
  const sameMonth = y === ey && m === em;
  if (p.kind === 'monthly') return { year: y, month: m, part: null, calendar: sameMonth && sd === 1 && ed === lastDay(y, m) };
  const parts: [number, number, 1 | 2 | 3][] = [
    [1, 10, 1],
    [11, 20, 2],
    [21, lastDay(y, m), 3],
  ];
  const hit = sameMonth ? parts.find(([s, e]) => s === sd && e === ed) : undefined;
  return { year: y, month: m, part: hit ? hit[2] : null, calendar: Boolean(hit) };
}
