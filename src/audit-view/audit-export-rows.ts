import type { AuditEntry, UserInfo } from '../api/types.js';
import { zoned } from '../footage/local-time.js';
import { tableSection } from '../pdf/report/report-blocks.js';
import type { ReportDoc } from '../pdf/report/report-model.js';

/** The words of the export as the UI reads them (action, target type and detail key → label). */
export interface AuditExportLabels {
  actions?: Record<string, string>;
  targets?: Record<string, string>;
  details?: Record<string, string>;
}

export const AUDIT_EXPORT_COLUMNS = ['序号', '时间', '操作人', '操作', '对象', '详情', '哈希'] as const;

/** `2026-12-02 14:05:09` in the archive's zone. */
function local(iso: string, tz: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : zoned(d, tz).local.slice(0, 19).replace('T', ' ');
}

/** Target type as written (fixity_run) → the camelCase of the UI's message keys (fixityRun). */
export function targetKey(type: string): string {
  return type.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** `理由：…；案号：…` — known keys in the UI's words, unknown ones as logged, nested values as JSON. */
export function detailText(detail: AuditEntry['detail'], labels: Record<string, string> = {}): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${labels[k] ?? k}：${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');
}

/** One row of the export, in AUDIT_EXPORT_COLUMNS order. */
export function exportRow(e: AuditEntry, tz: string, l: AuditExportLabels): string[] {
  const type = l.targets?.[targetKey(e.targetType)] ?? l.targets?.[e.targetType] ?? e.targetType;
  return [
    String(e.seq),
    local(e.at, tz),
    e.actor,
    l.actions?.[e.action] ?? e.action,
    `${type} ${e.targetLabel ?? e.targetId}`,
    detailText(e.detail, l.details),
    e.hash,
  ];
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for Excel: UTF-8 with a BOM (so Chinese opens correctly), CRLF line ends, a header row. */
export function auditCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + [AUDIT_EXPORT_COLUMNS, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface AuditReportInput {
  archiveName: string;
  /** The filters in words, e.g. 操作：归档；期间：2024-03-01 至 2024-03-31. */
  filters: string;
  rows: readonly (readonly string[])[];
  by: UserInfo;
  createdAt: Date;
  timezone: string;
}

/** 审计日志导出 as a report (rendered to PDF/A by writeReportPdf, like the 调阅登记表). */
export function auditReport(i: AuditReportInput): ReportDoc {
  return {
    title: '审计日志',
    subtitle: i.archiveName,
    author: i.by.displayName,
    subject: `审计日志导出（${i.filters || '全部记录'}）`,
    keywords: ['审计日志', '审计'],
    createdAt: i.createdAt,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['档案库', i.archiveName],
          ['筛选条件', i.filters || '全部记录'],
          ['记录条数', String(i.rows.length)],
          ['制表人', `${i.by.displayName}（${i.by.username}）`],
          ['制表时间', local(i.createdAt.toISOString(), i.timezone)],
        ],
      },
      ...tableSection('审计记录', {
        empty: '没有符合条件的审计记录。',
        columns: [
          ['序号', 5],
          ['时间', 12],
          ['操作人', 10],
          ['操作', 10],
          ['对象', 18],
          ['详情', 26],
          ['哈希', 9],
        ],
        // The full hash is in the CSV; the sheet shows its first 12 characters.
        rows: i.rows.map((r) => r.map((c, n) => (n === 6 ? c.slice(0, 12) : c))),
      }),
    ],
  };
}
