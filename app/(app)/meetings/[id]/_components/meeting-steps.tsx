'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import { freezeMeeting, holdMeeting, proposeAgenda, publishMinutes } from '@/lib/meetings/actions';
import type { MeetingStatus } from '@/lib/meetings/constants';
import { RunFeedback } from './run-feedback';
import { useRunner } from './use-runner';

type Step = 'propose' | 'freeze' | 'hold' | 'publish';

/**
 * The office's steps: propose the agenda, freeze the status table (confirmed: once only),
 * mark the meeting held (confirmed when its date, `earlyDate`, is still ahead: the action then
 * gets confirmEarly), publish the minutes (confirmed: final). Only the steps the meeting's
 * state allows are offered; the server checks them again.
 */
export function MeetingSteps({
  id,
  version,
  status,
  frozen,
  earlyDate = null,
}: {
  id: number;
  version: number;
  status: MeetingStatus;
  frozen: boolean;
  /** The meeting's date as shown, when it is after today; null otherwise. */
  earlyDate?: string | null;
}) {
  const t = useTranslations('meetings');
  const r = useRunner();
  const [confirm, setConfirm] = useState<Step | null>(null);

  const steps: { key: Step; label: string; busyLabel: string; show: boolean; primary: boolean; confirmText?: string }[] = [
    {
      key: 'propose',
      label: t('action.propose'),
      busyLabel: t('action.proposing'),
      show: status !== 'published',
      primary: status === 'planned' && !frozen,
    },
    {
      key: 'freeze',
      label: t('action.freeze'),
      busyLabel: t('action.freezing'),
      show: status === 'planned' && !frozen,
      primary: false,
      confirmText: t('action.freezeConfirm'),
    },
    {
      key: 'hold',
      label: t('action.hold'),
      busyLabel: t('action.holding'),
      show: status === 'planned' && frozen,
      primary: true,
      confirmText: earlyDate ? t('action.holdEarlyConfirm', { date: earlyDate }) : undefined,
    },
    {
      key: 'publish',
      label: t('action.publish'),
      busyLabel: t('action.publishing'),
      show: status === 'held',
      primary: true,
      confirmText: t('action.publishConfirm'),
    },
  ];

  function go(step: Step) {
    setConfirm(null);
    if (step === 'propose')
      r.run(
        step,
        () => proposeAgenda({ id, version }),
        (d) =>
          d.added && d.merged
            ? t('action.proposedMerged', { count: d.added, merged: d.merged })
            : d.added
              ? t('action.proposed', { count: d.added })
              : d.merged
                ? t('action.proposedMergedOnly', { merged: d.merged })
                : t('action.proposedNone'),
      );
    if (step === 'freeze')
      r.run(
        step,
        () => freezeMeeting({ id, version }),
        (d) => t('action.frozen', { count: d.rows }),
      );
    if (step === 'hold')
      r.run(
        step,
        () => holdMeeting({ id, version, ...(earlyDate ? { confirmEarly: true } : {}) }),
        () => t('action.held'),
      );
    if (step === 'publish')
      r.run(
        step,
        () => publishMinutes({ id, version }),
        () => t('action.published'),
      );
  }

  const visible = steps.filter((s) => s.show);
  if (visible.length === 0) return null;
  const pendingConfirm = steps.find((s) => s.key === confirm);

  return (
    <div className="space-y-3" data-testid="meeting-steps">
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {visible.map((s) => (
          <button
            key={s.key}
            type="button"
            disabled={r.pending}
            className={s.primary ? primaryButton : secondaryButton}
            data-testid={`meeting-${s.key}`}
            onClick={() => (s.confirmText ? setConfirm(s.key) : go(s.key))}
          >
            {r.pending && r.busy === s.key ? s.busyLabel : s.label}
          </button>
        ))}
      </div>
      {pendingConfirm?.confirmText ? (
        <div
          role="alertdialog"
          aria-labelledby="confirm-text"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="meeting-confirm"
        >
          <p id="confirm-text">{pendingConfirm.confirmText}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={primaryButton} onClick={() => go(pendingConfirm.key)} data-testid="meeting-confirm-yes">
              {t('action.confirm')}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setConfirm(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <RunFeedback error={r.error} notice={r.notice} reload={r.reload} />
    </div>
  );
}
