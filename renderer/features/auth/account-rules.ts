import type { FormRule } from 'antd';
import type { I18n } from '../../i18n/I18nProvider';

/** Client-side checks matching the contract's account schema (the server checks again). */
export function accountRules(t: I18n['t']) {
  const required = (field: string): FormRule => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return {
    username: [required(t('auth.username')), { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: t('auth.usernameRule') }] as FormRule[],
    displayName: [required(t('auth.displayName')), { max: 50 }] as FormRule[],
    password: [required(t('auth.password')), { min: 8, message: t('auth.passwordRule') }, { max: 200 }] as FormRule[],
    password2: [
      required(t('auth.passwordAgain')),
      ({ getFieldValue }) => ({
        validator: (_: unknown, value: unknown) =>
          !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
      }),
    ] as FormRule[],
  };
}
