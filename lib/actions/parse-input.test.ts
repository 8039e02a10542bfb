import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '@/lib/i18n/translate';
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
