'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { secondaryButton } from '@/app/_components/form/form-controls';
import type { DuplicateDecision } from '@/db/schema/enums';
import { decideDuplicate } from '@/lib/projects/actions';

export interface DuplicateItem {
  id: number;
  code: string;
  name: string;
  decision: DuplicateDecision;
  holderId: number;
  holderVersion: number;
}

/**
 * Two statements of the report that may be one project: the other record, the office's decision
 * (unconfirmed until it decides), and for the prefecture office the buttons that record it.
 */
export function DuplicateNotice({ items, canDecide }: { items: DuplicateItem[]; canDecide: boolean }) {
  const t = useTranslations('project.duplicate');
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  if (items.length === 0) return null;
  const decide = (item: DuplicateItem, decision: DuplicateDecision) =>
    start(async () => {
      const res = await decideDuplicate({ id: item.holderId, version: item.holderVersion, decision });
      if (res.ok) {
        setNote({ tone: 'success', text: t('done') });
        router.refresh();
      } else setNote({ tone: 'error', text: res.code === 'CONFLICT' ? t('conflict') : res.message });
    });
  return (
    <section
      className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-2.5 text-sm text-sky-950"
      aria-label={t('title')}
      data-testid="duplicate-notice"
      lang={locale}
    >
      <p className="font-medium">{t('title')}</p>
      <p className="mt-0.5 text-sky-900">{t('body')}</p>
      <ul className="mt-1 space-y-2">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={`/projects/${item.id}`} className="font-medium text-brand-700 hover:underline">
              <span className="font-mono text-xs">{item.code}</span> {item.name}
            </Link>
            <span className="rounded bg-white/70 px-1.5 py-0.5 text-xs ring-1 ring-sky-200" data-testid="duplicate-decision">
              {t(item.decision)}
            </span>
            {canDecide ? (
              <span className="flex flex-wrap gap-2">
                {(['same', 'distinct', 'unconfirmed'] as const)
                  .filter((d) => d !== item.decision)
                  .map((d) => (
                    <button
                      key={d}
                      type="button"
                      disabled={pending}
                      onClick={() => decide(item, d)}
                      className={`${secondaryButton} px-2.5 py-1 text-xs`}
                      data-testid={`duplicate-${d}`}
                    >
                      {t(d === 'same' ? 'markSame' : d === 'distinct' ? 'markDistinct' : 'markUnconfirmed')}
                    </button>
                  ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {note ? (
        <p
          role={note.tone === 'error' ? 'alert' : 'status'}
          className={`mt-1 ${note.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}`}
        >
          {note.text}
        </p>
      ) : null}
    </section>
  );
}
