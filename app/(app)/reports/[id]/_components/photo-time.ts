/** The time shown under a photo: when it was taken, else when it was uploaded. */
export function photoTime(photo: { takenAt?: string | Date | null; createdAt?: string | Date | null }): {
  at: string | Date | null;
  kind: 'taken' | 'uploaded';
} {
  return photo.takenAt ? { at: photo.takenAt, kind: 'taken' } : { at: photo.createdAt ?? null, kind: 'uploaded' };
}
