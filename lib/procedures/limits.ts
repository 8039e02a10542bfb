/**
 * The procedure forms' text limits: plain values for the forms in the browser (the schemas use the
 * same ones; importing ./schemas would send zod to the phone).
 */
export const PROCEDURE_NOTE_MAX = 1000;
export const PROCEDURE_REASON_MAX = 500;
export const DOCUMENT_NUMBER_MAX = 100;
export const PROCEDURE_NAME_MAX = 100;
export const DOCUMENTS_MAX = 1000;
/** 法定时限 at most a year of working days. */
export const LIMIT_DAYS_MAX = 365;
