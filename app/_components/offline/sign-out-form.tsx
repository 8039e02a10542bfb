'use client';

import { type FormEvent, useRef } from 'react';
import { signOutAction } from '@/lib/auth/actions';
import { clearPageCaches } from '@/lib/offline/clear-caches';

/**
 * The sign-out button. Before the session ends, the pages the service worker kept for this user
 * are deleted (lib/offline/clear-caches.ts), so nobody offline after sign-out, nor the next user
 * of the device, can open them. Before hydration the form still signs out (the sign-in page
 * clears the caches then).
 */
export function SignOutForm({ label }: { label: string }) {
  const cleared = useRef(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (cleared.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    void clearPageCaches()
      .catch((error: unknown) => console.warn('clearing the offline pages failed', error))
      .finally(() => {
        cleared.current = true;
        form.requestSubmit();
      });
  };
  return (
    <form action={signOutAction} onSubmit={onSubmit}>
      <button type="submit" className="rounded-md px-2.5 py-1 text-white/90 hover:bg-white/10" data-testid="sign-out">
        {label}
      </button>
    </form>
  );
}
