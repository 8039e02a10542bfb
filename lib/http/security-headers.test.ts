import { describe, expect, it } from 'vitest';
import { DEFAULT_HSTS_MAX_AGE, hstsValue, newNonce, pageCsp, requestSecurityHeaders } from './security-headers';

describe('security headers', () => {
  it('HSTS_MAX_AGE: a year by default, 0 turns it off, anything else stops the start', () => {
    expect(hstsValue(undefined)).toBe(`max-age=${DEFAULT_HSTS_MAX_AGE}; includeSubDomains`);
    expect(hstsValue(' ')).toBe(`max-age=${DEFAULT_HSTS_MAX_AGE}; includeSubDomains`);
    expect(hstsValue('600')).toBe('max-age=600; includeSubDomains');
    expect(hstsValue('0')).toBeNull();
    for (const bad of ['-1', '1y', '1e3', 'off']) expect(() => hstsValue(bad), bad).toThrow(/HSTS_MAX_AGE/);
  });

  it('sends HSTS only over HTTPS, and not at all when the setting is 0', () => {
    const https = { headers: new Headers({ 'x-forwarded-proto': 'https' }), url: 'http://app/' };
    expect(requestSecurityHeaders('api', https, { nonce: 'n', hsts: 'max-age=1' })).toEqual({ 'Strict-Transport-Security': 'max-age=1' });
    expect(requestSecurityHeaders('api', https, { nonce: 'n', hsts: null })).toEqual({});
    const proxied = { headers: new Headers({ 'x-forwarded-proto': 'http' }), url: 'https://app/' };
    expect(requestSecurityHeaders('api', proxied, { nonce: 'n', hsts: 'max-age=1' })).toEqual({});
    const direct = { headers: new Headers(), url: 'https://app/' };
    expect(requestSecurityHeaders('page', direct, { nonce: 'n', hsts: 'max-age=1' })['Strict-Transport-Security']).toBe('max-age=1');
  });

  it("adds 'unsafe-eval' in development only (React's error overlay)", () => {
    expect(pageCsp('abc')).not.toContain('unsafe-eval');
    expect(pageCsp('abc', { dev: true })).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
  });

  it('a nonce is 128 random bits in base64', () => {
    const nonces = Array.from({ length: 100 }, newNonce);
    expect(new Set(nonces).size).toBe(100);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
  });
});
