'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { CharCount, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { inputClass, secondaryButton } from '@/app/_components/form/form-controls';
import { addAgendaItem, removeAgendaItem, reorderAgenda } from '@/lib/meetings/actions';
import { ITEM_TITLE_MAX } from '@/lib/meetings/limits';
import { AgendaKindBadge } from '../../_components/meeting-badges';
import type { AgendaItemProps } from './agenda-item';
import { DecisionForm, type DecisionOptions } from './decision-form';
import { RunFeedback } from './run-feedback';
import { useRunner } from './use-runner';

export type { AgendaItemProps } from './agenda-item';

/**
 * The agenda: each item with why it is there; the office reorders (up/down), removes and adds
 * items until the minutes are published, and records a decision per item once the meeting is held.
 */
export function AgendaEditor({
  meetingId,
  version,
  items,
  canEdit,
  canDecide,
  decisionOptions,
  projects,
}: {
  meetingId: number;
  version: number;
  items: AgendaItemProps[];
  canEdit: boolean;
  canDecide: boolean;
  decisionOptions: DecisionOptions;
  projects: { id: number; name: string }[];
}) {
  const t = useTranslations('meetings');
  const r = useRunner();
  const checkLimits = useLimitCheck();
  const [title, setTitle] = useState('');
  const [projectId, setProjectId] = useState('');
  const [editing, setEditing] = useState<number | null>(null);

  function move(index: number, delta: number) {
    const ids = items.map((i) => i.id);
    const j = index + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[index], ids[j]] = [ids[j]!, ids[index]!];
    r.run(
      `move-${index}`,
      () => reorderAgenda({ meetingId, version, itemIds: ids }),
      () => t('agenda.moved'),
    );
  }

  return (
    <div className="space-y-3">
      <RunFeedback error={r.error} notice={r.notice} reload={r.reload} testId="agenda-feedback" />
      {items.length === 0 ? (
        <p className="px-1 py-4 text-sm text-slate-500" data-testid="agenda-empty">
          {t('agenda.empty')}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="agenda-list">
          {items.map((item, index) => (
            <li key={item.id} className="py-3" data-testid="agenda-item" data-kind={item.kind} data-item-id={item.id}>
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
                <span className="w-6 shrink-0 pt-0.5 text-sm font-semibold tabular-nums text-slate-500">{index + 1}.</span>
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <AgendaKindBadge kind={item.kind} label={item.kindLabel} />
                    <span className="break-words font-medium text-slate-900" data-testid="agenda-item-title">
                      {item.titleIsProject && item.project ? (
                        <Link href={`/projects/${item.project.id}`} className="hover:text-brand-700 hover:underline">
                          {item.title}
                        </Link>
                      ) : (
                        item.title
                      )}
                    </span>
                  </div>
                  {item.reasons.length ? (
                    <ul className="space-y-1.5" aria-label={t('agenda.reasons')} data-testid="agenda-reasons">
                      {item.reasons.map((r, i) => (
                        <li key={i} className="border-l-2 border-slate-200 pl-2" data-testid="agenda-reason" data-kind={r.kind}>
                          {r.heading ? (
                            <p className="break-words text-sm font-medium text-slate-800" data-testid="agenda-reason-heading">
                              {r.heading}
                            </p>
                          ) : null}
                          {r.lines.map((line) => (
                            <p key={line} className="break-words text-sm text-slate-600">
                              {line}
                            </p>
                          ))}
                          {r.problem ? (
                            <p className="text-xs text-slate-500">
                              <Link href={`/problems/${r.problem.id}`} className="text-brand-700 hover:underline">
                                #{r.problem.id}
                              </Link>{' '}
                              {r.problem.line}
                            </p>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {item.project && !item.titleIsProject ? (
                    <p className="text-xs text-slate-500">
                      {t('agenda.project')}
                      <Link href={`/projects/${item.project.id}`} className="text-brand-700 hover:underline">
                        {item.project.name}
                      </Link>
                    </p>
                  ) : null}

                  {item.decision ? (
                    <div
                      className="mt-2 rounded-md border border-emerald-200 bg-emerald-50/60 px-3 py-2 text-sm"
                      data-testid="agenda-decision"
                    >
                      <p className="text-xs font-medium text-emerald-800">{t('decision.label')}</p>
                      <p className="whitespace-pre-line break-words text-slate-900">{item.decision}</p>
                      {item.decisionProblem ? (
                        <p className="mt-1 text-xs text-slate-700" data-testid="agenda-decision-problem">
                          {item.decisionProblem.line}{' '}
                          <Link href={`/problems/${item.decisionProblem.id}`} className="text-brand-700 hover:underline">
                            {t('decision.viewProblem')}
                          </Link>
                        </p>
                      ) : null}
                    </div>
                  ) : null}
                  {canDecide ? (
                    editing === item.id ? (
                      <DecisionForm item={item} options={decisionOptions} onDone={() => setEditing(null)} />
                    ) : (
                      <button
                        type="button"
                        className="mt-1 text-sm font-medium text-brand-700 hover:underline"
                        data-testid="agenda-decide"
                        onClick={() => setEditing(item.id)}
                      >
                        {item.decision ? t('decision.edit') : t('decision.record')}
                      </button>
                    )
                  ) : null}
                </div>
                {canEdit ? (
                  <div className="flex shrink-0 gap-1 sm:flex-col">
                    <button
                      type="button"
                      disabled={r.pending || index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('agenda.moveUp', { title: item.title })}
                      className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40"
                      data-testid="agenda-up"
                    >
                      ↑ {t('agenda.up')}
                    </button>
                    <button
                      type="button"
                      disabled={r.pending || index === items.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('agenda.moveDown', { title: item.title })}
                      className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40"
                      data-testid="agenda-down"
                    >
                      ↓ {t('agenda.down')}
                    </button>
                    {item.decision === null ? (
                      <button
                        type="button"
                        disabled={r.pending}
                        onClick={() =>
                          r.run(
                            `remove-${item.id}`,
                            () => removeAgendaItem({ id: item.id, version: item.version }),
                            () => t('agenda.removed'),
                          )
                        }
                        aria-label={t('agenda.removeItem', { title: item.title })}
                        className="rounded border border-red-200 px-2 py-1 text-xs text-red-700 hover:bg-red-50 disabled:opacity-40"
                        data-testid="agenda-remove"
                      >
                        ✕ {t('agenda.remove')}
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}

      {canEdit ? (
        <form
          className="space-y-2 border-t border-slate-200 pt-3"
          data-testid="agenda-add"
          onSubmit={(e) => {
            e.preventDefault();
            r.run(
              'add',
              async () =>
                checkLimits({ title: [title, ITEM_TITLE_MAX] }) ?? (await addAgendaItem({ meetingId, version, title, projectId })),
              () => {
                setTitle('');
                setProjectId('');
                return t('agenda.added');
              },
            );
          }}
        >
          <h3 className="text-sm font-semibold text-slate-900">{t('agenda.addTitle')}</h3>
          <div className="grid gap-2 sm:grid-cols-[2fr_1fr_auto]">
            <div>
              <label htmlFor="agenda-title" className="sr-only">
                {t('agenda.addItemTitle')}
              </label>
              <input
                {...countedProps(
                  { id: 'agenda-title', 'aria-invalid': r.error?.fieldErrors.title?.length ? true : undefined },
                  title,
                  ITEM_TITLE_MAX,
                )}
                type="text"
                value={title}
                placeholder={t('agenda.addItemTitle')}
                onChange={(e) => setTitle(e.target.value)}
                className={inputClass}
                data-testid="agenda-add-title"
              />
              <CharCount id="agenda-title" value={title} max={ITEM_TITLE_MAX} />
            </div>
            <div>
              <label htmlFor="agenda-project" className="sr-only">
                {t('agenda.addProject')}
              </label>
              <select
                id="agenda-project"
                value={projectId}
                onChange={(e) => setProjectId(e.target.value)}
                className={inputClass}
                data-testid="agenda-add-project"
              >
                <option value="">{t('agenda.addProject')}</option>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={r.pending} className={secondaryButton} data-testid="agenda-add-submit">
              {r.pending && r.busy === 'add' ? t('agenda.adding') : t('agenda.addSubmit')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
