import { PAGE_CACHE_PREFIX } from './cacheable';

/** The part of the Cache Storage API this needs (`window.caches`). */
export type CacheStorageLike = Pick<CacheStorage, 'keys' | 'delete'>;

/**
 * Deletes every cache of pages the service worker kept for offline use (they hold what the
 * signed-in user was shown). Called before sign-out and on the sign-in page, so the next user of
 * the device, or anyone offline after sign-out, finds no page of the last one. The precache of
 * static assets (scripts, styles) holds nothing private and stays. Returns the names deleted.
 */
export async function clearPageCaches(storage: CacheStorageLike | undefined = globalThis.caches): Promise<string[]> {
  if (!storage) return [];
  const names = (await storage.keys()).filter((name) => name.startsWith(PAGE_CACHE_PREFIX));
  await Promise.all(names.map((name) => storage.delete(name)));
  return names;
}
