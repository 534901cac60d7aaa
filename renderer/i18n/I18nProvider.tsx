import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ErrorPayload } from '../../src/api/errors';
import { ClientError } from '../bridge/client';
import { translate, type Locale, type Vars } from './translate';
import type { MessageKey } from './zh-CN';

const STORAGE_KEY = 'juanzong.locale';

export interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** The user-facing text of an error: messageZh in Chinese, message in English, naming the item. */
  errorText: (e: unknown) => string;
}

const Ctx = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* ignore */
  }
  return 'zh-CN';
}

export function payloadText(locale: Locale, p: ErrorPayload): string {
  const text = locale === 'zh-CN' ? p.messageZh : p.message;
  if (p.item && !text.includes(p.item)) return locale === 'zh-CN' ? `${p.item}：${text}` : `${p.item}: ${text}`;
  return text;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, vars?: Vars) => translate(locale, key, vars);
    const errorText = (e: unknown) => {
      if (e instanceof ClientError) return payloadText(locale, e.payload);
      return e instanceof Error ? e.message : String(e);
    };
    return { locale, setLocale, t, errorText };
  }, [locale, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside <I18nProvider>');
  return v;
}
