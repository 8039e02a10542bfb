import { describe, expect, it } from 'vitest';
import { checkPassword, codePointLength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

describe('checkPassword', () => {
  it.each([
    ['password12', 'passwordTooShort'],
    ['aaaaaaaaa1', 'passwordTooShort'],
    ['Tacheng-Emi', 'passwordTooShort'], // 11
    ['password1234', 'passwordCommon'],
    ['qwertyuiop12', 'passwordCommon'],
    ['aaaaaaaaaaa1', 'passwordGuessable'],
    ['abcdefghijkl', 'passwordGuessable'],
    ['1234567890ab', 'passwordGuessable'],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'passwordTooLong'],
  ])('refuses %j (%s)', (password, problem) => {
    expect(checkPassword(password, 'wanglei')).toBe(problem);
  });

  it('refuses the username, inside the password too, in any case', () => {
    expect(checkPassword('WangLei2025ab', 'wanglei')).toBe('passwordContainsUsername');
    expect(checkPassword('my-WANGLEI-is-fine', 'wanglei')).toBe('passwordContainsUsername');
    expect(checkPassword('wangwu2025ab', 'wangwu2025ab')).toBe('passwordContainsUsername');
    // A two-letter name is only refused as the whole password (it occurs in many phrases).
    expect(checkPassword('lighthouse over the steppe', 'li')).toBeNull();
  });

  it('accepts a good passphrase without any composition rule (no digit, no capital, no symbol)', () => {
    expect(checkPassword('correct horse battery staple', 'wanglei')).toBeNull();
    expect(checkPassword('liushugou reservoir impounds in autumn', 'wanglei')).toBeNull();
    expect(checkPassword('Site2025check', 'wanglei')).toBeNull(); // the e2e specs' password
  });

  it('counts code points: twelve Chinese characters are enough, eleven are not', () => {
    const twelve = '塔城柳树沟水库年内下闸蓄水';
    expect(codePointLength(twelve)).toBe(13);
    expect(checkPassword(twelve.slice(0, 12))).toBeNull();
    expect(checkPassword(twelve.slice(0, 11))).toBe('passwordTooShort');
    // An emoji is one code point (two UTF-16 units).
    expect(codePointLength('🔒'.repeat(PASSWORD_MIN_LENGTH))).toBe(PASSWORD_MIN_LENGTH);
    expect(checkPassword('🔒'.repeat(PASSWORD_MAX_LENGTH))).not.toBe('passwordTooLong');
  });
});
