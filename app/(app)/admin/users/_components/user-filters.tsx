'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ROLES, type Role } from '@/db/schema/enums';
import { useUrlState } from '@/app/_components/table/use-url-state';
import { type UserListParams, usersSearch } from '@/lib/users/search-params';

/** Search box and role filter; both live in the URL (so a filtered list can be bookmarked). */
export function UserFilters({ params }: { params: UserListParams }) {
  const t = useTranslations();
  // Any filter change starts again from the first page.
  const { go, pending } = useUrlState(usersSearch);
  const [q, setQ] = useState(params.q);

  // Keep the box in step with the URL (back/forward, while rendering: React's pattern for state
  // that follows a prop), and search as the user types.
  const [urlQ, setUrlQ] = useState(params.q);
  if (urlQ !== params.q) {
    setUrlQ(params.q);
    setQ(params.q);
  }
  useEffect(() => {
    if (q.trim() === params.q) return;
    const timer = setTimeout(() => go({ q: q.trim() }, { replace: true }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the typed text changes, and only then; go and params are read as they are at that moment
  }, [q]);

  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-busy={pending}>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go({ q: q.trim() });
        }}
        placeholder={t('admin.users.searchPlaceholder')}
        aria-label={t('admin.users.searchPlaceholder')}
        data-testid="users-search"
        maxLength={64}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-base sm:w-72 sm:text-sm"
      />
      <label className="flex items-center gap-2 text-sm text-slate-600">
        <span className="sr-only sm:not-sr-only">{t('admin.users.roleFilter')}</span>
        <select
          value={params.role ?? ''}
          onChange={(e) => go({ role: (e.target.value || null) as Role | null })}
          data-testid="users-role-filter"
          aria-label={t('admin.users.roleFilter')}
          className={`rounded-md border px-2.5 py-1.5 text-base sm:text-sm ${
            params.role ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-700'
          }`}
        >
          <option value="">{t('admin.users.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`enums.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {params.q || params.role ? (
        <button
          type="button"
          onClick={() => {
            setQ('');
            go({ q: '', role: null });
          }}
          className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
        >
          {t('admin.users.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
