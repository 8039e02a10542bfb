/**
 * The registry's light columns (issue 13): the effective light today (the same expression as the
 * registry's light filter and the dashboard's light figures, lib/dashboard/drilldown-sql.ts), the
 * latest computed light's reasons, and the override that applies today. Scalar subqueries, so
 * they belong in the select list of a page of rows (listProjects selects them for its page only).
 * Render the reason with lightReasonText (lib/lights/light-text.ts).
 */
import { sql } from 'drizzle-orm';
import { lightOverrides, projectLights, projects, reportingPeriods } from '@/db/schema';
import type { Light } from '@/db/schema/enums';
import type { LightReason } from '@/db/schema/lights';
import { effectiveLightSql } from '@/lib/dashboard/drilldown-sql';
import type { LightOverrideFacts } from '@/lib/lights/light-text';

export interface RegistryLight {
  light: Light | null;
  lightReasons: LightReason[];
  lightOverride: LightOverrideFacts | null;
}

/** jsonb arrives parsed from some drivers and as text from others. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function registryLightColumns(day: string) {
  return {
    light: effectiveLightSql(day),
    lightReasons: sql<LightReason[]>`coalesce((SELECT pl.reasons FROM ${projectLights} pl
        JOIN ${reportingPeriods} rp ON rp.id = pl.period_id
        WHERE pl.project_id = ${projects.id}
        ORDER BY rp.end_date DESC, rp.start_date DESC
        LIMIT 1), '[]'::jsonb)`.mapWith(json<LightReason[]>),
    lightOverride:
      sql<LightOverrideFacts | null>`(SELECT jsonb_build_object('light', lo.light, 'reason', lo.reason, 'endsOn', lo.ends_on::text)
        FROM ${lightOverrides} lo
        WHERE lo.project_id = ${projects.id} AND lo.cleared_at IS NULL
          AND lo.starts_on <= ${day}::date AND lo.ends_on >= ${day}::date
        LIMIT 1)`.mapWith(json<LightOverrideFacts>),
  };
}
