import type { ProjectField } from '@/lib/projects/fields';

/**
 * The maximum lengths of the registry's free-text fields, as lib/projects/schemas.ts refuses them
 * (text-limits.test.ts holds the two together): the form shows a live count against them and
 * never cuts pasted text. The national project code is not free text: it has its own shape
 * (lib/projects/national-code.ts), shown beside the field and checked by the schema.
 */
export const PROJECT_TEXT_MAX: Partial<Record<ProjectField, number>> = {
  name: 200,
  nameEn: 300,
  location: 500,
  constructionContent: 4000,
  capacityUnit: 20,
  annualTarget: 500,
};
