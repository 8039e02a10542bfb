import { describe, expect, it } from 'vitest';
import { FALLBACK_PATH, safeCallbackPath } from './safe-redirect';

const ORIGIN = 'https://kpd.example';

/**
 * What reaches safeCallbackPath is the value after one decode (the page's searchParams, the form
 * field), so `%09` here stands for `%2509` in the address bar and a real tab for `%09`.
 */
const REFUSED: [string, string][] = [
  // The probe's two and their control-character relatives.
  ['tab between the slashes', '/\t/evil.example/c'],
  ['percent-encoded tab left after one decode', '/%09/evil.example/c'],
  ['dot segment, then a protocol-relative path', '/.//evil.example/i'],
  ['LF between the slashes', '/\n/evil.example'],
  ['CR between the slashes', '/\r/evil.example'],
  ['CRLF header injection', '/dashboard\r\nSet-Cookie: x=1'],
  ['encoded LF', '/%0a/evil.example'],
  ['encoded CR', '/%0D/evil.example'],
  ['NUL', '/\u0000/evil.example'],
  ['encoded NUL', '/dashboard%00'],
  ['DEL', '/\u007f/evil.example'],
  ['C1 control (NEL)', '/\u0085/evil.example'],
  ['C1 control (CSI)', '/\u009b/evil.example'],
  ['leading space before //', ' //evil.example'],
  ['vertical tab', '/\u000b/evil.example'],
  // Protocol-relative and backslash forms.
  ['protocol-relative', '//evil.example'],
  ['protocol-relative with a path', '//evil.example/login'],
  ['slash backslash', '/\\evil.example'],
  ['backslash slash', '\\/evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['backslash inside the path', '/projects\\..\\..\\evil'],
  ['encoded backslash', '/%5cevil.example'],
  ['triple slash', '///evil.example'],
  ['encoded double slash after a decode', '/%2F%2Fevil.example'],
  ['encoded slash after a decode, lower case', '/%2fevil.example'],
  ['double-encoded double slash (one decode left)', '%2F%2Fevil.example'],
  ['dot-dot climbing to a protocol-relative path', '/../..//evil.example'],
  ['dot segment then backslash', '/./\\evil.example'],
  ['dot dot then double slash inside', '/a/..//evil.example'],
  // Other schemes and origins.
  ['absolute https to another host', 'https://evil.example/'],
  ['absolute http to the app host (another origin)', 'http://kpd.example/dashboard'],
  ['scheme-relative without slashes', 'https:evil.example'],
  ['mixed-case scheme to another host', 'HtTpS://evil.example'],
  ['another port', 'https://kpd.example:8443/dashboard'],
  ['subdomain lookalike', 'https://kpd.example.evil.example/'],
  ['javascript:', 'javascript:alert(1)'],
  ['mixed-case javascript:', 'JaVaScRiPt:alert(document.cookie)'],
  ['javascript: after a slash-less tab', 'java\tscript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['file:', 'file:///etc/passwd'],
  // Userinfo.
  ['userinfo pointing elsewhere', 'https://kpd.example@evil.example/'],
  ['userinfo on the app host', 'https://user:pass@kpd.example/dashboard'],
  ['protocol-relative userinfo', '//kpd.example@evil.example'],
  // Unicode lookalikes.
  ['fullwidth solidus', '/\uff0f/evil.example'],
  ['fullwidth solidus only', '\uff0f\uff0fevil.example'],
  ['division slash', '/\u2215evil.example'],
  ['fraction slash', '/\u2044evil.example'],
  ['fullwidth reverse solidus', '/\uff3cevil.example'],
  ['small solidus', '/\ufe68evil.example'],
  // Not a path at all.
  ['relative word', 'dashboard'],
  ['empty', ''],
  ['dot', '.'],
  ['question mark only', '?x=1'],
  ['hash only', '#top'],
  ['overlong', `/${'a'.repeat(2048)}`],
];

const ACCEPTED: [string, string, string][] = [
  ['a plain path', '/dashboard', '/dashboard'],
  ['a path with list state', '/projects?page=2&sort=-name', '/projects?page=2&sort=-name'],
  ['a hash', '/projects/12#milestones', '/projects/12#milestones'],
  ['Chinese search text, encoded', '/projects?q=%E5%A1%94%E5%9F%8E', '/projects?q=%E5%A1%94%E5%9F%8E'],
  ['Chinese search text, raw', '/projects?q=塔城', '/projects?q=%E5%A1%94%E5%9F%8E'],
  ['dot segments are resolved', '/projects/./12/../13', '/projects/13'],
  ['an at sign in the path is only a path', '/@evil.example', '/@evil.example'],
  ['an absolute URL on the app origin becomes its path', 'https://kpd.example/reports?status=submitted', '/reports?status=submitted'],
  ['mixed-case scheme and host on the app origin', 'HTTPS://KPD.EXAMPLE/problems', '/problems'],
  ['the root', '/', '/'],
  ['an encoded slash later in the path', '/projects/a%2Fb', '/projects/a%2Fb'],
  ['a query that names another site is only a query', '/login?next=https://evil.example', '/login?next=https://evil.example'],
];

describe('safeCallbackPath', () => {
  it(`refuses ${REFUSED.length} hostile or malformed encodings (→ ${FALLBACK_PATH})`, () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(40);
    const leaked = REFUSED.filter(([, raw]) => safeCallbackPath(raw, ORIGIN) !== FALLBACK_PATH);
    expect(leaked).toEqual([]);
  });

  it.each(ACCEPTED)('keeps %s', (_name, raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it('every answer, accepted or not, resolves on the app origin when a browser follows it', () => {
    for (const [, raw] of [...REFUSED, ...ACCEPTED.map(([n, r]) => [n, r] as [string, string])]) {
      const out = safeCallbackPath(raw, ORIGIN);
      expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      expect(out).toMatch(/^\/(?![/\\])/);
    }
  });

  it('answers the fallback for what is not a string (a repeated parameter, a File, null)', () => {
    expect(safeCallbackPath(['/a', '/b'], ORIGIN)).toBe(FALLBACK_PATH);
    expect(safeCallbackPath(null, ORIGIN)).toBe(FALLBACK_PATH);
    expect(safeCallbackPath(undefined, ORIGIN)).toBe(FALLBACK_PATH);
    expect(safeCallbackPath(new Blob(['/x']), ORIGIN)).toBe(FALLBACK_PATH);
  });

  it('takes the origin from a longer URL, and refuses everything when the origin is not a URL', () => {
    expect(safeCallbackPath('https://kpd.example/x', 'https://kpd.example/api/auth')).toBe('/x');
    expect(safeCallbackPath('/x', 'not a url')).toBe(FALLBACK_PATH);
  });
});
