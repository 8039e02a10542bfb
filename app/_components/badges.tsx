import type { MilestoneStatus, ProcedureState, ProjectStatus, Stage } from '@/db/schema/enums';
import type { PipelineStage } from '@/lib/plan-years/pipeline-stage';

const STATUS_STYLE: Record<ProjectStatus, string> = {
  on_track: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  at_risk: 'bg-amber-50 text-amber-800 ring-amber-600/25',
  delayed: 'bg-red-50 text-red-800 ring-red-600/20',
  suspended: 'bg-slate-100 text-slate-700 ring-slate-500/20',
};

const STAGE_STYLE: Record<Stage, string> = {
  preliminary: 'bg-violet-50 text-violet-800 ring-violet-600/20',
  construction: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  completed: 'bg-teal-50 text-teal-800 ring-teal-600/20',
  operating: 'bg-slate-100 text-slate-700 ring-slate-500/20',
};

const PIPELINE_STYLE: Record<PipelineStage, string> = {
  reserve: 'bg-slate-50 text-slate-700 ring-slate-500/20',
  preliminary: 'bg-violet-50 text-violet-800 ring-violet-600/20',
  new_start: 'bg-amber-50 text-amber-900 ring-amber-600/25',
  continuing: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  completed: 'bg-teal-50 text-teal-800 ring-teal-600/20',
  operating: 'bg-slate-100 text-slate-700 ring-slate-500/20',
};

const MILESTONE_STYLE: Record<MilestoneStatus, string> = {
  not_started: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  in_progress: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  done: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  delayed: 'bg-red-50 text-red-800 ring-red-600/20',
};

const PROCEDURE_STYLE: Record<ProcedureState, string> = {
  not_started: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  preparing: 'bg-violet-50 text-violet-800 ring-violet-600/20',
  accepted: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  in_progress: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  returned: 'bg-amber-50 text-amber-900 ring-amber-600/25',
  approved: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  not_applicable: 'bg-slate-50 text-slate-500 ring-slate-400/20',
};

/** The pill's shape (globals.css: .badge); the maps above give its colours. */
const base = 'badge';

export function StatusBadge({ status, label }: { status: ProjectStatus; label: string }) {
  return <span className={`${base} ${STATUS_STYLE[status]}`}>{label}</span>;
}

export function StageBadge({ stage, label }: { stage: Stage; label: string }) {
  return <span className={`${base} ${STAGE_STYLE[stage]}`}>{label}</span>;
}

export function PipelineStageBadge({ stage, label }: { stage: PipelineStage; label: string }) {
  return (
    <span className={`${base} ${PIPELINE_STYLE[stage]}`} data-pipeline={stage}>
      {label}
    </span>
  );
}

export function MilestoneStatusBadge({ status, label }: { status: MilestoneStatus; label: string }) {
  return <span className={`${base} ${MILESTONE_STYLE[status]}`}>{label}</span>;
}

export function OverdueBadge({ label }: { label: string }) {
  return <span className={`${base} bg-red-600 text-white ring-red-700`}>{label}</span>;
}

export function ProcedureStateBadge({ state, label }: { state: ProcedureState; label: string }) {
  return (
    <span className={`${base} ${PROCEDURE_STYLE[state]}`} data-state={state}>
      {label}
    </span>
  );
}
