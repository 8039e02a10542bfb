'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { MilestoneForm, type MilestoneFormValues } from '@/app/(app)/projects/[id]/milestones/[milestoneId]/edit/milestone-form';

/**
 * Updates a milestone from inside the report: the same form, action, permission check,
 * conflict handling and history as on the project page, opened in place.
 */
export function InlineMilestoneUpdate({
  milestoneId,
  projectId,
  name,
  initial,
  version,
  today,
}: {
  milestoneId: number;
  projectId: number;
  name: string;
  initial: MilestoneFormValues;
  version: number;
  today: string;
}) {
  const t = useTranslations('reports.milestones');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t('updateLabel', { name })}
        data-testid={`inline-milestone-${milestoneId}`}
        className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1.5 text-xs font-medium text-brand-700 hover:bg-slate-50"
      >
        {t('update')}
      </button>
    );
  }
  return (
    <div className="mt-2 w-full rounded-md border border-slate-200 bg-slate-50 p-3">
      <MilestoneForm
        id={milestoneId}
        projectId={projectId}
        initial={initial}
        initialVersion={version}
        today={today}
        onDone={(saved) => {
          setOpen(false);
          if (saved) router.refresh();
        }}
      />
    </div>
  );
}
