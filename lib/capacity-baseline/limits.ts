/** Text limits of the capacity-baseline form (plain, so the browser form shares them without zod). */
export const BASELINE_SOURCE_MAX = 200;
