import type { Light } from '@/db/schema/enums';
import type { MeetingAgendaKind, MeetingStatus } from '@/lib/meetings/constants';

const base = 'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

const STATUS_STYLE: Record<MeetingStatus, string> = {
  planned: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  held: 'bg-amber-50 text-amber-800 ring-amber-600/25',
  published: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
};

export function MeetingStatusBadge({ status, label, testId }: { status: MeetingStatus; label: string; testId?: string }) {
  return (
    <span className={`${base} ${STATUS_STYLE[status]}`} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}

const LIGHT_STYLE: Record<Light, string> = {
  red: 'bg-red-600 text-white ring-red-700',
  yellow: 'bg-amber-300 text-amber-950 ring-amber-500',
  green: 'bg-emerald-600 text-white ring-emerald-700',
};

export function LightPill({ light, label }: { light: Light; label: string }) {
  return <span className={`${base} ${LIGHT_STYLE[light]}`}>{label}</span>;
}

const KIND_STYLE: Record<MeetingAgendaKind, string> = {
  light: 'bg-red-50 text-red-800 ring-red-600/20',
  overdue_problem: 'bg-orange-50 text-orange-800 ring-orange-600/20',
  milestone_slip: 'bg-violet-50 text-violet-800 ring-violet-600/20',
  carried_over: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  custom: 'bg-slate-100 text-slate-700 ring-slate-500/20',
};

export function AgendaKindBadge({ kind, label }: { kind: MeetingAgendaKind; label: string }) {
  return <span className={`${base} ${KIND_STYLE[kind]}`}>{label}</span>;
}
