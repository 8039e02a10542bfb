import type { PhotoItem } from './photo-thumb';
import type { PreparedPhoto } from './prepare-photo';

/** One photo in the uploader's queue, and how it is sent (POST /api/reports/:id/photos). */

export type UploadState = 'preparing' | 'queued' | 'sending' | 'failed' | 'offline';

export interface Upload {
  key: string;
  name: string;
  file: File;
  /** The resized photo (or the original), kept in memory for retries. */
  prepared: PreparedPhoto | null;
  /** One per photo, kept across its retries: an upload that did arrive is not stored twice. */
  idempotencyKey: string;
  caption: string;
  state: UploadState;
  /** 0..100 while sending. */
  progress: number;
  error: string | null;
  /** Whether sending it again can help (not for a photo too large after preparing). */
  retryable: boolean;
  /** The last attempt's status; 0: no answer (it may have arrived). */
  lastStatus: number | null;
}

type UploadAnswer = { ok: true; data: PhotoItem } | { ok: false; code: string; message: string };

/** Sends one photo with XMLHttpRequest (fetch cannot report upload progress). */
export function send(
  reportId: number,
  upload: Upload & { prepared: PreparedPhoto },
  onProgress: (percent: number) => void,
): Promise<{ status: number; body: UploadAnswer | null }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reports/${reportId}/photos`);
    xhr.responseType = 'json';
    xhr.setRequestHeader('Idempotency-Key', upload.idempotencyKey);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, body: (xhr.response as UploadAnswer | null) ?? null });
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.onabort = () => resolve({ status: 0, body: null });
    const form = new FormData();
    form.append('file', upload.prepared.blob, upload.prepared.name);
    if (upload.prepared.takenAt) form.append('takenAt', upload.prepared.takenAt.toISOString());
    const place = upload.prepared.location;
    if (place) {
      form.append('latitude', String(place.latitude));
      form.append('longitude', String(place.longitude));
      if (place.accuracy !== null) form.append('locationAccuracy', String(place.accuracy));
    }
    const caption = upload.caption.trim();
    if (caption) form.append('caption', caption);
    xhr.send(form);
  });
}

export function newKey(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
