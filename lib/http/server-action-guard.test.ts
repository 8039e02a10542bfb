/**
 * Page POSTs (server actions) through the proxy function: what Next.js 16 would answer with a 500
 * is refused here with 403 / 400 and a message in the user's language; the rest goes on to Next.js.
 */
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIES } from '@/lib/auth/cookie-names';
import { proxy } from '@/proxy';
import { claimedSourceHost } from './server-action-guard';

const APP = 'http://kpd.example:3000';
const ACTION_ID = '6035499ba44a9c43cc37d5751433c652bda264d934';
const COOKIE = `${SESSION_COOKIES[1]}=x`;

type Init = { headers?: Record<string, string>; body?: BodyInit; path?: string; method?: string };

/** A page POST with the app's own defaults; a header given as '' is left out. */
function post({ headers = {}, body = '[]', path = '/projects/1/edit', method = 'POST' }: Init = {}) {
  const all = { cookie: COOKIE, 'content-type': 'text/plain;charset=UTF-8', 'next-action': ACTION_ID, origin: APP, ...headers };
  return proxy(
    new NextRequest(`${APP}${path}`, {
      method,
      headers: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '')),
      body: method === 'GET' ? undefined : body,
    }),
  );
}

async function refused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { ok: boolean; code: string; message: string; requestId: string };
  expect(body).toMatchObject({ ok: false, code });
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  return body.message;
}

describe('a server action from another site: 403 before Next.js (Next.js answers a 500)', () => {
  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['the app host on another port', { origin: 'http://kpd.example:4000' }],
    ['a subdomain of the app', { origin: 'http://x.kpd.example:3000' }],
    ['an opaque origin (a sandboxed frame)', { origin: 'null' }],
    ['no Origin, a foreign Referer', { origin: '', referer: 'https://evil.example/page' }],
    ['neither Origin nor Referer', { origin: '', referer: '' }],
    ['an Origin that is not a URL', { origin: 'kpd.example:3000' }],
    ['a javascript: Referer', { origin: '', referer: 'javascript:alert(1)' }],
  ])('%s', async (_name, headers) => {
    const res = await post({ headers });
    expect(await refused(res, 403, 'FORBIDDEN')).toBe('此请求并非来自本系统的页面，已被拒绝。请在本系统中打开页面后重试。');
  });

  it('refuses a form posted from another site without JavaScript (no Next-Action header) too', async () => {
    const res = await post({
      headers: { origin: 'https://evil.example', 'next-action': '', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a',
    });
    expect(res.status).toBe(403);
  });

  it('answers in English with the English cookie, and refuses a signed-out cross-site POST the same way', async () => {
    const en = await post({ headers: { origin: 'https://evil.example', cookie: `${COOKIE}; NEXT_LOCALE=en` } });
    expect(await refused(en, 403, 'FORBIDDEN')).toMatch(/^This request did not come from a page of this application/);
    const signedOut = await post({ headers: { origin: 'https://evil.example', cookie: '' }, path: '/login' });
    expect(signedOut.status).toBe(403);
  });

  it('takes the host as Next.js does: X-Forwarded-Host first (a reverse proxy)', async () => {
    const ok = await post({ headers: { origin: 'https://kpd.gov.example', 'x-forwarded-host': 'kpd.gov.example' } });
    expect(ok.status).toBe(200);
    const spoofed = await post({ headers: { origin: APP, 'x-forwarded-host': 'kpd.gov.example' } });
    expect(spoofed.status).toBe(403);
  });

  it('lets the app own action through, by Origin or by Referer, whatever the case of the host', async () => {
    expect((await post()).status).toBe(200);
    expect((await post({ headers: { origin: 'HTTP://KPD.EXAMPLE:3000' } })).status).toBe(200);
    const byReferer = new NextRequest(`${APP}/projects/1/edit`, {
      method: 'POST',
      headers: { cookie: COOKIE, 'content-type': 'text/plain', 'next-action': ACTION_ID, referer: `${APP}/projects/1/edit?x=1` },
      body: '[]',
    });
    expect((await proxy(byReferer)).status).toBe(200);
  });

  it('leaves GETs and the API alone (withRoute checks its own Origin)', async () => {
    expect((await post({ method: 'GET', headers: { origin: 'https://evil.example' } })).status).toBe(200);
    const api = await post({ path: '/api/milestones/1', headers: { origin: 'https://evil.example' } });
    expect(api.status).toBe(200);
  });

  it('claimedSourceHost reads Origin first, then Referer', () => {
    expect(claimedSourceHost(new Headers({ origin: 'https://a.example', referer: 'https://b.example/x' }))).toBe('a.example');
    expect(claimedSourceHost(new Headers({ referer: 'https://b.example:8443/x' }))).toBe('b.example:8443');
    expect(claimedSourceHost(new Headers({ origin: 'null', referer: 'https://b.example/x' }))).toBeNull();
    expect(claimedSourceHost(new Headers())).toBeNull();
  });
});

