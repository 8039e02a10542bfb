import { afterEach, describe, expect, it } from 'vitest';
import { type Db, setDbForTests } from '@/db/client';
import { checkHealth } from '@/lib/health/check';
import { useTestDb } from '@/test/db';
import { GET } from './route';

const getDb = useTestDb({ reset: 'file' });

const health = () => new Request('http://localhost/api/health');
const NO_PARAMS = { params: Promise.resolve({}) };

/** A database handle whose every statement fails, as when the server is down. */
const refusing = { execute: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) } as unknown as Db;

describe('GET /api/health', () => {
  afterEach(() => setDbForTests(getDb()));

  it('answers 200 when the database answers and has the committed migrations', async () => {
    const res = await GET(health(), NO_PARAMS);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'current' });
  });

  it('answers 503 and says so when the database cannot be reached', async () => {
    setDbForTests(refusing);
    const res = await GET(health(), NO_PARAMS);
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'error', database: 'unreachable', migrations: 'unknown' });
  });

  it('a database that does not answer in time is unreachable too', async () => {
    const hanging = { execute: () => new Promise(() => {}) } as unknown as Db;
    const health = await checkHealth({ db: async () => hanging, timeoutMs: 50 });
    expect(health).toEqual({ status: 'error', database: 'unreachable', migrations: 'unknown' });
  });
});
