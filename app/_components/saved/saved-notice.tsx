import type { ReactNode } from 'react';
import { SavedScroll } from './saved-scroll';

/**
 * What a page says when a form has just saved something and returned to it (`?saved=`, see
 * saved-param.ts): a polite status line naming it, bringing its row into view when `targetId`
 * is given.
 */
export function SavedNotice({ targetId, children }: { targetId?: string; children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-900"
      data-testid="saved-notice"
    >
      {children}
      {targetId ? <SavedScroll targetId={targetId} /> : null}
    </p>
  );
}
