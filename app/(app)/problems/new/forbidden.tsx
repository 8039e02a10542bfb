import { getTranslations } from '@/lib/i18n/server-translations';
import { Forbidden } from '@/app/_components/form/forbidden';

/** The 403 of this page (its forbidden() call): who may not raise problems (on this project). */
export default async function PageForbidden() {
  const t = await getTranslations();
  return <Forbidden message={t('problems.form.forbiddenCreate')} backHref="/problems" />;
}
