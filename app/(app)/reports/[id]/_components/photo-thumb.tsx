import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { coordinatesText } from '@/lib/reports/photo-location';
import { photoTime } from './photo-time';

export interface PhotoItem {
  id: number;
  width: number | null;
  height: number | null;
  originalName: string | null;
  caption?: string | null;
  /** When it was taken (EXIF), else null: the upload time is shown. */
  takenAt?: string | Date | null;
  createdAt?: string | Date | null;
  /** Where it was taken, when the uploader chose to record it. */
  latitude?: number | null;
  longitude?: number | null;
}

/** Under a thumbnail: when the photo was taken (else uploaded), where (if recorded) and its caption. */
export function PhotoCaption({ photo }: { photo: PhotoItem }) {
  const t = useTranslations('reports.photo');
  const locale = toLocale(useLocale());
  const timeZone = useTimeZone();
  const { at, kind } = photoTime(photo);
  const line = [
    at ? t(kind === 'taken' ? 'takenAt' : 'uploadedAt', { time: formatDateTime(at, locale, timeZone) }) : null,
    photo.latitude != null && photo.longitude != null ? coordinatesText(t, photo.latitude, photo.longitude) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="mt-1 min-w-0 text-xs leading-snug" data-testid="photo-caption">
      {line ? <p className="break-words text-slate-500">{line}</p> : null}
      {photo.caption ? <p className="line-clamp-2 break-words text-slate-700">{photo.caption}</p> : null}
    </div>
  );
}

/** A square thumbnail that opens the full photo in a new tab (both served by /api/photos/:id). */
export function PhotoThumb({ photo }: { photo: PhotoItem }) {
  const t = useTranslations('reports.photo');
  const name = photo.originalName ?? t('untitled', { id: photo.id });
  return (
    <a
      href={`/api/photos/${photo.id}`}
      target="_blank"
      rel="noopener"
      className="block aspect-square overflow-hidden rounded-md bg-slate-100 ring-1 ring-slate-200 hover:ring-brand-600"
      title={name}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- a plain <img>: the photo is private (session cookie) and already has a thumbnail */}
      <img
        src={`/api/photos/${photo.id}?thumb=1`}
        alt={t('open', { name })}
        loading="lazy"
        decoding="async"
        className="h-full w-full object-cover"
        data-testid="photo-thumb"
      />
    </a>
  );
}

/** The photos of a report for reading (no upload, no delete). */
export function PhotoGallery({ photos }: { photos: PhotoItem[] }) {
  const t = useTranslations('reports.photo');
  return (
    <section aria-labelledby="gallery-title" data-testid="photo-gallery">
      <h3 id="gallery-title" className="text-sm font-semibold text-slate-900">
        {t('title')} <span className="font-normal text-slate-500">{t('count', { count: photos.length })}</span>
      </h3>
      {photos.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-5">
          {photos.map((p) => (
            <li key={p.id} className="min-w-0">
              <PhotoThumb photo={p} />
              <PhotoCaption photo={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
