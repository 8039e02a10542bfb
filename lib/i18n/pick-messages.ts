export type MessageTree = { [key: string]: string | MessageTree };

/**
 * The messages at these paths ("lights" or "lights.overrideForm"), each in its place in the
 * catalogue's shape, without changing the catalogue. A path that names nothing is an error: a
 * typo would otherwise show raw keys in the browser.
 */
export function pickMessages(all: MessageTree, paths: readonly string[]): MessageTree {
  const out: MessageTree = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: string | MessageTree | undefined = all;
    for (const key of keys) from = typeof from === 'object' ? from[key] : undefined;
    if (from === undefined) throw new Error(`client messages: no messages at "${path}"`);
    let to = out;
    for (const [i, key] of keys.entries()) {
      if (i === keys.length - 1) {
        to[key] = from;
        break;
      }
      const next = to[key];
      // Already picked whole by a shorter path: nothing to add.
      if (next !== undefined && Object.is(next, lookup(all, keys.slice(0, i + 1)))) break;
      to = (next === undefined ? (to[key] = {}) : next) as MessageTree;
    }
  }
  return out;
}

function lookup(all: MessageTree, keys: string[]): string | MessageTree | undefined {
  let v: string | MessageTree | undefined = all;
  for (const key of keys) v = typeof v === 'object' ? v[key] : undefined;
  return v;
}
