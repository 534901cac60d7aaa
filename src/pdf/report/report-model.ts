/**
 * A report (登记表, 评查报告, 提取说明 …) as plain data: a title and a list of blocks. Building one is
 * pure and unit-testable; renderReportPdf / writeReportPdf (write-report.ts) turn it into PDF/A-2b.
 */
export type ReportBlock =
  /** A section heading; every heading becomes a bookmark. */
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  /** Running text, wrapped (line breaks in the text are kept). */
  | { kind: 'paragraph'; text: string }
  /** Label / value rows (制作人：…), values wrapped. */
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  /** A ruled table; it breaks across pages and repeats its header row on each. */
  | { kind: 'table'; columns: readonly { title: string; width: number /* relative */ }[]; rows: readonly (readonly string[])[] }
  /** Signature lines, e.g. 制作人 / 审批人, each with a line to sign on and a date. */
  | { kind: 'signatures'; labels: readonly string[] };

export interface ReportDoc {
  title: string;
  subtitle?: string;
  /** Info /Author and dc:creator: the person or office responsible. */
  author: string;
  subject: string;
  keywords?: readonly string[];
  createdAt: Date;
  blocks: readonly ReportBlock[];
}

export interface WrittenReport {
  path: string;
  pages: number;
  size: number;
  sha256: string;
  sm3: string;
}
