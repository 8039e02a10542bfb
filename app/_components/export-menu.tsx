'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/**
 * 导出: downloads the list under exactly the current filters (the server re-reads them with the
 * list's own parser and query and the user's scope; the browser's rows are never used). Each
 * format is a real link (works before hydration); with JavaScript the download runs through
 * fetch so a long export shows its progress (rows announced by the server, bytes received) and
 * can be cancelled, and a failure says why instead of saving an error page as a file.
 */
type Format = 'xlsx' | 'csv';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; format: Format; received: number; totalRows: number | null }
  | { kind: 'done'; file: string }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

/** The file name from Content-Disposition (filename* first, RFC 5987). */
export function fileNameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header);
  return plain?.[1] || fallback;
}

function formatBytes(n: number, locale: string): string {
  const nf = (v: number, d: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }).format(v);
  if (n >= 1024 * 1024) return `${nf(n / 1024 / 1024, 1)} MB`;
  if (n >= 1024) return `${nf(n / 1024, 0)} KB`;
  return `${nf(n, 0)} B`;
}

export function ExportMenu({
  endpoint,
  query,
  total,
  testId = 'export-menu',
}: {
  /** '/api/exports/registry' or '/api/exports/problems' (the format is appended). */
  endpoint: string;
  /** The list's current filters and sort as a query string (without '?'). */
  query: string;
  /** How many rows the list has under these filters (all pages). */
  total: number;
  testId?: string;
}) {
  const t = useTranslations('exports.menu');
  const locale = useLocale();
  const ref = useRef<HTMLDetailsElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  useEffect(() => {
    const onDoc = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', onDoc);
    return () => {
      document.removeEventListener('click', onDoc);
      abort.current?.abort();
    };
  }, []);

  const href = (format: Format) => `${endpoint}.${format}${query ? `?${query}` : ''}`;

  async function download(format: Format) {
    if (ref.current) ref.current.open = false;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', format, received: 0, totalRows: null });
    try {
      const res = await fetch(href(format), { signal: controller.signal, credentials: 'same-origin' });
      if (!res.ok || !res.body) {
        let message = '';
        try {
          message = ((await res.json()) as { message?: string }).message ?? '';
        } catch {
          /* not JSON */
        }
        setState({ kind: 'error', message: message ? t('failed', { message }) : t('failedGeneric') });
        return;
      }
      const totalHeader = res.headers.get('x-total-rows');
      const totalRows = totalHeader && /^\d+$/.test(totalHeader) ? Number(totalHeader) : null;
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      let last = 0;
      for (;;) {
        let part: ReadableStreamReadResult<Uint8Array>;
        try {
          part = await reader.read();
        } catch (err) {
          if (controller.signal.aborted) throw err;
          setState({ kind: 'error', message: t('failedInterrupted') });
          return;
        }
        if (part.done) break;
        chunks.push(part.value as Uint8Array<ArrayBuffer>);
        received += part.value.byteLength;
        // Re-render at most every 150 ms.
        const at = Date.now();
        if (at - last >= 150) {
          last = at;
          setState({ kind: 'running', format, received, totalRows });
        }
      }
      const file = fileNameFrom(res.headers.get('content-disposition'), `export.${format}`);
      const blob = new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: 'done', file });
    } catch (err) {
      if (controller.signal.aborted) setState({ kind: 'cancelled' });
      else
        setState({
          kind: 'error',
          message: err instanceof Error && err.name === 'TypeError' ? t('failedInterrupted') : t('failedGeneric'),
        });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  const running = state.kind === 'running';
  const item = 'block rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100';
  return (
    <div className="flex flex-col items-end gap-1" data-testid={testId}>
      <details ref={ref} className="relative">
        <summary
          aria-label={t('label')}
          aria-disabled={running || undefined}
          className={`flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 shadow-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden ${running ? 'pointer-events-none opacity-60' : ''}`}
          data-testid={`${testId}-button`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
            <path d="M10 2a1 1 0 0 1 1 1v7.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 10.6V3a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v1h10v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z" />
          </svg>
          {t('button')}
        </summary>
        <div className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {(['xlsx', 'csv'] as const).map((format) => (
            <a
              key={format}
              href={href(format)}
              download
              className={item}
              data-testid={`${testId}-${format}`}
              onClick={(e) => {
                e.preventDefault();
                void download(format);
              }}
            >
              {t(format)}
            </a>
          ))}
          <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">{t('scopeNote', { total })}</p>
        </div>
      </details>
      <div aria-live="polite" className="min-h-0 text-right text-xs" data-testid={`${testId}-status`}>
        {state.kind === 'running' ? (
          <span className="inline-flex items-center gap-2 text-slate-600">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
            />
            {state.received === 0
              ? t('preparing')
              : state.totalRows !== null
                ? t('receivingRows', { total: state.totalRows, size: formatBytes(state.received, locale) })
                : t('receiving', { size: formatBytes(state.received, locale) })}
            <button
              type="button"
              className="rounded border border-slate-300 px-1.5 py-0.5 text-slate-700 hover:bg-slate-50"
              onClick={() => abort.current?.abort()}
            >
              {t('cancel')}
            </button>
          </span>
        ) : state.kind === 'done' ? (
          <span className="text-emerald-700">{t('done', { file: state.file })}</span>
        ) : state.kind === 'error' ? (
          <span role="alert" className="text-red-700">
            {state.message}
          </span>
        ) : state.kind === 'cancelled' ? (
          <span className="text-slate-500">{t('cancelled')}</span>
        ) : null}
      </div>
    </div>
  );
}
