import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '@/lib/i18n/translate';
import { useTestDb } from '@/test/db';
import { parseInput, unstorableFields } from './parse-input';

const schema = z.object({ title: z.string().min(1), items: z.array(z.object({ note: z.string() })).optional() });

describe('parseInput: the one input reader of both wrappers', () => {
  it('names every field whose text holds a NUL, nested ones by their zod path', () => {
    expect(unstorableFields({ title: 'a\u0000', items: [{ note: 'ok' }, { note: '\u0000' }], n: 3 })).toEqual(['title', 'items.1.note']);
    expect(unstorableFields('\u0000')).toEqual(['_form']);
    expect(unstorableFields({ title: '路基完成 85%' })).toEqual([]);
  });

  it('refuses such text with a message in the user’s language before the schema runs', () => {
    const zh = parseInput(schema, { title: '标题\u0000' }, translator('zh-CN'));
    expect(zh).toEqual({ ok: false, fieldErrors: { title: ['含有无法保存的字符（如空字符），请删除后重试'] } });
    const en = parseInput(schema, { title: 'x\u0000' }, translator('en'));
    expect(en.ok === false && en.fieldErrors.title?.[0]).toMatch(/cannot be saved/);
  });

  it('otherwise parses with the schema, zod field errors translated', () => {
    expect(parseInput(schema, { title: '标题' }, translator('zh-CN'))).toEqual({ ok: true, data: { title: '标题' } });
    const bad = parseInput(schema, { title: '' }, translator('zh-CN'));
    expect(bad).toEqual({ ok: false, fieldErrors: { title: ['必填'] } });
  });
});

describe('lone surrogates: unstorable like NUL', () => {
  it('an unpaired high or low surrogate anywhere is refused; a pair (an emoji) is fine', () => {
    for (const bad of ['\uD800', 'a\uD83Db', '\uDC00x', 'x\uDFFF', '\uDBFF\uDBFF', '\uDC00\uD800', '👷\uD83D'])
      expect(unstorableFields({ t: bad }), JSON.stringify(bad)).toEqual(['t']);
    for (const good of ['👷‍♀️🚧', '\uD83D\uDE00', 'مشروع', '\u202Eabc', '\uFFFD', '\uE000'])
      expect(unstorableFields({ t: good })).toEqual([]);
    const res = parseInput(schema, { title: '路基\uDC00' }, translator('en'));
    expect(res.ok === false && res.fieldErrors.title?.[0]).toMatch(/cannot be saved/);
  });

  describe('what the driver would do with one (why it is refused, not stored)', () => {
    const getDb = useTestDb();
    it('the running driver (PGlite, or postgres.js with TEST_DATABASE_URL) stores U+FFFD in its place, silently', async () => {
      const rows = (await getDb().execute(sql`select ${'a\uD800b'}::text as s`)) as unknown;
      const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { s: string }[];
      expect(row!.s).toBe('a\uFFFDb');
    });
  });
});
