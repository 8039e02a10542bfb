'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { CharCount, charsOver, countedProps, useLimitCheck } from '@/app/_components/form/char-count';
import { captionReportPhoto } from '@/lib/reports/actions';
import { PHOTO_CAPTION_MAX } from '@/lib/reports/photo-limits';
import type { PhotoItem } from './photo-thumb';

/** Enter saves the field here; it must not submit the report form the uploader sits in. */
export function noSubmit(e: React.KeyboardEvent<HTMLInputElement>, then?: () => void) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  then?.();
}

/** The caption of an uploaded photo, saved when the field is left (or on Enter). */
export function CaptionEditor({ photo, onSaved }: { photo: PhotoItem; onSaved: (caption: string | null) => void }) {
  const t = useTranslations('reports.photo');
  const [value, setValue] = useState(photo.caption ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = photo.originalName ?? t('untitled', { id: photo.id });
  const check = useLimitCheck();
  const id = `photo-caption-${photo.id}`;

  function save() {
    const next = value.trim();
    if (next === (photo.caption ?? '')) return;
    // Over the limit: said here and not sent (the text stays as typed, nothing is cut).
    const refused = check({ caption: [next, PHOTO_CAPTION_MAX] });
    if (refused) {
      setError(refused.message);
      return;
    }
    setError(null);
    startTransition(async () => {
      const res = await captionReportPhoto({ id: photo.id, caption: next });
      if (res.ok) {
        setValue(res.data.caption ?? '');
        onSaved(res.data.caption);
      } else {
        setError(res.message);
      }
    });
  }

  return (
    <div className="mt-1">
      <input
        type="text"
        {...countedProps({ id, 'aria-invalid': error ? true : undefined }, value, PHOTO_CAPTION_MAX)}
        value={value}
        disabled={pending}
        onChange={(e) => setValue(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => noSubmit(e, save)}
        placeholder={t('caption')}
        aria-label={t('captionLabel', { name })}
        className="block w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-900 disabled:bg-slate-100"
        data-testid="photo-caption-input"
      />
      {/* The count only near the limit: a caption is short, the thumbnail small. */}
      {value.length > PHOTO_CAPTION_MAX * 0.8 || charsOver(value, PHOTO_CAPTION_MAX) > 0 ? (
        <CharCount id={id} value={value} max={PHOTO_CAPTION_MAX} />
      ) : null}
      {error ? (
        <p role="alert" className="mt-0.5 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
