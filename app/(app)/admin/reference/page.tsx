import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { hasPermission } from '@/lib/authz';
import { getTranslations } from '@/lib/i18n/server-translations';
import { listEntries, listLeaders } from '@/lib/reference/admin-queries';
import { CreateEntryForm } from './_components/create-entry-form';
import { EntryTable } from './_components/entry-table';
import { LeaderTitles } from './_components/leader-titles';

const TABS = ['responsible', 'owner', 'category', 'county', 'leader'] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reference');
  return { title: t('title') };
}

/** 基础数据: the units, categories, counties and leaders' titles the administrator and the dispatch office keep. */
export default async function ReferencePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  // Prefecture-wide managers only (the actions are prefecture-only): for anyone else the page does not exist.
  if (!hasPermission(actor, 'reference.manage') || actor.countyId !== null) notFound();
  const raw = (await searchParams).tab;
  const tab: Tab = TABS.find((x) => x === raw) ?? 'responsible';
  const t = await getTranslations('reference');
  const kind = tab === 'responsible' || tab === 'owner' ? 'unit' : tab === 'leader' ? null : tab;
  const [rows, leaders] = await Promise.all([
    kind ? listEntries(actor, kind, tab === 'owner' ? 'owner' : 'responsible') : Promise.resolve([]),
    kind ? Promise.resolve([]) : listLeaders(actor),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('subtitle')}</p>
      </div>
      <nav aria-label={t('title')} className="-mx-1 flex flex-wrap gap-x-1 border-b border-slate-200 px-1">
        {TABS.map((x) => (
          <Link
            key={x}
            href={`/admin/reference?tab=${x}`}
            aria-current={x === tab ? 'page' : undefined}
            data-testid={`tab-${x}`}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              x === tab ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`tabs.${x}`)}
          </Link>
        ))}
      </nav>
      {kind ? (
        <>
          <CreateEntryForm kind={kind} unitKind={tab === 'owner' ? 'owner' : 'responsible'} />
          <EntryTable kind={kind} rows={rows} />
        </>
      ) : (
        <LeaderTitles rows={leaders} />
      )}
    </div>
  );
}
