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

export async function createMeeting(input: unknown) {
  return meeting.createMeeting(input);
}

export async function updateMeeting(input: unknown) {
  return meeting.updateMeeting(input);
}

export async function freezeMeeting(input: unknown) {
  return meeting.freezeMeeting(input);
}

export async function holdMeeting(input: unknown) {
  return meeting.holdMeeting(input);
}

export async function publishMinutes(input: unknown) {
  return meeting.publishMinutes(input);
}

export async function proposeAgenda(input: unknown) {
  return agenda.proposeAgenda(input);
}

export async function addAgendaItem(input: unknown) {
  return agenda.addAgendaItem(input);
}

export async function removeAgendaItem(input: unknown) {
  return agenda.removeAgendaItem(input);
}

export async function reorderAgenda(input: unknown) {
  return agenda.reorderAgenda(input);
}

export async function recordDecision(input: unknown) {
  return agenda.recordDecision(input);
}
