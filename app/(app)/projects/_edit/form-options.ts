import 'server-only';
import type { Actor } from '@/lib/authz';
import type { Locale } from '@/lib/i18n/config';
import type { ProjectDetail } from '@/lib/projects/queries';
import { getReferenceData, offered } from '@/lib/reference/queries';
import type { Option, ProjectFormOptions } from './project-values';

type Ref = { value: string; labelZh: string; labelEn: string; retired?: boolean };

/** The counties the project touches stay choosable (a retired one included: it stays until unticked). */
function touchedKept(options: Option[], project: ProjectDetail | undefined, en: boolean): Option[] {
  const out = [...options];
  for (const c of project?.counties ?? []) {
    if (!out.some((o) => o.value === String(c.id))) out.push({ value: String(c.id), label: en ? c.nameEn : c.nameZh });
  }
  return out;
}

/**
 * The choices of the project form in the user's language. A county user may only make their
 * county responsible, and keeps it among the counties the project touches. A value the project holds that is no longer offered (a disabled
 * user, say) stays selectable, so saving another field does not silently change it.
 */
export async function projectFormOptions(actor: Actor, locale: Locale, project?: ProjectDetail): Promise<ProjectFormOptions> {
  const ref = await getReferenceData(actor);
  const list = (rows: Ref[], keep?: { id: string | number | null; label: string | null }): Option[] => {
    // A retired entry is offered only to the project that holds it (lib/reference).
    const out = offered(rows, keep?.id).map((r) => ({ value: r.value, label: locale === 'en' ? r.labelEn : r.labelZh }));
    if (keep?.id != null && !out.some((o) => o.value === String(keep.id))) {
      out.push({ value: String(keep.id), label: keep.label ?? `#${keep.id}` });
    }
    return out;
  };
  const en = locale === 'en';
  return {
    categories: list(ref.categories, project && { id: project.categoryCode, label: null }),
    counties: touchedKept(list(ref.counties, project && { id: project.countyId, label: null }), project, en),
    allowPrefecture: actor.countyId === null,
    leaders: list(ref.leaders, project && { id: project.responsibleLeaderId, label: project.leaderName }),
    responsibleUnits: list(
      ref.responsibleUnits,
      project && { id: project.responsibleUnitId, label: en ? project.responsibleUnitEn : project.responsibleUnitZh },
    ),
    ownerUnits: list(ref.ownerUnits, project && { id: project.ownerUnitId, label: en ? project.ownerUnitEn : project.ownerUnitZh }),
    leads: list(ref.leads, project && { id: project.projectLeadId, label: project.leadName }),
  };
}
