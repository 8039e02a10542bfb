/** Enumerations shared by the schema and the UI (no drizzle imports, safe in client code). */
export const ROLES = ['admin', 'dispatch', 'leader', 'lead', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const STAGES = ['preliminary', 'construction', 'completed', 'operating'] as const;
export type Stage = (typeof STAGES)[number];

export const PROJECT_STATUSES = ['on_track', 'at_risk', 'delayed', 'suspended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MILESTONE_KINDS = [
  'approval',
  'start_works',
  'main_works',
  'impoundment',
  'first_unit',
  'grid_connection',
  'open_traffic',
  'completion',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
