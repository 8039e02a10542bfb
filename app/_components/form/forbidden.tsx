import { getTranslations } from '@/lib/i18n/server-translations';
import { ParamLink } from './param-link';

/**
 * Visible but not permitted: the 403 message with a way back (the actions refuse anyway). A page
 * calls forbidden() (next/navigation), which answers HTTP 403 and renders the nearest
 * forbidden.tsx; each one renders this with its page's message. `backHref` may name the route's
 * params ("/projects/[id]"): a forbidden.tsx gets no props.
 */
export async function Forbidden({ message, backHref }: { message: string; backHref: string }) {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm" data-testid="forbidden">
      <p className="text-4xl font-bold text-slate-300">403</p>
      <h1 className="mt-2 text-lg font-semibold text-slate-900">{t('project.form.forbiddenTitle')}</h1>
      <p className="mt-2 text-sm text-slate-600">{message}</p>
      <ParamLink
        href={backHref}
        className="mt-5 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t('common.back')}
      </ParamLink>
    </div>
  );
}
