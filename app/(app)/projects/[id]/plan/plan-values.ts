/**
 * The plan form's values and how they come from a saved plan (the page's row or a CONFLICT's
 * `current`). Plain module (no 'use client'): the server page and the client form both use it.
 */
export const TARGETS_MAX = 2000;
export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export interface PlanFormValues {
  plannedInvestment: string;
  /** Whether the plan is split by month (else monthlyTargets is saved as null: m/12). */
  split: boolean;
  months: string[];
  targets: string;
}

export function planValues(row: { plannedInvestment?: unknown; monthlyTargets?: unknown; targets?: unknown } | null): PlanFormValues {
  const months = Array.isArray(row?.monthlyTargets) && row.monthlyTargets.length === 12 ? row.monthlyTargets.map(String) : null;
  return {
    plannedInvestment: typeof row?.plannedInvestment === 'string' ? row.plannedInvestment : '',
    split: months !== null,
    months: months ?? MONTHS.map(() => ''),
    targets: typeof row?.targets === 'string' ? row.targets : '',
  };
}
