'use client';

import { useEffect } from 'react';

/** Brings the element that was just saved into view once the page is shown (the milestone row, say). */
export function SavedScroll({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.scrollIntoView({ block: 'center' });
  }, [targetId]);
  return null;
}
