/** Signs in through next-auth's own endpoints (csrf, then the credentials callback) and returns the Cookie header to send. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/dashboard` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('authjs.session-token'))) {
    throw new Error(`sign-in as ${username} failed: HTTP ${res.status} ${res.headers.get('location') ?? ''}`);
  }
  return cookie();
}
