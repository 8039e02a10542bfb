import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Db, setDbForTests } from '@/db/client';
import { runEscalationOnce, startEscalationSchedule, stopEscalationSchedule } from './schedule';

afterEach(() => {
  stopEscalationSchedule();
  setDbForTests(undefined);
  vi.restoreAllMocks();
});

describe('the escalation schedule', () => {
  it('a failing run is logged, never thrown', async () => {
    const broken = { transaction: () => Promise.reject(new Error('database is down')) } as unknown as Db;
    setDbForTests(broken);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(runEscalationOnce()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('[escalation] run failed'), expect.any(Error));
  });

  it('starting twice (hot reload) leaves one timer, which does not keep the process alive', () => {
    setDbForTests({ transaction: () => Promise.resolve([]) } as unknown as Db);
    const set = vi.spyOn(globalThis, 'setInterval');
    const clear = vi.spyOn(globalThis, 'clearInterval');
    startEscalationSchedule(60_000);
    startEscalationSchedule(60_000);
    expect(set).toHaveBeenCalledTimes(2);
    expect(clear).toHaveBeenCalledTimes(1);
    expect(clear).toHaveBeenCalledWith(set.mock.results[0]!.value);
    const timer = set.mock.results[1]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
  });
});
