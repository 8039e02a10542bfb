import { getTranslations } from '@/lib/i18n/server-translations';
import { demoDataPresent } from '@/lib/demo/marker';

/**
 * The 示例数据 line above every page of the signed-in app while the demo set is loaded (nothing
 * at all without it). Not in the sticky header: it scrolls away and leaves the phone's screen to
 * the work.
 */
export async function DemoBanner() {
  if (!(await demoDataPresent())) return null;
  const t = await getTranslations();
  return (
    <p
      role="note"
      className="mx-auto w-full max-w-screen-2xl px-3 pt-2 text-xs leading-snug text-amber-900 sm:px-4"
      data-testid="demo-banner"
    >
      <span className="mr-1.5 inline-block rounded bg-amber-100 px-1.5 py-0.5 font-semibold ring-1 ring-amber-300">
        {t('common.demoBadge')}
      </span>
      {t('common.demoData.banner')}
    </p>
  );
}
