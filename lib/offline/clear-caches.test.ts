import { describe, expect, it } from 'vitest';
import { PAGE_CACHE } from './cacheable';
import { clearPageCaches, type CacheStorageLike } from './clear-caches';

function fakeStorage(names: string[]): CacheStorageLike & { names: string[] } {
  const store = {
    names: [...names],
    keys: async () => [...store.names],
    delete: async (name: string) => {
      const had = store.names.includes(name);
      store.names = store.names.filter((n) => n !== name);
      return had;
    },
  };
  return store;
}

describe('clearPageCaches', () => {
  it('deletes the caches of pages and leaves the precache of static assets', async () => {
    const storage = fakeStorage([PAGE_CACHE, 'kpd-pages-html-v0', 'serwist-precache-v2-http://localhost/']);
    expect(await clearPageCaches(storage)).toEqual([PAGE_CACHE, 'kpd-pages-html-v0']);
    expect(storage.names).toEqual(['serwist-precache-v2-http://localhost/']);
  });

  it('does nothing where the browser has no Cache Storage', async () => {
    expect(await clearPageCaches(undefined)).toEqual([]);
  });
});
