'use client';

import { useEffect } from 'react';

/**
 * Marks the document once React has hydrated the page (`<html data-hydrated="true">`): the
 * moment a user's tap does something. The bench's phone measurement (bench/phone.ts) reads it
 * as "interactive"; it costs one effect per full page load.
 */
export function HydrationMarker(): null {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
