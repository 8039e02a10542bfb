/**
 * The project form's values (all strings, as the inputs hold them) and how they come from a
 * stored row. Pure: used by the pages (server) and the form (client, on "reload").
 */
import { PROJECT_FIELDS, type ProjectField } from '@/lib/projects/fields';

/** The registry fields as text, and the counties the project touches (ids as text). */
export type ProjectFormValues = Record<ProjectField, string> & { countyIds: string[] };

/** A stored decimal as a person would type it: "12000.00" → "12000", "12.50" → "12.5". */
export function decimalForInput(v: string): string {
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

const DECIMAL_FIELDS = new Set<ProjectField>(['capacity', 'totalInvestment', 'annualPlannedInvestment']);

export function projectFormValues(row: Partial<Record<string, unknown>> | null): ProjectFormValues {
  const touched = row?.countyIds;
  const out = { countyIds: Array.isArray(touched) ? touched.map(String) : [] } as ProjectFormValues;
  for (const key of PROJECT_FIELDS) {
    const v = row?.[key];
    const s = v === null || v === undefined ? '' : String(v);
    out[key] = DECIMAL_FIELDS.has(key) && s ? decimalForInput(s) : s;
  }
  if (!out.stage) out.stage = 'preliminary';
  if (!out.status) out.status = 'on_track';
  return out;
}

export type Option = { value: string; label: string };

export interface ProjectFormOptions {
  categories: Option[];
  counties: Option[];
  /** Whether "prefecture-wide" (no county) may be chosen: prefecture users only. */
  allowPrefecture: boolean;
  leaders: Option[];
  responsibleUnits: Option[];
  ownerUnits: Option[];
  leads: Option[];
}

/** The reference field each select uses. */
export const SELECT_OPTIONS: Partial<Record<ProjectField, keyof Omit<ProjectFormOptions, 'allowPrefecture'>>> = {
  categoryCode: 'categories',
  countyId: 'counties',
  responsibleLeaderId: 'leaders',
  responsibleUnitId: 'responsibleUnits',
  ownerUnitId: 'ownerUnits',
  projectLeadId: 'leads',
};

export const CAPACITY_UNITS = ['万千瓦', 'MW', '公里', '万立方米', '亿立方米', '万吨', '亩', '万亩', '千伏'];
