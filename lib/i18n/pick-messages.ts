export type MessageTree = { [key: string]: string | MessageTree };

/**
 * The messages at these paths ("lights" or "lights.overrideForm"), each in its place in the
 * catalogue's shape, without changing the catalogue. A path inside another one given is already
 * covered. A path that names nothing is an error: a typo would otherwise show raw keys in the
 * browser.
 */
export function pickMessages(all: MessageTree, paths: readonly string[]): MessageTree {
  const out: MessageTree = {};
  for (const path of paths) {
    if (paths.some((other) => path.startsWith(`${other}.`))) continue;
    const keys = path.split('.');
    let from: string | MessageTree | undefined = all;
    for (const key of keys) from = typeof from === 'object' ? from[key] : undefined;
    if (from === undefined) throw new Error(`client messages: no messages at "${path}"`);
    let to = out;
    for (const key of keys.slice(0, -1)) to = (to[key] ??= {}) as MessageTree;
    to[keys[keys.length - 1]!] = from;
  }
  return out;
}
