'use client';

import { useEffect, useState } from 'react';
import { errorReference } from './_components/error-reference';

/** Last resort when the root layout itself fails: no providers are available here. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [ref] = useState(() => errorReference(error.digest));
  useEffect(() => {
    console.error(`[${ref}]`, error);
  }, [error, ref]);
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '4rem 1rem', textAlign: 'center' }}>
        <h1>出错了 / Something went wrong</h1>
        <p>系统暂时无法完成请求，请稍后重试。The system could not complete the request. Ref: {ref}</p>
        <button type="button" onClick={reset}>
          重试 / Try again
        </button>
      </body>
    </html>
  );
}