const FORM =
  '--XyZ\r\nContent-Disposition: form-data; name="1_username"\r\n\r\nlead\r\n--XyZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--XyZ--\r\n';

describe('a malformed server-action body: 400 before Next.js (Next.js answers a 500)', () => {
  it.each([
    ['a text body that is not JSON', { 'content-type': 'text/plain;charset=UTF-8' }, 'garbage{{'],
    ['a JSON object instead of the argument list (an uncaught exception in Next.js)', { 'content-type': 'text/plain' }, '{"a":1}'],
    ['a JSON string', { 'content-type': 'text/plain' }, '"x"'],
    ['an empty text body', { 'content-type': 'text/plain' }, ''],
    ['application/json', { 'content-type': 'application/json' }, '[]'],
    ['application/octet-stream', { 'content-type': 'application/octet-stream' }, '[]'],
    // Bytes: a string body would get text/plain from the Request itself.
    ['no content type', { 'content-type': '' }, new TextEncoder().encode('[]')],
    ['multipart without a boundary', { 'content-type': 'multipart/form-data' }, FORM],
    ['multipart cut short', { 'content-type': 'multipart/form-data; boundary=XyZ' }, FORM.slice(0, 60)],
    ['multipart with another boundary', { 'content-type': 'multipart/form-data; boundary=other' }, FORM],
    ['an action id that is not hex', { 'next-action': '../../etc/passwd' }, '[]'],
    ['an empty action id', { 'next-action': ' ' }, '[]'],
  ] as [string, Record<string, string>, BodyInit][])('%s', async (_name, headers, body) => {
    const res = await post({ headers, body });
    expect(await refused(res, 400, 'INVALID')).toBe('无法读取此请求，本次操作未保存。请刷新页面后重试。');
  });

  it('refuses a multipart form posted without JavaScript that does not parse', async () => {
    const res = await post({
      headers: { 'next-action': '', 'content-type': 'multipart/form-data; boundary=XyZ' },
      body: '--XyZ\r\ngarbage',
    });
    expect(res.status).toBe(400);
  });

  it('lets well-formed bodies through: the argument list, multipart, a form without JavaScript', async () => {
    expect((await post({ body: '["$undefined",{"a":1}]' })).status).toBe(200);
    expect((await post({ headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body: FORM })).status).toBe(200);
    const noJs = await post({ headers: { 'next-action': '', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b&%%%' });
    expect(noJs.status).toBe(200);
    const noJsMultipart = await post({ headers: { 'next-action': '', 'content-type': 'multipart/form-data; boundary="XyZ"' }, body: FORM });
    expect(noJsMultipart.status).toBe(200);
  });

  it('leaves the body readable for Next.js after the check', async () => {
    const req = new NextRequest(`${APP}/projects/1/edit`, {
      method: 'POST',
      headers: { cookie: COOKIE, origin: APP, 'next-action': ACTION_ID, 'content-type': 'text/plain' },
      body: '["x"]',
    });
    expect((await proxy(req)).status).toBe(200);
    expect(await req.text()).toBe('["x"]');
  });
});
