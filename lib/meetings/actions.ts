'use server';

/**
 * The meetings' server actions (调度会). Each is a createAction defined in the module named after
 * its subject; tests and scripts call `.execute(actor, input)` on those definitions.
 *
 * - createMeeting, updateMeeting, freezeMeeting, holdMeeting, publishMinutes  lib/meetings/meeting-actions.ts
 * - proposeAgenda, addAgendaItem, removeAgendaItem, reorderAgenda, recordDecision  lib/meetings/agenda-actions.ts
 */
import * as agenda from './agenda-actions';
import * as meeting from './meeting-actions';

// The definitions themselves are the server actions (createAction results are async functions).
export const createMeeting = meeting.createMeeting;
export const updateMeeting = meeting.updateMeeting;
export const freezeMeeting = meeting.freezeMeeting;
export const holdMeeting = meeting.holdMeeting;
export const publishMinutes = meeting.publishMinutes;
export const proposeAgenda = agenda.proposeAgenda;
export const addAgendaItem = agenda.addAgendaItem;
export const removeAgendaItem = agenda.removeAgendaItem;
export const reorderAgenda = agenda.reorderAgenda;
export const recordDecision = agenda.recordDecision;
