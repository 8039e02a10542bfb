/**
 * Every fixture of the authorization matrix, by action name (meta.name). The only hand-written
 * part of the matrix: how to build a record an action works on and a valid input. Who may call
 * it comes from the permission table, never from here.
 */
import { ADMIN_FIXTURES } from './fixtures-admin';
import { MEETING_FIXTURES } from './fixtures-meetings';
import { PERIOD_FIXTURES } from './fixtures-periods';
import { PROCEDURE_FIXTURES } from './fixtures-procedures';
import { PROJECT_FIXTURES } from './fixtures-projects';
import { REFERENCE_FIXTURES } from './fixtures-reference';
import { REPORT_FIXTURES } from './fixtures-reports';
import { RULE_SET_FIXTURES } from './fixtures-rule-sets';
import type { Fixture } from './world';

const parts = [
  PROJECT_FIXTURES,
  REPORT_FIXTURES,
  PERIOD_FIXTURES,
  MEETING_FIXTURES,
  ADMIN_FIXTURES,
  RULE_SET_FIXTURES,
  REFERENCE_FIXTURES,
  PROCEDURE_FIXTURES,
];

export const FIXTURES: Readonly<Record<string, Fixture>> = Object.assign({}, ...parts);

/** Names given a fixture in more than one part (a mistake: one would silently win). */
export const DUPLICATE_FIXTURES = parts.flatMap((p) => Object.keys(p)).filter((name, i, all) => all.indexOf(name) !== i);
