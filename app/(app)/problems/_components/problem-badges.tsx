import type { ProblemStatus } from '@/db/schema/enums';

const base = 'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

const STATUS_STYLE: Record<ProblemStatus, string> = {
  open: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  in_progress: 'bg-amber-50 text-amber-800 ring-amber-600/25',
  resolved: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  closed: 'bg-slate-100 text-slate-600 ring-slate-500/20',
};

/** 已交办 / 督办中 / 已办结 / 已销号. */
export function ProblemStatusBadge({ status, label, testId }: { status: ProblemStatus; label: string; testId?: string }) {
  return (
    <span className={`${base} ${STATUS_STYLE[status]}`} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}

/** Escalated to the responsible leader (1, orange) or the dispatch office (2, red). Nothing at 0. */
export function EscalationBadge({
  level,
  label,
  title,
  testId = 'escalation-badge',
}: {
  level: number;
  label: string;
  title?: string;
  testId?: string;
}) {
  if (level <= 0) return null;
  const style = level >= 2 ? 'bg-red-50 text-red-800 ring-red-600/30' : 'bg-orange-50 text-orange-800 ring-orange-500/30';
  return (
    <span className={`${base} ${style}`} data-testid={testId} data-level={level} title={title}>
      <span aria-hidden className="mr-1">
        {level >= 2 ? '⇈' : '↑'}
      </span>
      {label}
    </span>
  );
}

export function ProblemTypeBadge({ label }: { label: string }) {
  return <span className={`${base} bg-white text-slate-700 ring-slate-300`}>{label}</span>;
}

export function OverdueDaysBadge({ label }: { label: string }) {
  return (
    <span className={`${base} bg-red-600 text-white ring-red-700`} data-testid="overdue-badge">
      {label}
    </span>
  );
}
