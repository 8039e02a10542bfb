/**
 * The sentences that say why a project has its light, for every list that shows a light beside
 * other facts (the dashboard's red list, the 大屏, the registry and its exports). Pure and
 * client-safe; built on the lights page's one formatter (renderReason, lib/lights/reasons.ts):
 *   - the reason: the first computed reason, as the lights page shows it; with an override that
 *     applies today, the override's own reason first;
 *   - the status note: the registry's status says 正常推进 (on track) while the light is red or
 *     yellow; the two must not disagree without saying why.
 * Catalogue: lib/i18n/messages/{zh-CN,en}/projects.json, keys projects.light.*.
 */
import type { Light, ProjectStatus } from '@/db/schema/enums';
import type { LightReason } from '@/db/schema/lights';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translate';
import { renderReason } from './reasons';

export interface LightOverrideFacts {
  light: Light;
  reason: string;
  endsOn: string;
}

export interface LightFacts {
  /** The effective light (null: none computed and no override). */
  light: Light | null;
  /** The latest computed light's reasons (empty: no rule fired, or none computed). */
  reasons: readonly LightReason[];
  /** The override that applies today, if any. */
  override: LightOverrideFacts | null;
}

/** Any translator of the whole catalogue: lib/i18n/translate on the server, next-intl's useTranslations() in the browser. */
type T = (key: string, values?: Record<string, string | number | Date>) => string;

/** Why the project has its light, in one sentence (null: no light). */
export function lightReasonText(t: T, f: LightFacts, locale: Locale): string | null {
  if (f.light === null) return null;
  const first = f.reasons[0];
  const computed = first ? renderReason(t as Translate, first, locale) /* renderReason only calls t */ : t('projects.light.noReason');
  if (!f.override) return computed;
  return t('projects.light.overridden', { light: t(`lights.light.${f.override.light}`), reason: f.override.reason, computed });
}

/** The statuses whose pill reads as "fine" and so contradicts a red or yellow light. */
const CALM_STATUSES: readonly ProjectStatus[] = ['on_track'];

/** A short note when the status pill and the light disagree (null: they do not). */
export function statusLightNote(t: T, status: ProjectStatus, f: LightFacts, locale: Locale): string | null {
  if (f.light !== 'red' && f.light !== 'yellow') return null;
  if (!CALM_STATUSES.includes(status)) return null;
  return t('projects.light.statusNote', {
    status: t(`enums.status.${status}`),
    light: t(`lights.light.${f.light}`),
    reason: lightReasonText(t, f, locale) ?? '',
  });
}
