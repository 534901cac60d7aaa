import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../src/domain/audit-actions.js';
import { auditActionEn } from '../../../renderer/i18n/audit.en.js';
import { auditActionZhCN } from '../../../renderer/i18n/audit.zh-CN.js';
import { en } from '../../../renderer/i18n/en.js';
import { MissingMessageError, translate } from '../../../renderer/i18n/translate.js';
import { zhCN } from '../../../renderer/i18n/zh-CN.js';

const I18N_DIR = fileURLToPath(new URL('../../../renderer/i18n/', import.meta.url));

/** Every per-feature dictionary pair (footage.zh-CN.ts + footage.en.ts, …), loaded as modules. */
async function featureDictionaries(): Promise<{ feature: string; zh: Record<string, string>; en: Record<string, string> }[]> {
  const features = readdirSync(I18N_DIR)
    .map((f) => /^([a-z-]+)\.zh-CN\.ts$/.exec(f)?.[1])
    .filter((f): f is string => f !== undefined);
  const out = [];
  for (const feature of features) {
    const zhMod = (await import(`${I18N_DIR}${feature}.zh-CN.ts`)) as Record<string, unknown>;
    const enMod = (await import(`${I18N_DIR}${feature}.en.ts`)) as Record<string, unknown>;
    // The dictionary is the export named <feature>ZhCN / <feature>En (the others are helper tables).
    const pick = (mod: Record<string, unknown>, suffix: string) => {
      const name = Object.keys(mod).find((k) => k.toLowerCase() === `${feature}${suffix}`.toLowerCase());
      return name ? (mod[name] as Record<string, string>) : undefined;
    };
    const zh = pick(zhMod, 'ZhCN');
    const english = pick(enMod, 'En');
    expect(zh, `${feature}.zh-CN.ts exports ${feature}ZhCN`).toBeDefined();
    expect(english, `${feature}.en.ts exports ${feature}En`).toBeDefined();
    out.push({ feature, zh: zh!, en: english! });
  }
  return out;
}

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

  it('the per-feature dictionaries (cases, dossier, audit, auth, settings, footage, …) pair up and no key is defined twice', async () => {
    const dicts = await featureDictionaries();
    expect(dicts.map((d) => d.feature)).toEqual(expect.arrayContaining(['cases', 'dossier', 'audit', 'auth', 'settings', 'footage']));
    const owner = new Map<string, string>();
    for (const { feature, zh, en: english } of dicts) {
      expect(Object.keys(english).sort(), `${feature}: en keys = zh-CN keys`).toEqual(Object.keys(zh).sort());
      for (const key of Object.keys(zh)) {
        expect(owner.get(key), `${key} is in both ${owner.get(key)} and ${feature}`).toBeUndefined();
        owner.set(key, feature);
        // The spread into the one dictionary keeps every feature's text as written.
        expect((zhCN as Record<string, string>)[key], key).toBe(zh[key]);
        expect((en as Record<string, string>)[key], key).toBe(english[key]);
      }
    }
    // What stays in zh-CN.ts itself is the shell: app, language, navigation, common words, not-yet pages.
    const shellNamespaces = new Set(
      Object.keys(zhCN)
        .filter((k) => !owner.has(k))
        .map((k) => k.split('.')[0]),
    );
    expect([...shellNamespaces].sort()).toEqual(['app', 'common', 'lang', 'nav', 'notyet']);
  });

  it('every action the core audits has a label in both languages, under audit.action.<action>', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionZhCN[action]?.trim(), action).toBeTruthy();
      expect(auditActionEn[action]?.trim(), action).toBeTruthy();
      expect(translate('zh-CN', `audit.action.${action}`)).toBe(auditActionZhCN[action]);
      expect(translate('en', `audit.action.${action}`)).toBe(auditActionEn[action]);
    }
    expect(Object.keys(auditActionZhCN).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(translate('zh-CN', 'audit.action.dossier.seal')).toBe('归档');
  });
});
