import { useTranslations } from 'next-intl';

export interface PhotoItem {
  id: number;
  width: number | null;
  height: number | null;
  originalName: string | null;
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
            <li key={p.id}>
              <PhotoThumb photo={p} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
