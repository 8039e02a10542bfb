import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { settings } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { exportListRoute } from '@/lib/exports/http';
import type { Locale } from '@/lib/i18n/config';
import { useTestDb } from '@/test/db';
import { actorOf, makeCategory, makeCounty, makeProject, makeUser } from '@/test/factories';
import { DEMO_SETTING } from './setting';

// Issue 14 §5: while the demo set is loaded every export says so in its title (xlsx) or its
// file name (csv); without it, no mark at all. (The pages' banner: e2e/demo-mark.spec.ts.)

const getDb = useTestDb();
let dispatch: Actor;

beforeEach(async () => {
  const county = await makeCounty({ nameZh: '额敏县', nameEn: 'Emin County' });
  const category = await makeCategory({ code: 'wind', nameZh: '风电', nameEn: 'Wind' });
  await makeProject({ countyId: county.id, categoryCode: category.code, name: '风电项目' });
  dispatch = actorOf(await makeUser({ role: 'dispatch' }));
});

async function exportOf(list: 'registry' | 'problems', format: 'xlsx' | 'csv', locale: Locale) {
  const req = new Request(`http://localhost/api/exports/${list}.${format}`, { headers: { cookie: `NEXT_LOCALE=${locale}` } });
  const res = await exportListRoute.execute(dispatch, req, { file: `${list}.${format}` });
  expect(res.status).toBe(200);
  const name = decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (format === 'csv') return { name, title: null };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { name, title: String(wb.worksheets[0]!.getCell('A1').value) };
}

describe('the demo mark on exports', () => {
  it('is absent from a deployment without the demo set', async () => {
    for (const list of ['registry', 'problems'] as const) {
      const xlsx = await exportOf(list, 'xlsx', 'zh-CN');
      expect(xlsx.title).not.toContain('示例数据');
      expect(xlsx.name).not.toContain('示例数据');
      expect((await exportOf(list, 'csv', 'en')).name).not.toContain('demo data');
    }
  });

  it('names the demo set in every list export’s title and file name while it is loaded, in the user’s language', async () => {
    await getDb().insert(settings).values({ key: DEMO_SETTING, value: '1' });
    for (const list of ['registry', 'problems'] as const) {
      const zh = await exportOf(list, 'xlsx', 'zh-CN');
      expect(zh.title).toMatch(/（示例数据）$/);
      expect(zh.name).toMatch(/（示例数据）-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const en = await exportOf(list, 'xlsx', 'en');
      expect(en.title).toMatch(/ \(demo data\)$/);
      expect((await exportOf(list, 'csv', 'zh-CN')).name).toMatch(/（示例数据）-\d{4}-\d{2}-\d{2}\.csv$/);
    }
  });
});
