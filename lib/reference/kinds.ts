/**
 * Reference data an office maintains (责任单位/业主单位, 项目类别, 县市, 包抓领导的职务): the kinds,
 * limits and usage counts that client components need. No zod here: a client table that
 * imports this must not pull the schema library into the page (test/client-weight.test.ts).
 */
export const REFERENCE_KINDS = ['unit', 'category', 'county'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const UNIT_KINDS = ['responsible', 'owner'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds whose entries can be merged into another (every reference then points at the survivor). */
export const MERGEABLE: Readonly<Record<ReferenceKind, boolean>> = { unit: true, category: true, county: false };

export const REFERENCE_CODE_PATTERN = /^[a-z0-9_-]{2,32}$/;
export const NAME_MAX = 100;
export const TITLE_MAX = 40;

/** The English name as stored: the Chinese one when none was given. */
export const englishName = (v: { nameZh: string; nameEn: string }) => v.nameEn || v.nameZh;

/** Where an entry is used, by kind of record (what a refusal to delete names). */
export interface Usage {
  projects: number;
  problems: number;
  users: number;
  meetings: number;
  /** Approval procedures (an agency's) and procedure templates (a category's). */
  procedures: number;
}

export const usageTotal = (u: Usage) => u.projects + u.problems + u.users + u.meetings + u.procedures;
