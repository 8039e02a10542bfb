import type { ReactNode } from 'react';

/**
 * Print views: no application header or navigation, white paper, and colours kept when printed
 * (the lights of the status table are fills). Each page sets its own @page size.
 */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-dvh bg-white text-black [print-color-adjust:exact] [-webkit-print-color-adjust:exact]">{children}</div>;
}
