/** The pill's shape: globals.css .badge. */
const base = 'badge';

const STYLE = {
  active: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  disabled: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  locked: 'bg-amber-50 text-amber-800 ring-amber-600/25',
} as const;

export type UserStatusKind = keyof typeof STYLE;

/** The status badges of a user: active, or disabled and/or locked (until a time). */
export function UserStatusBadges({ items }: { items: { kind: UserStatusKind; label: string }[] }) {
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="user-status">
      {items.map((i) => (
        <span key={i.kind} className={`${base} ${STYLE[i.kind]}`} data-status={i.kind}>
          {i.label}
        </span>
      ))}
    </span>
  );
}
