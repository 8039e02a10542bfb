import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages';
import { pickMessages, type MessageTree } from './pick-messages';
import { translator } from './translate';

const catalogue: MessageTree = {
  common: { ok: 'OK', nav: { home: 'Home' } },
  lights: { light: { red: 'Red' }, overrideForm: { title: 'Override' }, rules: { title: 'Rules' } },
};

describe('pickMessages', () => {
  it('keeps whole namespaces and parts of one in the catalogue shape', () => {
    expect(pickMessages(catalogue, ['common', 'lights.light', 'lights.overrideForm'])).toEqual({
      common: { ok: 'OK', nav: { home: 'Home' } },
      lights: { light: { red: 'Red' }, overrideForm: { title: 'Override' } },
    });
  });

  it('does not change the catalogue when a part follows its whole namespace', () => {
    const before = JSON.stringify(catalogue);
    expect(pickMessages(catalogue, ['lights', 'lights.light'])).toEqual({ lights: catalogue.lights });
    expect(pickMessages(catalogue, ['lights.light', 'lights'])).toEqual({ lights: catalogue.lights });
    expect(JSON.stringify(catalogue)).toBe(before);
  });

  it('refuses a path that names nothing', () => {
    expect(() => pickMessages(catalogue, ['lights.nope'])).toThrow('no messages at "lights.nope"');
    expect(() => pickMessages(catalogue, ['common.ok.deeper'])).toThrow();
  });

  it('finds, in both languages, every path a route segment layout or the root sends to the browser', () => {
    const paths = new Set<string>();
    const files = readdirSync('app', { recursive: true, encoding: 'utf8' }).filter((f) =>
      /(^|\/)layout\.tsx$|client-messages\.tsx$/.test(f),
    );
    for (const file of files) {
      const source = readFileSync(path.join('app', file), 'utf8');
      for (const list of source.matchAll(/(?:withMessages\(|BASE: readonly MessagePath\[\] = )\[([^\]]*)\]/g)) {
        for (const [, p] of list[1]!.matchAll(/'([^']+)'/g)) paths.add(p!);
      }
    }
    expect(paths).toContain('lights.overrideForm');
    expect(paths).toContain('common');
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(() => pickMessages(MESSAGES[locale] as unknown as MessageTree, [...paths])).not.toThrow();
    }
  });
});

describe('translator', () => {
  it('is one per language and namespace, and translates like a fresh one', () => {
    expect(translator('en', 'common')).toBe(translator('en', 'common'));
    expect(translator('en')).not.toBe(translator('zh-CN'));
    expect(translator('en', 'common')('appName')).toBe(translator('en')('common.appName'));
    expect(translator('zh-CN')('common.appName')).toBe('重点项目调度平台');
  });
});
