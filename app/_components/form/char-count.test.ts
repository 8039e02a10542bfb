import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { CharCount, charsOver, countedProps, limitRefusal, useLimitCheck } from './char-count';

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

describe('the browser refusing text over its limit', () => {
  const words = (over: number, max: number) => `over ${over} of ${max}`;

  it('lets a save through while every text fits, to the last character', () => {
    expect(limitRefusal({ title: ['a'.repeat(200), 200], note: ['', 10] }, words)).toBeNull();
    expect(charsOver('a'.repeat(200), 200)).toBe(0);
  });

  it('refuses it as the server would, with a field error per text that is over', () => {
    const res = limitRefusal({ title: ['a'.repeat(203), 200], note: ['ok', 10], 'problem.description': ['字'.repeat(11), 10] }, words);
    expect(res).toEqual({
      ok: false,
      code: 'INVALID',
      message: 'over 3 of 200',
      fieldErrors: { title: ['over 3 of 200'], 'problem.description': ['over 1 of 10'] },
    });
  });

  it('marks the control invalid once over, keeps a server error, and points it at its counter', () => {
    expect(countedProps({ id: 'title' }, 'abc', 3)).toEqual({ id: 'title', 'aria-invalid': undefined, 'aria-describedby': 'title-count' });
    expect(countedProps({ id: 'title', 'aria-describedby': 'title-hint' }, 'abcd', 3)).toEqual({
      id: 'title',
      'aria-invalid': true,
      'aria-describedby': 'title-hint title-count',
    });
    expect(countedProps({ id: 'title', 'aria-invalid': true }, '', 3)['aria-invalid']).toBe(true);
  });

  it('words the refusal in the counter’s words, in both languages', () => {
    const html = (locale: Locale) =>
      renderToStaticMarkup(
        NextIntlClientProvider({
          locale,
          messages: MESSAGES[locale],
          timeZone: 'Asia/Shanghai',
          children: createElement(function Probe() {
            const check = useLimitCheck();
            return createElement('p', null, check({ title: ['a'.repeat(205), 200] })?.message ?? 'fits');
          }),
        }),
      );
    expect(html('zh-CN')).toContain('超出 5 个字（最多 200 个字）');
    expect(html('en')).toContain('Over the limit of 200 characters by 5');
  });
});
