// Imports in the i18n data files carry .js extensions so tests (NodeNext) can import them too.
import { en } from './en.js';
import { zhCN, type MessageKey } from './zh-CN.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Vars = Record<string, string | number>;

/** True where a missing key must fail loudly (vite dev, vitest), so no raw key reaches the screen. */
function strict(): boolean {
  const env = (import.meta as { env?: { DEV?: boolean; MODE?: string } }).env;
  return Boolean(env?.DEV) || env?.MODE === 'test';
}

export class MissingMessageError extends Error {
  constructor(key: string, locale: Locale) {
    super(`i18n: missing key "${key}" in ${locale}`);
    this.name = 'MissingMessageError';
  }
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** Fills `{name}` placeholders. An unknown placeholder is a bug: strict builds throw. */
export function format(template: string, vars?: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars?.[name];
    if (v === undefined) {
      if (strict()) throw new Error(`i18n: no value for {${name}} in "${template}"`);
      return '';
    }
    return String(v);
  });
}

/**
 * Looks a key up. A missing key throws in dev/test; in a production build it falls back to the
 * Chinese text, then to an empty string — never to the raw key.
 */
export function translate(locale: Locale, key: MessageKey | string, vars?: Vars): string {
  const dict = DICTIONARIES[locale] as Record<string, string | undefined>;
  const text = dict[key];
  if (text !== undefined) return format(text, vars);
  if (strict()) throw new MissingMessageError(key, locale);
  const fallback = (zhCN as Record<string, string | undefined>)[key];
  return fallback === undefined ? '' : format(fallback, vars);
}
