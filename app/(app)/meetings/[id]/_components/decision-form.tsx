'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { controlProps, Field, inputClass, primaryButton, secondaryButton } from '@/app/_components/form/form-controls';
import { recordDecision } from '@/lib/meetings/actions';
import { DECISION_MAX } from '@/lib/meetings/limits';
import { DESCRIPTION_MAX } from '@/lib/problems/limits';
import type { AgendaItemProps } from './agenda-item';
import { RunFeedback } from './run-feedback';
import { useRunner } from './use-runner';

export interface DecisionOptions {
  types: { value: string; label: string }[];
  units: { value: string; label: string }[];
  leaders: { value: string; label: string }[];
  /** Default deadline offered (YYYY-MM-DD). */
  defaultDeadline: string;
}

/**
 * The decision on one agenda item (会议决定); optionally it assigns a problem (交办) with a
 * unit, leader and deadline (empty unit/leader: the project's). An item without a project, or
 * whose decision already assigned one, only takes the text.
 */
export function DecisionForm({ item, options, onDone }: { item: AgendaItemProps; options: DecisionOptions; onDone: () => void }) {
  const t = useTranslations('meetings');
  const r = useRunner();
  const checkLimits = useLimitCheck();
  const [decision, setDecision] = useState(item.decision ?? '');
  const [assign, setAssign] = useState(false);
  const [problem, setProblem] = useState({
    description: '',
    type: 'other',
    responsibleUnitId: '',
    responsibleLeaderId: '',
    deadline: options.defaultDeadline,
  });
  const canAssign = item.project !== null && item.decisionProblem === null;
  const fe = r.error?.fieldErrors ?? {};
  const pid = (k: string) => `d${item.id}-${k}`;

  return (
    <form
      className="mt-2 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      data-testid="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        r.run(
          'save',
          async () =>
            checkLimits({
              decision: [decision, DECISION_MAX],
              ...(assign ? { 'problem.description': [problem.description, DESCRIPTION_MAX] } : {}),
            }) ?? (await recordDecision({ id: item.id, version: item.version, decision, problem: assign ? problem : undefined })),
          () => {
            onDone();
            return t('decision.saved');
          },
        );
      }}
    >
      <Field id={pid('decision')} label={t('decision.label')} required errors={fe.decision}>
        <textarea
          {...countedProps(controlProps(pid('decision'), fe.decision, false, true), decision, DECISION_MAX)}
          rows={3}
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
          className={inputClass}
          data-testid="decision-text"
        />
        <CharCount id={pid('decision')} value={decision} max={DECISION_MAX} />
      </Field>
      {canAssign ? (
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" checked={assign} onChange={(e) => setAssign(e.target.checked)} data-testid="decision-assign" />
          {t('decision.assign')}
        </label>
      ) : null}
      {canAssign && assign ? (
        <div className="grid gap-3 sm:grid-cols-2" data-testid="decision-problem">
          <Field
            id={pid('pdesc')}
            label={t('decision.problemDescription')}
            required
            errors={fe['problem.description']}
            className="sm:col-span-2"
          >
            <textarea
              {...countedProps(controlProps(pid('pdesc'), fe['problem.description'], false, true), problem.description, DESCRIPTION_MAX)}
              rows={2}
              value={problem.description}
              onChange={(e) => setProblem((p) => ({ ...p, description: e.target.value }))}
              className={inputClass}
              data-testid="decision-problem-description"
            />
            <CharCount id={pid('pdesc')} value={problem.description} max={DESCRIPTION_MAX} />
          </Field>
          <Field id={pid('ptype')} label={t('decision.problemType')} required errors={fe['problem.type']}>
            <select
              {...controlProps(pid('ptype'), fe['problem.type'])}
              value={problem.type}
              onChange={(e) => setProblem((p) => ({ ...p, type: e.target.value }))}
              className={inputClass}
            >
              {options.types.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={pid('pdeadline')} label={t('decision.problemDeadline')} required errors={fe['problem.deadline']}>
            <input
              {...controlProps(pid('pdeadline'), fe['problem.deadline'], false, true)}
              type="date"
              value={problem.deadline}
              onChange={(e) => setProblem((p) => ({ ...p, deadline: e.target.value }))}
              className={inputClass}
              data-testid="decision-problem-deadline"
            />
          </Field>
          <Field
            id={pid('punit')}
            label={t('decision.problemUnit')}
            errors={fe['problem.responsibleUnitId'] ?? fe.responsibleUnitId}
            hint={t('decision.defaultHint')}
          >
            <select
              {...controlProps(pid('punit'), fe['problem.responsibleUnitId'], true)}
              value={problem.responsibleUnitId}
              onChange={(e) => setProblem((p) => ({ ...p, responsibleUnitId: e.target.value }))}
              className={inputClass}
              data-testid="decision-problem-unit"
            >
              <option value="">—</option>
              {options.units.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={pid('pleader')}
            label={t('decision.problemLeader')}
            errors={fe['problem.responsibleLeaderId'] ?? fe.responsibleLeaderId}
            hint={t('decision.defaultHint')}
          >
            <select
              {...controlProps(pid('pleader'), fe['problem.responsibleLeaderId'], true)}
              value={problem.responsibleLeaderId}
              onChange={(e) => setProblem((p) => ({ ...p, responsibleLeaderId: e.target.value }))}
              className={inputClass}
              data-testid="decision-problem-leader"
            >
              <option value="">—</option>
              {options.leaders.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      <RunFeedback error={r.error} notice={null} reload={r.reload} testId="decision-feedback" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button type="button" className={secondaryButton} onClick={onDone}>
          {t('action.cancel')}
        </button>
        <button type="submit" disabled={r.pending} className={primaryButton} data-testid="decision-save">
          {r.pending ? t('decision.saving') : t('decision.save')}
        </button>
      </div>
    </form>
  );
}
