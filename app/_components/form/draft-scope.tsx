'use client';

import { createContext, type ReactNode, useContext } from 'react';

const DraftOwner = createContext<number | null>(null);

/** Names the signed-in user whose drafts the forms below keep (app/(app)/layout.tsx). */
export function DraftScope({ owner, children }: { owner: number; children: ReactNode }) {
  return <DraftOwner.Provider value={owner}>{children}</DraftOwner.Provider>;
}

export function useDraftOwner(): number | null {
  return useContext(DraftOwner);
}
