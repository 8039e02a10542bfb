'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * The uploader's two choices, both off until ticked and then remembered in this browser
 * (localStorage): record where a photo was taken, and stamp it (水印).
 */

export type PhotoOption = 'recordLocation' | 'stamp';

const STORAGE_KEY: Record<PhotoOption, string> = {
  recordLocation: 'kpd.photo.recordLocation',
  stamp: 'kpd.photo.stamp',
};

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function read(option: PhotoOption): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY[option]) === '1';
  } catch {
    // Storage blocked (private mode, policy): the default, off.
    return false;
  }
}

/** One option's value and its setter; off on the server and until the browser's choice is read. */
export function usePhotoOption(option: PhotoOption): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(option),
    () => false,
  );
  const set = useCallback(
    (on: boolean) => {
      try {
        window.localStorage.setItem(STORAGE_KEY[option], on ? '1' : '0');
      } catch {
        // Not remembered, but still not applied: nothing to do.
      }
      listeners.forEach((l) => l());
    },
    [option],
  );
  return [value, set];
}

function OptionBox({ option, hint }: { option: PhotoOption; hint: string }) {
  const t = useTranslations('reports.photo.options');
  const [on, setOn] = usePhotoOption(option);
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-2 py-1 text-sm text-slate-800">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => setOn(e.target.checked)}
        className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-300 text-brand-600"
        data-testid={`photo-option-${option}`}
      />
      <span>
        {t(option)}
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

/** The two checkboxes above the photo picker. */
export function PhotoOptions() {
  const t = useTranslations('reports.photo.options');
  return (
    <fieldset className="mt-2 grid gap-x-4 sm:grid-cols-2">
      <OptionBox option="recordLocation" hint={t('recordLocationHint')} />
      <OptionBox option="stamp" hint={t('stampHint')} />
    </fieldset>
  );
}

/** What could not be done as chosen (no position found, no stamp drawn), until dismissed. */
export function PhotoNotices({ notices, onDismiss }: { notices: string[]; onDismiss: () => void }) {
  const t = useTranslations('reports.photo');
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      className="mt-2 flex items-start justify-between gap-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900"
      data-testid="photo-notices"
    >
      <ul className="space-y-0.5">
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss} className="shrink-0 underline">
        {t('dismiss')}
      </button>
    </div>
  );
}
