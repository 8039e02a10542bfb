import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** sha256 (hex) and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Every regular file under a directory, as paths relative to it with / separators, sorted; [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string) {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
      throw err;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile()) out.push(child);
    }
  }
  await walk('');
  return out.sort();
}

export async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** A sibling path of `target` for a staging or a replaced copy (same file system, so rename is atomic). */
export function sibling(target: string, label: string, stamp: string): string {
  return path.join(path.dirname(target), `${path.basename(target)}.${label}-${stamp}`);
}

/**
 * Puts a fully written staging directory in place of `target`. The directory it replaces (when
 * there is one) is kept beside it and its path returned; nothing is deleted.
 */
export async function swapIn(staging: string, target: string, stamp: string): Promise<string | null> {
  await mkdir(path.dirname(target), { recursive: true });
  let replaced: string | null = null;
  if (await exists(target)) {
    replaced = sibling(target, 'replaced', stamp);
    await rename(target, replaced);
  }
  try {
    await rename(staging, target);
  } catch (err) {
    if (replaced) await rename(replaced, target).catch(() => {});
    throw err;
  }
  // An empty directory is not worth keeping.
  if (replaced && (await listFiles(replaced)).length === 0) {
    await rm(replaced, { recursive: true, force: true });
    replaced = null;
  }
  return replaced;
}
