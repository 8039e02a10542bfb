'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { inputClass, secondaryButton } from '@/app/_components/form/form-controls';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { setLeaderTitle } from '@/lib/reference/actions';
import type { LeaderRow } from '@/lib/reference/admin-queries';
import { failureText } from './call';

/** The responsible leaders (users with the leader role) and their titles, each saved on its own. */
export function LeaderTitles({ rows }: { rows: LeaderRow[] }) {
  const t = useTranslations('reference');
  if (rows.length === 0)
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">{t('noLeaders')}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="leaders">
      {rows.map((r) => (
        <LeaderRowItem key={`${r.id}-${r.version}`} row={r} />
      ))}
    </ul>
  );
}

function LeaderRowItem({ row }: { row: LeaderRow }) {
  const t = useTranslations('reference');
  const router = useRouter();
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const [title, setTitle] = useState(row.title ?? '');
  const [note, setNote] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const id = `title-${row.id}`;
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await setLeaderTitle({ id: row.id, version: row.version, title });
      if (res.ok) {
        setNote({ tone: 'success', text: t('title_.done') });
        router.refresh();
      } else setNote({ tone: 'error', text: failureText(res, t, (at) => formatDateTime(at as Date | string | null, locale, timeZone)) });
    });
  };
  return (
    <li className="p-3" data-testid={`leader-${row.username}`}>
      <form onSubmit={save} className="grid gap-2 sm:grid-cols-[minmax(10rem,1fr)_minmax(12rem,1fr)_auto] sm:items-center">
        <label htmlFor={id} className={`font-medium ${row.disabled ? 'text-slate-500' : 'text-slate-900'}`}>
          {row.displayName}
          <span className="ml-2 font-mono text-xs font-normal text-slate-500">{row.username}</span>
        </label>
        <input
          id={id}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('title_.none')}
          className={inputClass}
          aria-label={t('col.title')}
        />
        <button type="submit" disabled={pending} className={secondaryButton}>
          {t('rename.submit')}
        </button>
      </form>
      {note ? (
        <p
          role={note.tone === 'error' ? 'alert' : 'status'}
          className={`mt-1 text-sm ${note.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}`}
        >
          {note.text}
        </p>
      ) : null}
    </li>
  );
}
