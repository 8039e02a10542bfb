/**
 * The meeting forms' text limits.
 * Plain values for the forms in the browser: importing them from ./schemas would send zod
 * to the phone with them (test/client-weight.test.ts). The schemas use the same values.
 */
export const TITLE_MAX = 200;
export const ITEM_TITLE_MAX = 500;
export const DECISION_MAX = 4000;
