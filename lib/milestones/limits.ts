/**
 * The milestone form's text limit.
 * Plain values for the forms in the browser: importing them from ./schemas would send zod
 * to the phone with them (test/client-weight.test.ts). The schemas use the same values.
 */
export const NOTE_MAX = 2000;
