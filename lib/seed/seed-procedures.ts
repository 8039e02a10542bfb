/**
 * The seed's working-day calendar (the State Council's holiday notices) and the default procedure
 * templates, for the facts-only and the demo set alike.
 */
import type { Tx } from '@/db/client';
import * as s from '@/db/schema';
import { addDays } from '@/lib/calendar/working-days';
import { CALENDAR_FACTS } from './calendar-facts';
import { TEMPLATE_DEFAULTS } from './procedure-templates';

export async function seedCalendar(tx: Tx): Promise<void> {
  const rows: (typeof s.calendarDays.$inferInsert)[] = [];
  for (const year of CALENDAR_FACTS) {
    for (const h of year.holidays) {
      for (let day = h.from; day <= h.to; day = addDays(day, 1)) rows.push({ day, working: false, name: h.name });
      for (const day of h.worked) rows.push({ day, working: true, name: `${h.name}调休上班` });
    }
  }
  if (rows.length) await tx.insert(s.calendarDays).values(rows);
}

export async function seedProcedureTemplates(tx: Tx): Promise<void> {
  for (const t of TEMPLATE_DEFAULTS) {
    const [template] = await tx.insert(s.procedureTemplates).values({ nameZh: t.nameZh, nameEn: t.nameEn, isDefault: true }).returning();
    if (!template) throw new Error('seed: template insert returned nothing');
    await tx.insert(s.procedureTemplateCategories).values(t.categories.map((categoryCode) => ({ templateId: template.id, categoryCode })));
    const steps = await tx
      .insert(s.procedureTemplateSteps)
      .values(
        t.steps.map((step, i) => ({
          templateId: template.id,
          nameZh: step.nameZh,
          nameEn: step.nameEn,
          agencyKind: step.agency,
          statutoryDays: step.statutory,
          committedDays: step.committed,
          documents: step.documents,
          beforeStart: !step.afterStart,
          sort: i + 1,
        })),
      )
      .returning({ id: s.procedureTemplateSteps.id });
    const idOf = new Map(t.steps.map((step, i) => [step.key, steps[i]!.id]));
    const deps = t.steps.flatMap((step) =>
      (step.after ?? []).map((key) => {
        const dependsOnId = idOf.get(key);
        if (dependsOnId === undefined) throw new Error(`seed: template ${t.nameZh}: ${step.key} after unknown ${key}`);
        return { stepId: idOf.get(step.key)!, dependsOnId };
      }),
    );
    if (deps.length) await tx.insert(s.procedureTemplateStepDeps).values(deps);
  }
}
