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

  it('finds every part the project segment sends to the browser in both languages', () => {
    const paths = ['projects', 'project', 'exports.menu', 'lights.light', 'lights.overrideForm', 'lights.plan'];
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(() => pickMessages(MESSAGES[locale] as unknown as MessageTree, paths)).not.toThrow();
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
