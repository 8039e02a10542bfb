import type { ReportStatus } from '@/db/schema/enums';

const base = 'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

const STATUS_STYLE: Record<ReportStatus, string> = {
  draft: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  submitted: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  returned: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  approved: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
};

export function ReportStatusBadge({ status, label, testId }: { status: ReportStatus; label: string; testId?: string }) {
  return (
    <span className={`${base} ${STATUS_STYLE[status]}`} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}

/** Submitted after the due date. */
export function LateBadge({ label }: { label: string }) {
  return (
    <span className={`${base} bg-orange-50 text-orange-800 ring-orange-600/30`} data-testid="late-badge">
      {label}
    </span>
  );
}

/** Not submitted and past the due date. */
export function OverdueReportBadge({ label }: { label: string }) {
  return (
    <span className={`${base} bg-red-600 text-white ring-red-700`} data-testid="overdue-badge">
      {label}
    </span>
  );
}

export function OnBehalfBadge({ label }: { label: string }) {
  return <span className={`${base} bg-violet-50 text-violet-800 ring-violet-600/20`}>{label}</span>;
}
