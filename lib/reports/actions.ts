'use server';

/**
 * The reporting cycle's server actions (调度填报). Each one is a createAction (lib/actions/
 * wrapper.ts), defined in the module named after its verb: authenticate, validate, check the
 * permission, run the change and its audit event in one transaction. Tests and route handlers
 * call `.execute(actor, input)` on those definitions; the forms call the functions below.
 *
 * - openPeriod      lib/reports/open-period.ts   (dispatch office)
 * - saveReport      lib/reports/edit-report.ts   (project lead; draft | returned)
 * - submitReport    lib/reports/edit-report.ts   (project lead; draft | returned → submitted)
 * - reviewReport    lib/reports/review-report.ts (responsible leader, or dispatch on behalf; submitted → approved | returned)
 * - reopenReport    lib/reports/review-report.ts (dispatch office; approved → returned)
 * - deleteReportPhoto lib/reports/photo-actions.ts (project lead; draft | returned)
 * - captionReportPhoto lib/reports/photo-actions.ts (project lead; draft | returned)
 *
 * Photo uploads are a route handler (app/api/reports/[id]/photos), not an action: multipart
 * bodies of up to 10 MB, with progress in the browser.
 */
import { getActor } from '@/lib/auth/session';
import { requestTranslator } from '@/lib/i18n/translate-server';
import { submitReport as submitDef, saveReport as saveDef } from './edit-report';
import { openPeriod as openDef } from './open-period';
import { captionReportPhoto as captionDef, deleteReportPhotoAs } from './photo-actions';
import { reopenReport as reopenDef, reviewReport as reviewDef } from './review-report';

// The definitions themselves are the server actions (createAction results are async functions).
export const openPeriod = openDef;
export const saveReport = saveDef;
export const submitReport = submitDef;
export const reviewReport = reviewDef;
export const reopenReport = reopenDef;
export const captionReportPhoto = captionDef;

/** Not a createAction result: the removeReportPhoto action, then the files once it committed. */
export async function deleteReportPhoto(input: unknown) {
  const [actor, t] = await Promise.all([getActor(), requestTranslator()]);
  return deleteReportPhotoAs(actor, input, t);
}
