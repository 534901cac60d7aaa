import type { FormRule } from 'antd';
import { PASSWORD_MIN_LENGTH, PASSWORD_PROBLEM_TEXT, passwordProblems } from '../../../src/domain/password-rules';
import type { I18n } from '../../i18n/I18nProvider';

/** Client-side checks matching the contract's account schema (the server checks again). */
export function accountRules(t: I18n['t'], locale: string = 'zh-CN') {
  const required = (field: string): FormRule => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return {
    username: [required(t('auth.username')), { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: t('auth.usernameRule') }] as FormRule[],
    displayName: [required(t('auth.displayName')), { max: 50 }] as FormRule[],
    password: [
      required(t('auth.password')),
      { min: PASSWORD_MIN_LENGTH, message: t('auth.passwordRule') },
      { max: 200 },
      // The core's own rules (src/domain/password-rules.ts), shown while typing.
      ({ getFieldValue }) => ({
        validator: (_: unknown, value: unknown) => {
          const problems =
            typeof value === 'string' && value.length >= PASSWORD_MIN_LENGTH ? passwordProblems(value, String(getFieldValue('username') ?? '')) : [];
          const text = problems.map((p) => PASSWORD_PROBLEM_TEXT[p][locale === 'en' ? 'en' : 'zh']).join(locale === 'en' ? '; ' : '；');
          return problems.length === 0 ? Promise.resolve() : Promise.reject(new Error(text));
        },
      }),
    ] as FormRule[],
    password2: [
      required(t('auth.passwordAgain')),
      ({ getFieldValue }) => ({
        validator: (_: unknown, value: unknown) =>
          !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
      }),
    ] as FormRule[],
  };
}
