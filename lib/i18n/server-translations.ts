import 'server-only';
import { cache } from 'react';
import type { Translate } from './translate';
import { translator } from './translate';
import { requestLocale } from './translate-server';

/**
 * The translator for the current request's language, for server components and generateMetadata
 * (in place of next-intl's getTranslations, which builds a new message cache for every request,
 * so every message a page shows was parsed again on every request). Same messages, same
 * namespaces: `await getTranslations('lights')`.
 */
export const getTranslations = cache(async (namespace?: string): Promise<Translate> => translator(await requestLocale(), namespace));
