/**
 * Every registry field a user may set, by name: what the project form lists. Apart from
 * ./schemas (whose shape has exactly these keys) so that the form does not bring zod to the
 * browser (test/client-weight.test.ts). The counties a project touches are not a column of
 * `projects` and have their own field, countyIds (lib/projects/counties.ts).
 */
export const PROJECT_FIELDS = [
  'code',
  'nationalCode',
  'name',
  'nameEn',
  'categoryCode',
  'countyId',
  'location',
  'constructionContent',
  'capacity',
  'capacityUnit',
  'totalInvestment',
  'annualPlannedInvestment',
  'startDate',
  'plannedCompletionDate',
  'stage',
  'status',
  'responsibleLeaderId',
  'responsibleUnitId',
  'ownerUnitId',
  'projectLeadId',
  'targetYear',
  'annualTarget',
] as const;

export type ProjectField = (typeof PROJECT_FIELDS)[number];
