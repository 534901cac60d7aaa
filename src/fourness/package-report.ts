import path from 'node:path';
import type { FournessReport } from '../api/types-fourness.js';
import type { Archive } from '../archive/archive.js';
import type { BeforeTagManifest } from '../export/bagit.js';
import { renderReportPdf } from '../pdf/report/write-report.js';
import { checkPackage } from './check-package.js';
import { REPORT_PDF, REPORT_XML } from './package-files.js';
import { reportDoc } from './report-pdf.js';
import { reportXml } from './report-xml.js';

export interface PackageReportOptions {
  archive: Archive;
  checkedBy: string;
  /** Told the report once it is in the bag (the caller records it and shows it). */
  onReport?: (report: FournessReport) => void;
  signal?: AbortSignal;
}

/**
 * 移交接收环节 at export: the hook writeBag runs before its tag manifest. It checks the package just
 * written (1-14 compares the read-back with the digests the writer took; 1-1 adds the archive's own
 * audit-chain verification), and returns 四性检测报告.xml and 四性检测报告.pdf (PDF/A-2b) as tag files,
 * so the tag manifest covers the report too.
 */
export function packageReportHook(o: PackageReportOptions): BeforeTagManifest {
  return async ({ workDir, finalDir, written }) => {
    const v = o.archive.audit.verify();
    const chain = { ok: v.ok, checked: v.checked, problem: v.ok ? null : (v.firstBroken?.reasonZh ?? v.problems?.[0]?.reasonZh ?? '审计链核验未通过') };
    const { report, fingerprint } = await checkPackage(workDir, {
      complete: false,
      written: { kind: 'writer', digests: new Map(written.map((w) => [w.path, { size: w.size, sha256: w.sha256, sm3: w.sm3 }])) },
      chain,
      checkedBy: o.checkedBy,
      now: () => o.archive.clock.now(),
      label: path.basename(finalDir),
      stage: 'transfer',
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const final = { ...report, target: { ...report.target, path: finalDir } };
    const author = o.archive.meta.get('name')?.trim() || 'Juanzong';
    const pdf = await renderReportPdf(reportDoc(final, author));
    o.onReport?.(final);
    return [
      { name: REPORT_XML, bytes: Buffer.from(reportXml(final, fingerprint), 'utf8') },
      { name: REPORT_PDF, bytes: pdf },
    ];
  };
}
