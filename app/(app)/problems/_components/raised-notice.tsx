import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server-translations';
import { SavedNotice } from '@/app/_components/saved/saved-notice';
import { savedName } from '@/app/_components/saved/saved-param';

/**
 * "已提交问题：…" on the page a problem was raised from (`?saved=problem-<id>`: the report's or the
 * project's page), with the way to the problem. `targetId`: its row on that page, if it has one.
 */
export async function RaisedProblemNotice({ problem, targetId }: { problem: { id: number; description: string }; targetId?: string }) {
  const t = await getTranslations('problems.savedNotice');
  return (
    <SavedNotice targetId={targetId}>
      {t('raised', { what: savedName(problem.description) })}{' '}
      <Link href={`/problems/${problem.id}`} className="font-medium underline" data-testid="saved-problem-link">
        {t('open')}
      </Link>
    </SavedNotice>
  );
}
