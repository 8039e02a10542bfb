/**
 * A figure's link lists what the figure counted: everything in the actor's scope. A project
 * lead's plain /projects starts at their own projects (registryLanding), so the unfiltered link
 * says mine=0 and is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { registryLanding } from '@/lib/projects/search-params';
import { registryHref } from './hrefs';

const query = (href: string) => Object.fromEntries(new URLSearchParams(href.split('?')[1] ?? ''));

describe('registryHref', () => {
  it('says “all in scope” when there is no other filter, so a lead is not sent to their own projects', () => {
    const href = registryHref();
    expect(href).toBe('/projects?mine=0');
    expect(registryLanding('lead', query(href))).toBeNull();
  });

  it('keeps a filtered link as it was', () => {
    expect(registryHref({ milestone: 'overdue' })).toBe('/projects?milestone=overdue');
  });
});
