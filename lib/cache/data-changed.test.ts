/**
 * The "data changed" signal across several server processes (scripts/app.mjs runs a Node.js
 * cluster when WEB_CONCURRENCY > 1): a worker that wrote tells the primary, and a change relayed
 * by the primary drops this worker's caches without being sent back. Outside a cluster nothing
 * is sent.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Mod = typeof import('./data-changed');
const g = globalThis as unknown as { __kpdDataChanged?: unknown };
const savedSend = process.send;

/**
 * A fresh copy of the module (it registers its listener when loaded), with KPD_WORKER as given,
 * and the listener it registered for the primary's messages, if any. (The test calls the
 * listener itself: emitting 'message' on the process would reach vitest's own IPC handler.)
 */
async function load(worker: string | undefined, sent: unknown[]): Promise<{ mod: Mod; fromPrimary: (m: unknown) => void }> {
  if (worker === undefined) delete process.env.KPD_WORKER;
  else process.env.KPD_WORKER = worker;
  process.send = ((message: unknown) => {
    sent.push(message);
    return true;
  }) as typeof process.send;
  delete g.__kpdDataChanged;
  vi.resetModules();
  const on = vi.spyOn(process, 'on').mockImplementation(() => process);
  try {
    const mod = await import('./data-changed');
    const call = on.mock.calls.find(([event]) => event === 'message');
    const listener = call?.[1] as ((m: unknown) => void) | undefined;
    return { mod, fromPrimary: (m) => listener?.(m) };
  } finally {
    on.mockRestore();
  }
}

afterEach(() => {
  delete process.env.KPD_WORKER;
  process.send = savedSend;
  delete g.__kpdDataChanged;
  vi.resetModules();
});

describe('data changed: several server processes', () => {
  it('a worker that wrote tells the primary; a change relayed to it drops its caches and is not sent back', async () => {
    const sent: unknown[] = [];
    const { mod, fromPrimary } = await load('1', sent);
    let heard = 0;
    mod.onDataChanged(() => heard++);
    const g0 = mod.dataGeneration();

    mod.dataChanged();
    expect(sent).toEqual([{ type: mod.DATA_CHANGED_MESSAGE }]);
    expect(mod.dataGeneration()).toBe(g0 + 1);
    expect(heard).toBe(1);

    fromPrimary({ type: mod.DATA_CHANGED_MESSAGE });
    expect(mod.dataGeneration()).toBe(g0 + 2);
    expect(heard).toBe(2);
    expect(sent).toHaveLength(1);

    fromPrimary({ type: 'something-else' });
    fromPrimary(null);
    expect(mod.dataGeneration()).toBe(g0 + 2);
  });

  it('outside a cluster a change stays in the process', async () => {
    const sent: unknown[] = [];
    const { mod, fromPrimary } = await load(undefined, sent);
    const g0 = mod.dataGeneration();
    mod.dataChanged();
    expect(mod.dataGeneration()).toBe(g0 + 1);
    expect(sent).toEqual([]);
    fromPrimary({ type: mod.DATA_CHANGED_MESSAGE });
    expect(mod.dataGeneration()).toBe(g0 + 1);
  });
});
