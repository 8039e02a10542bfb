'use client';

import { PHOTO_CAPTION_MAX } from '@/lib/reports/photo-limits';
import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { deleteReportPhoto } from '@/lib/reports/actions';
import { PHOTO_MAX_BYTES, PHOTO_MAX_PER_REPORT, PHOTO_TYPES } from '@/lib/reports/photo-limits';
import { CaptionEditor, noSubmit } from './photo-caption-editor';
import { PhotoNotices, PhotoOptions, usePhotoOption } from './photo-options';
import { stampLines } from './photo-stamp';
import { PhotoCaption, PhotoThumb, type PhotoItem } from './photo-thumb';
import { newKey, send, type Upload } from './photo-upload-send';
import { preparePhoto, type PrepareOptions } from './prepare-photo';

/**
 * Site photos of a report being edited: take or choose photos (several at once). Each is resized
 * in the browser (prepare-photo.ts) and uploaded in turn with its progress; the server checks
 * every file and a refusal says why. A failed upload can be retried; without a network it waits
 * and goes when the browser is back online (kept in memory only: leaving the page drops it).
 * Thumbnails open the full image; a photo can be deleted (with a second tap to confirm).
 */
export function PhotoUploader({ reportId, projectName, initial }: { reportId: number; projectName: string; initial: PhotoItem[] }) {
  const t = useTranslations('reports.photo');
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const [recordLocation] = usePhotoOption('recordLocation');
  const [stamp] = usePhotoOption('stamp');
  // What could not be done as chosen (no position found, no stamp drawn): said once, dismissable.
  const [notices, setNotices] = useState<string[]>([]);
  const router = useRouter();
  const [photos, setPhotos] = useState(initial);
  const [uploads, setUploadsState] = useState<Upload[]>([]);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const maxMb = PHOTO_MAX_BYTES / 1024 / 1024;
  // The queue lives in a ref (the sending loop reads it between awaits) mirrored into state.
  const itemsRef = useRef<Upload[]>([]);
  const busy = useRef(false);

  const update = useCallback((fn: (list: Upload[]) => Upload[]) => {
    itemsRef.current = fn(itemsRef.current);
    setUploadsState(itemsRef.current);
  }, []);
  const patch = useCallback(
    (key: string, change: Partial<Upload>) => update((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u))),
    [update],
  );

  /** Sends the queued photos one at a time; without a network they wait (state 'offline'). */
  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    let added = false;
    try {
      for (;;) {
        const next = itemsRef.current.find((u) => u.state === 'queued');
        if (!next?.prepared) break;
        if (typeof navigator !== 'undefined' && navigator.onLine === false) {
          update((list) => list.map((u) => (u.state === 'queued' ? { ...u, state: 'offline', error: null } : u)));
          break;
        }
        const item = { ...next, prepared: next.prepared };
        patch(item.key, { state: 'sending', progress: 0, error: null });
        const { status, body } = await send(reportId, item, (percent) => patch(item.key, { progress: percent }));
        if (body?.ok) {
          const photo = body.data;
          setPhotos((p) => (p.some((x) => x.id === photo.id) ? p : [...p, photo]));
          update((list) => list.filter((x) => x.key !== item.key));
          added = true;
        } else if (status === 0) {
          patch(item.key, { state: 'offline', error: null, lastStatus: 0 });
        } else {
          patch(item.key, { state: 'failed', error: body && !body.ok ? body.message : `HTTP ${status}`, lastStatus: status });
        }
      }
    } finally {
      busy.current = false;
    }
    if (added) router.refresh();
  }, [patch, reportId, router, update]);

  // Back online: what waited for the network goes now.
  useEffect(() => {
    const online = () => {
      update((list) => list.map((u) => (u.state === 'offline' ? { ...u, state: 'queued' } : u)));
      void pump();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [pump, update]);

  async function onFiles(list: FileList | null) {
    const files = Array.from(list ?? []);
    if (inputRef.current) inputRef.current.value = '';
    if (files.length === 0) return;
    const added: Upload[] = files.map((file, i) => ({
      key: `${Date.now()}-${i}-${file.name}`,
      name: file.name,
      file,
      prepared: null,
      idempotencyKey: newKey(),
      caption: '',
      state: 'preparing',
      progress: 0,
      error: null,
      retryable: true,
      lastStatus: null,
    }));
    update((u) => [...u, ...added]);
    const options: PrepareOptions = {
      location: recordLocation,
      stamp: stamp
        ? (facts) => stampLines(t, { ...facts, projectName, now: new Date() }, (d) => formatDateTime(d, locale, timeZone))
        : null,
    };
    // One at a time: decoding a 12 MP photo takes tens of MB of a phone's memory.
    for (const { key, file } of added) {
      const prepared = await preparePhoto(file, options);
      const said = [
        ...(prepared.noLocation ? [t('noLocation', { name: file.name })] : []),
        ...(prepared.noStamp ? [t('noStamp', { name: file.name })] : []),
      ];
      if (said.length) setNotices((n) => [...n, ...said]);
      // Only the size is checked here (to spare a phone the upload); the server decides the rest.
      if (prepared.blob.size > PHOTO_MAX_BYTES) {
        patch(key, { prepared, state: 'failed', retryable: false, error: t('errors.tooLarge', { max: maxMb }) });
        continue;
      }
      patch(key, { prepared, state: 'queued' });
      void pump();
    }
  }

  function retry(key: string) {
    patch(key, { state: 'queued', error: null });
    void pump();
  }

  function setCaption(u: Upload, caption: string) {
    // A refused attempt (an answer other than success) stored nothing, so a changed caption is a
    // new request with a new key; after no answer the key stays and so does the caption (input
    // disabled), or a retry of an upload that did arrive would be refused as another request.
    patch(u.key, { caption, ...(u.lastStatus !== null && u.lastStatus !== 0 ? { idempotencyKey: newKey(), lastStatus: null } : {}) });
  }

  function remove(id: number) {
    setDeleteError(null);
    startTransition(async () => {
      const res = await deleteReportPhoto({ id });
      setConfirming(null);
      if (res.ok) {
        setPhotos((p) => p.filter((x) => x.id !== id));
        router.refresh();
      } else {
        setDeleteError(res.message);
      }
    });
  }

  return (
    <section aria-labelledby="photos-title" data-testid="photo-uploader">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="photos-title" className="text-sm font-semibold text-slate-900">
          {t('title')} <span className="font-normal text-slate-500">{t('count', { count: photos.length })}</span>
        </h3>
      </div>
      <p className="mt-0.5 text-xs text-slate-500">{t('hint', { max: maxMb, count: PHOTO_MAX_PER_REPORT })}</p>
      <PhotoOptions />

      <label className="mt-3 flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-lg border-2 border-dashed border-brand-600/40 bg-brand-50/60 px-4 py-3 text-sm font-medium text-brand-800 hover:bg-brand-50 focus-within:outline focus-within:outline-2 focus-within:outline-brand-600">
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M4 8h3l2-3h6l2 3h3v11H4z" strokeLinejoin="round" />
          <circle cx="12" cy="13" r="3.5" />
        </svg>
        {t('add')}
        <input
          ref={inputRef}
          type="file"
          accept={PHOTO_TYPES.join(',')}
          multiple
          className="sr-only"
          data-testid="photo-input"
          onChange={(e) => void onFiles(e.target.files)}
        />
      </label>

      {uploads.length ? (
        <ul className="mt-3 space-y-2" aria-live="polite" data-testid="upload-list">
          {uploads.map((u) => {
            const bad = u.state === 'failed' || u.state === 'offline';
            return (
              <li
                key={u.key}
                className={`rounded-md border px-3 py-2 text-sm ${
                  u.state === 'failed'
                    ? 'border-red-200 bg-red-50 text-red-800'
                    : u.state === 'offline'
                      ? 'border-amber-200 bg-amber-50 text-amber-900'
                      : 'border-slate-200 bg-slate-50'
                }`}
                data-testid={u.state === 'failed' ? 'upload-error' : u.state === 'offline' ? 'upload-offline' : 'upload-progress'}
              >
                {bad ? (
                  <div className="flex items-start justify-between gap-2">
                    <span role={u.state === 'failed' ? 'alert' : 'status'}>
                      {u.state === 'failed' ? t('failed', { name: u.name, message: u.error ?? '' }) : `${u.name}: ${t('offline')}`}
                    </span>
                    <span className="flex shrink-0 gap-3">
                      {u.retryable ? (
                        <button
                          type="button"
                          onClick={() => retry(u.key)}
                          className="text-xs font-medium underline"
                          data-testid="upload-retry"
                        >
                          {t('retry')}
                        </button>
                      ) : null}
                      <button
                        type="button"
                        onClick={() => update((list) => list.filter((x) => x.key !== u.key))}
                        className="text-xs underline"
                      >
                        {t('dismiss')}
                      </button>
                    </span>
                  </div>
                ) : (
                  <>
                    <div className="flex justify-between gap-2">
                      <span className="truncate">
                        {t(u.state === 'preparing' ? 'preparing' : u.state === 'queued' ? 'queued' : 'uploading', { name: u.name })}
                      </span>
                      {u.state === 'sending' ? (
                        <span className="tabular-nums text-slate-600">{t('progress', { percent: u.progress })}</span>
                      ) : null}
                    </div>
                    <div
                      className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-200"
                      role="progressbar"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={u.progress}
                      aria-label={u.name}
                    >
                      <div className="h-full bg-brand-600 transition-all" style={{ width: `${u.progress}%` }} />
                    </div>
                  </>
                )}
                {u.retryable && u.state !== 'sending' ? (
                  <input
                    type="text"
                    value={u.caption}
                    maxLength={PHOTO_CAPTION_MAX}
                    disabled={u.lastStatus === 0}
                    onChange={(e) => setCaption(u, e.target.value)}
                    onKeyDown={(e) => noSubmit(e)}
                    placeholder={t('caption')}
                    aria-label={t('captionLabel', { name: u.name })}
                    className="mt-2 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 disabled:bg-slate-100"
                    data-testid="upload-caption"
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <PhotoNotices notices={notices} onDismiss={() => setNotices([])} />
      {deleteError ? (
        <p role="alert" className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {deleteError}
        </p>
      ) : null}

      {photos.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-5">
          {photos.map((p) => (
            <li key={p.id} className="min-w-0">
              <div className="relative">
                <PhotoThumb photo={p} />
                {confirming === p.id ? (
                  <div className="absolute inset-x-1 bottom-1 flex flex-col gap-1 rounded bg-white/95 p-1 text-xs shadow">
                    <span className="text-center text-slate-700">{t('deleteConfirm')}</span>
                    <div className="flex gap-1">
                      <button
                        type="button"
                        onClick={() => remove(p.id)}
                        className="flex-1 rounded bg-red-600 px-1 py-1 font-medium text-white"
                        data-testid="photo-delete-confirm"
                      >
                        {t('delete')}
                      </button>
                      <button
                        type="button"
                        onClick={() => setConfirming(null)}
                        className="flex-1 rounded border border-slate-300 px-1 py-1 text-slate-700"
                      >
                        ✕
                      </button>
                    </div>
                  </div>
                ) : (
                  <button
                    type="button"
                    onClick={() => setConfirming(p.id)}
                    aria-label={t('deleteLabel', { name: p.originalName ?? t('untitled', { id: p.id }) })}
                    className="absolute right-1 top-1 flex h-8 w-8 items-center justify-center rounded-full bg-black/60 text-white hover:bg-black/80"
                    data-testid="photo-delete"
                  >
                    <span aria-hidden>✕</span>
                  </button>
                )}
              </div>
              <PhotoCaption photo={{ ...p, caption: null }} />
              <CaptionEditor
                photo={p}
                onSaved={(caption) => setPhotos((list) => list.map((x) => (x.id === p.id ? { ...x, caption } : x)))}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
