/**
 * The report's limits as plain values, for the forms in the browser: importing them from
 * ./schemas would send zod to the phone with them (27 KB compressed on the report form).
 * The schemas use the same values.
 */
export const TEXT_MAX = 4000;
export const COMMENT_MAX = 2000;

/** What a report must have before it can be submitted (each gets its own message). */
export const REQUIRED_TO_SUBMIT = ['investmentThisPeriod', 'physicalProgress', 'percentComplete'] as const;
