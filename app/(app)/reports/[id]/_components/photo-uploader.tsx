'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { deleteReportPhoto } from '@/lib/reports/actions';
import { PHOTO_MAX_BYTES, PHOTO_MAX_PER_REPORT, PHOTO_TYPES } from '@/lib/reports/photo-limits';
import { PhotoThumb, type PhotoItem } from './photo-thumb';

interface Upload {
  key: string;
  name: string;
  /** 0..100 while sending; null once done or failed. */
  progress: number | null;
  error: string | null;
}

type UploadAnswer = { ok: true; data: PhotoItem } | { ok: false; code: string; message: string };

/** Sends one file with XMLHttpRequest (fetch cannot report upload progress). */
function send(reportId: number, file: File, onProgress: (percent: number) => void): Promise<{ status: number; body: UploadAnswer | null }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reports/${reportId}/photos`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, body: (xhr.response as UploadAnswer | null) ?? null });
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.onabort = () => resolve({ status: 0, body: null });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/**
 * Site photos of a report being edited: take or choose photos (several at once), each uploaded
 * in turn with its progress; the server checks every file and a refusal says why. Thumbnails
 * open the full image; a photo can be deleted (with a second tap to confirm).
 */
export function PhotoUploader({ reportId, initial }: { reportId: number; initial: PhotoItem[] }) {
  const t = useTranslations('reports.photo');
  const router = useRouter();
  const [photos, setPhotos] = useState(initial);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const maxMb = PHOTO_MAX_BYTES / 1024 / 1024;

  const patch = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function onFiles(list: FileList | null) {
    const files = Array.from(list ?? []);
    if (inputRef.current) inputRef.current.value = '';
    if (files.length === 0) return;
    const queued = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setUploads((u) => [
      ...u.filter((x) => x.progress !== null),
      ...queued.map(({ key, file }) => ({ key, name: file.name, progress: 0, error: null })),
    ]);
    let added = false;
    for (const { file, key } of queued) {
      // Only the size is checked here (to spare a phone the upload); the server decides the rest.
      if (file.size > PHOTO_MAX_BYTES) {
        patch(key, { progress: null, error: t('errors.tooLarge', { max: maxMb }) });
        continue;
      }
      const { status, body } = await send(reportId, file, (percent) => patch(key, { progress: percent }));
      if (body?.ok) {
        const photo = body.data;
        setPhotos((p) => [...p, photo]);
        setUploads((u) => u.filter((x) => x.key !== key));
        added = true;
      } else {
        patch(key, { progress: null, error: body && !body.ok ? body.message : status === 0 ? t('errors.network') : `HTTP ${status}` });
      }
    }
    if (added) router.refresh();
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
          {uploads.map((u) => (
            <li
              key={u.key}
              className={`rounded-md border px-3 py-2 text-sm ${u.error ? 'border-red-200 bg-red-50 text-red-800' : 'border-slate-200 bg-slate-50'}`}
              data-testid={u.error ? 'upload-error' : 'upload-progress'}
            >
              {u.error ? (
                <div className="flex items-start justify-between gap-2">
                  <span role="alert">{t('failed', { name: u.name, message: u.error })}</span>
                  <button
                    type="button"
                    onClick={() => setUploads((list) => list.filter((x) => x.key !== u.key))}
                    className="shrink-0 text-xs text-red-700 underline"
                  >
                    {t('dismiss')}
                  </button>
                </div>
              ) : (
                <>
                  <div className="flex justify-between gap-2">
                    <span className="truncate">{t('uploading', { name: u.name })}</span>
                    <span className="tabular-nums text-slate-600">{t('progress', { percent: u.progress ?? 0 })}</span>
                  </div>
                  <div
                    className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-200"
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={u.progress ?? 0}
                    aria-label={u.name}
                  >
                    <div className="h-full bg-brand-600 transition-all" style={{ width: `${u.progress ?? 0}%` }} />
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
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
            <li key={p.id} className="relative">
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
