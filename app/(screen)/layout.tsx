import type { ReactNode } from 'react';

/**
 * The command-centre screen (大屏): no app header, dark, large type. Each page authorizes itself
 * (requireActor + permission), as in the signed-in app.
 */
export default function ScreenLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-dvh bg-[#060d1a] text-slate-100 [color-scheme:dark]">{children}</div>;
}
