import type { Light } from '@/db/schema/enums';

/** The dot's colour of each light (also the reasons' bullets). */
export const DOT: Record<Light, string> = {
  green: 'bg-emerald-500 ring-emerald-200',
  yellow: 'bg-amber-400 ring-amber-200',
  red: 'bg-red-500 ring-red-200',
};

const CHIP: Record<Light, string> = {
  green: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  yellow: 'border-amber-200 bg-amber-50 text-amber-900',
  red: 'border-red-200 bg-red-50 text-red-800',
};

/** A light as a coloured chip with its name; used by the server panel and the client history table. */
export function LightChip({ light, label, large }: { light: Light; label: string; large?: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 font-medium ${CHIP[light]} ${large ? 'text-base' : 'text-xs'}`}
      data-light={light}
    >
      <span aria-hidden className={`inline-block rounded-full ring-2 ${DOT[light]} ${large ? 'h-3 w-3' : 'h-2 w-2'}`} />
      {label}
    </span>
  );
}
