/**
 * The problem forms' text limits.
 * Plain values for the forms in the browser: importing them from ./schemas would send zod
 * to the phone with them (test/client-weight.test.ts). The schemas use the same values.
 */
export const DESCRIPTION_MAX = 2000;
export const RESOLUTION_MAX = 2000;
export const COMMENT_MAX = 2000;
export const REASON_MAX = 1000;
