import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en.js';
import { MissingMessageError, translate } from '../../../renderer/i18n/translate.js';
import { zhCN } from '../../../renderer/i18n/zh-CN.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('renderer i18n dictionaries', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zh = Object.keys(zhCN).sort();
    const english = Object.keys(en).sort();
    expect(english.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !english.includes(k))).toEqual([]);
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const [key, zh] of Object.entries(zhCN)) {
      const english = (en as Record<string, string>)[key] ?? '';
      expect(zh.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });

  it('keys look like keys (namespace.name) and no message is itself a key', () => {
    const keys = new Set(Object.keys(zhCN));
    for (const key of keys) {
      expect(key).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
      expect(keys.has((zhCN as Record<string, string>)[key]!)).toBe(false);
      expect(keys.has((en as Record<string, string>)[key]!)).toBe(false);
    }
  });

  it('translate fills placeholders and throws on a missing key under test', () => {
    expect(translate('zh-CN', 'cases.count', { count: 3 })).toBe('共 3 件');
    expect(translate('en', 'nav.cases')).toBe('Cases');
    expect(() => translate('zh-CN', 'no.such.key')).toThrow(MissingMessageError);
    expect(() => translate('en', 'cases.count')).toThrow(/count/);
  });
});
