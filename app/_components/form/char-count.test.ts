import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { CharCount } from './char-count';

function render(locale: Locale, value: string, max: number): string {
  const provider = NextIntlClientProvider({
    locale,
    messages: MESSAGES[locale],
    timeZone: 'Asia/Shanghai',
    onError: (e) => {
      throw e;
    },
    children: createElement(CharCount, { id: 'note', value, max }),
  });
  return renderToStaticMarkup(provider);
}

describe('CharCount', () => {
  it('counts up to the maximum, quietly', () => {
    const html = render('zh-CN', '字'.repeat(12), 2000);
    expect(html).toContain('12 / 2000 字');
    expect(html).not.toContain('data-over');
    expect(html).toContain('text-slate-500');
  });

  it('says by how much pasted text is too long, in red, in both languages', () => {
    const zh = render('zh-CN', 'a'.repeat(2005), 2000);
    expect(zh).toContain('超出 5 个字（最多 2000 个字）');
    expect(zh).toContain('data-over="true"');
    expect(zh).toContain('text-red-700');
    expect(render('en', 'a'.repeat(2001), 2000)).toContain('Over the limit of 2000 characters by 1; shorten it before saving');
  });
});
