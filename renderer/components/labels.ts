import type { Procedure } from '../../src/domain/case';
import { ROLE_LABELS, type Role } from '../../src/domain/roles';
import type { Locale } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';

export function roleLabel(role: Role, locale: Locale): string {
  const l = ROLE_LABELS[role];
  return locale === 'zh-CN' ? l.zh : l.en;
}

export const PROCEDURE_KEYS: Record<Procedure, MessageKey> = { general: 'procedure.general', summary: 'procedure.summary' };
