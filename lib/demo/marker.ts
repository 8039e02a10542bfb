/**
 * Whether this deployment holds the illustrative demo set (issue 14 §5): the seed records it in
 * the settings table when it loads the set, so a deployment without it shows no mark at all.
 * Every page of the signed-in app and the 大屏 screen shows a 示例数据 line while it is there,
 * and every export names it in its title (xlsx, docx) or file name (csv, which carries data only).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { settings } from '@/db/schema';
import type { Translate } from '@/lib/i18n/translate';
import { DEMO_SETTING } from './setting';

/** One read per request (React's cache in pages; each call elsewhere, a primary-key lookup). */
export const demoDataPresent = cache(async (): Promise<boolean> => {
  const db = await getDb();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEMO_SETTING)).limit(1);
  return row?.value === '1';
});

/** A document's title with the demo mark when the set is present ("重点项目库（示例数据）"). */
export function demoTitle(title: string, t: Translate, demo: boolean): string {
  return demo ? t('common.demoData.title', { title }) : title;
}
