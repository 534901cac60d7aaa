import type { AuditEntry } from '../../../src/api/types';
import { auditActionZhCN, auditDetailZhCN } from '../../i18n/audit.zh-CN';
import { zhCN } from '../../i18n/zh-CN';
import type { I18n } from '../../i18n/I18nProvider';
import { hasMessage } from '../../i18n/translate';

type T = I18n['t'];

/** Target types are snake_case in the log (fixity_run); message keys are camelCase. */
export function targetTypeText(t: T, targetType: string): string {
  const key = `audit.target.${targetType.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
  return hasMessage(key) ? t(key) : targetType;
}

/** `案件 青石综执罚立〔2024〕15号`; the id when the target is gone or has no name. */
export function targetText(t: T, e: AuditEntry): string {
  return `${targetTypeText(t, e.targetType)} ${e.targetLabel ?? e.targetId}`;
}

/** A detail key in words (caseNo → 案号); unknown keys as logged. */
export function detailKeyText(t: T, key: string): string {
  const k = `audit.detail.${key}`;
  return hasMessage(k) ? t(k) : key;
}

/** A detail value to read: text as is, yes/no, nested values pretty-printed. */
export function detailValueText(t: T, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (typeof v === 'object') return JSON.stringify(v, null, 2);
  return String(v);
}

/** One line for the table's 详情 column: `理由：…；案号：…`. */
export function detailLine(t: T, d: AuditEntry['detail']): string {
  if (!d) return '';
  return Object.entries(d)
    .map(([k, v]) => `${detailKeyText(t, k)}：${typeof v === 'object' && v !== null ? JSON.stringify(v) : detailValueText(t, v)}`)
    .join('；');
}

/** The words audit.export writes into the CSV and the PDF/A (the report is Chinese, as the 调阅登记表 is). */
export const EXPORT_LABELS = {
  actions: { ...auditActionZhCN } as Record<string, string>,
  targets: Object.fromEntries(
    Object.entries(zhCN)
      .filter(([k]) => k.startsWith('audit.target.'))
      .map(([k, v]) => [k.slice('audit.target.'.length), v]),
  ),
  details: { ...auditDetailZhCN } as Record<string, string>,
};
