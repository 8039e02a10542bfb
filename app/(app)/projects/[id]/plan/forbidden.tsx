import { getTranslations } from '@/lib/i18n/server-translations';
import { Forbidden } from '@/app/_components/form/forbidden';

/** The 403 of this page (its forbidden() call): only the dispatch office edits annual plans. */
export default async function PageForbidden() {
  const t = await getTranslations();
  return <Forbidden message={t('lights.plan.forbidden')} backHref="/projects/[id]" />;
}
