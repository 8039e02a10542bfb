import type { Locale } from '@/lib/i18n/config';
import { formatCapacity, formatDate } from '@/lib/format';
import { formatWan, isMoney } from '@/lib/money';
import { PROJECT_FIELDS } from '@/lib/projects/schemas';
import { optionLabel, type ReferenceData } from '@/lib/reference/queries';

type T = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

const DATE_FIELDS = new Set(['startDate', 'plannedCompletionDate', 'plannedDate', 'baselineDate', 'forecastDate', 'actualDate']);
const MONEY_FIELDS = new Set(['totalInvestment', 'annualPlannedInvestment']);

const MILESTONE_FIELDS = ['kind', 'name', 'nameEn', 'plannedDate', 'baselineDate', 'forecastDate', 'actualDate', 'status', 'note', 'sort'];

/** The changed fields of an event in the order the forms show them (jsonb does not keep key order). */
export function orderedKeys(entityType: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const order: readonly string[] = entityType === 'milestone' ? MILESTONE_FIELDS : PROJECT_FIELDS;
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.keys({ ...(before ?? {}), ...(after ?? {}) }).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The translated label of a changed field, or the key itself for a field this page does not know. */
export function fieldLabel(t: T, entityType: string, key: string): string {
  const ns = entityType === 'milestone' ? 'project.milestoneField' : 'project.field';
  return t.has(`${ns}.${key}`) ? t(`${ns}.${key}`) : key;
}

/** A value from an audit event as a reader would write it: enum labels, names, dates, money. */
export function historyValue(t: T, locale: Locale, ref: ReferenceData, entityType: string, key: string, value: unknown): string {
  // No responsible county: the prefecture is the responsible level (地区级).
  if (key === 'countyId' && (value === null || value === undefined)) return t('project.prefectureWide');
  if (value === null || value === undefined || value === '') return t('project.empty');
  // The counties a project touches, by name; none = not reported (未填报).
  if (key === 'countyIds' && Array.isArray(value)) {
    if (value.length === 0) return t('project.locationNotReported');
    return value.map((id) => optionLabel(ref.counties, String(id), locale) ?? `#${String(id)}`).join(locale === 'en' ? ', ' : '、');
  }
  const s = String(value);
  const enumLabel = (group: string) => (t.has(`enums.${group}.${s}`) ? t(`enums.${group}.${s}`) : s);
  switch (key) {
    case 'status':
      return enumLabel(entityType === 'milestone' ? 'milestoneStatus' : 'status');
    case 'stage':
      return enumLabel('stage');
    case 'kind':
      return enumLabel('milestoneKind');
    case 'categoryCode':
      return optionLabel(ref.categories, s, locale) ?? s;
    case 'countyId':
      return optionLabel(ref.counties, s, locale) ?? `#${s}`;
    case 'responsibleUnitId':
      return optionLabel(ref.responsibleUnits, s, locale) ?? `#${s}`;
    case 'ownerUnitId':
      return optionLabel(ref.ownerUnits, s, locale) ?? `#${s}`;
    case 'responsibleLeaderId':
      return optionLabel(ref.leaders, s, locale) ?? `#${s}`;
    case 'projectLeadId':
      return optionLabel(ref.leads, s, locale) ?? `#${s}`;
    case 'capacity':
      return formatCapacity(s, null, locale);
  }
  if (DATE_FIELDS.has(key)) return formatDate(s, locale);
  // An amount an older event stored in another shape is shown as it was stored.
  if (MONEY_FIELDS.has(key)) return isMoney(value) ? formatWan(s, locale) : s;
  if (typeof value === 'object') return JSON.stringify(value);
  return s;
}
