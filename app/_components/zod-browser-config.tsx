'use client';

import { config } from 'zod';

// zod 4 probes `new Function('')` once to decide whether it may compile its parsers. The page's
// Content-Security-Policy forbids eval, so the probe is refused and reported as a CSP violation
// (seen on the meeting form). In the browser zod runs without that compilation; the server
// (no CSP) keeps it. This module runs when the root layout loads, before any form parses.
config({ jitless: true });

export function ZodBrowserConfig(): null {
  return null;
}
