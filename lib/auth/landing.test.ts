import { describe, expect, it } from 'vitest';
import { ROLES } from '@/db/schema/enums';
import { useTestDb } from '@/test/db';
import { makeUser } from '@/test/factories';
import { LANDING_PATHS, landingPath } from './landing';
import { landingPathOfUsername } from './landing-user';

useTestDb();

describe('landingPath', () => {
  it('sends a project lead to 我的工作 and leadership, the office, viewers and the administrator to the dashboard', () => {
    expect(landingPath('lead')).toBe('/inbox');
    expect(landingPath('leader')).toBe('/dashboard');
    expect(landingPath('dispatch')).toBe('/dashboard');
    expect(landingPath('viewer')).toBe('/dashboard');
    expect(landingPath('admin')).toBe('/dashboard');
  });

  it('names a page for every role', () => {
    expect(Object.keys(LANDING_PATHS).sort()).toEqual([...ROLES].sort());
  });

  it('answers the dashboard for a role it does not know', () => {
    expect(landingPath('superuser')).toBe('/dashboard');
    expect(landingPath('toString')).toBe('/dashboard');
    expect(landingPath(undefined)).toBe('/dashboard');
    expect(landingPath(null)).toBe('/dashboard');
  });
});

describe('landingPathOfUsername', () => {
  it('reads the role of the name as sign-in matches it (trimmed, any case)', async () => {
    await makeUser({ role: 'lead', username: 'liuyang' });
    await makeUser({ role: 'leader', username: 'wangzh' });
    expect(await landingPathOfUsername('liuyang')).toBe('/inbox');
    expect(await landingPathOfUsername('  LiuYang ')).toBe('/inbox');
    expect(await landingPathOfUsername('wangzh')).toBe('/dashboard');
    expect(await landingPathOfUsername('nobody')).toBe('/dashboard');
  });
});
