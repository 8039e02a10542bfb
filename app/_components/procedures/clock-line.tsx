import type { ProcedureClock } from '@/lib/procedures/clock';

type T = (key: string, values?: Record<string, string | number>) => string;

const TONE = {
  within: 'text-slate-700',
  over_committed: 'text-amber-800 font-medium',
  over_statutory: 'text-red-700 font-semibold',
} as const;

/** A procedure's clock in one line: working days used against its limits, and which one it has passed. */
export function ClockLine({
  clock,
  committedDays,
  t,
  date,
}: {
  clock: ProcedureClock;
  committedDays: number;
  t: T;
  date: (d: string) => string;
}) {
  const over = clock.elapsed - committedDays;
  return (
    <p className={`text-sm ${TONE[clock.standing]}`} data-testid="procedure-clock" data-standing={clock.standing}>
      {clock.running
        ? t('clock.running', { elapsed: clock.elapsed, committedDue: date(clock.committedDue), statutoryDue: date(clock.statutoryDue) })
        : t('clock.stopped', { elapsed: clock.elapsed })}
      {clock.standing !== 'within' ? (
        <span className="ml-2 badge bg-red-50 text-red-800 ring-red-600/20">
          {clock.standing === 'over_statutory' ? t('clock.over_statutory') : t('clock.overBy', { days: over })}
        </span>
      ) : null}
    </p>
  );
}
