import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server-translations';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getInbox } from '@/lib/inbox/queries';
import { type LeadWork, leadWork } from '@/lib/inbox/lead-work';
import { inboxSearch } from '@/lib/inbox/search-params';
import { listNotifications } from '@/lib/notifications/queries';
import { type NotificationItem, NotificationList } from './_components/notification-list';
import { notificationText } from '@/lib/inbox/notification-text';
import { DispatchSections, LeaderSections, LeadSections } from './_components/work-sections';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

/** "My work" (我的工作): what the actor's role has to do now, and their notifications. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  const { page } = inboxSearch.parse(await searchParams);
  const [inbox, work, notes, t, rawLocale] = await Promise.all([
    getInbox(actor),
    actor.role === 'lead' ? leadWork(actor) : Promise.resolve<LeadWork | null>(null),
    listNotifications(actor, page),
    getTranslations(),
    getLocale(),
  ]);
  const locale = toLocale(rawLocale);
  const items: NotificationItem[] = notes.rows.map((n) => {
    const text = notificationText(t, n, locale);
    return {
      id: n.id,
      kind: n.kind,
      href: n.href,
      title: text.title,
      detail: text.detail,
      unread: n.readAt === null,
      at: formatDateTime(n.createdAt, locale),
      atIso: new Date(n.createdAt).toISOString(),
    };
  });
  const hasWork = Boolean(inbox.lead || inbox.leader || inbox.dispatch);
  const pageCount = Math.max(1, Math.ceil(notes.total / notes.pageSize));

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t('inbox.title')}</h1>
        <p className="text-sm text-slate-500">{t(`inbox.intro.${actor.role}`)}</p>
      </div>
      <div className={hasWork ? 'grid items-start gap-4 lg:grid-cols-5' : 'mx-auto max-w-3xl'}>
        {hasWork ? (
          <div className="space-y-4 lg:col-span-3" data-testid="inbox-work">
            {inbox.lead && work ? <LeadSections data={inbox.lead} work={work} locale={locale} /> : null}
            {inbox.leader ? <LeaderSections data={inbox.leader} locale={locale} /> : null}
            {inbox.dispatch ? <DispatchSections data={inbox.dispatch} locale={locale} /> : null}
          </div>
        ) : null}
        <div className={hasWork ? 'lg:sticky lg:top-20 lg:col-span-2' : ''}>
          <NotificationList items={items} unread={notes.unread} page={notes.page} pageCount={pageCount} />
        </div>
      </div>
    </div>
  );
}
