import type { FournessSummary } from './types-fourness.js';

/** Data shapes of dossier export (导出: PDF/A-2b volume PDFs and the 移交包 BagIt transfer package). */

export interface ExportedVolume {
  /** 1-based volume index in the dossier. */
  index: number;
  /** 正卷 / 副卷 / 第2册…; empty for a single-volume dossier. */
  label: string;
  /** File name of the PDF and its full path. */
  file: string;
  path: string;
  pages: number;
  bytes: number;
  sha256: string;
  sm3: string;
  /** Fonts in the file, all embedded (checked on read-back). */
  fonts: number;
  /** Whether poppler (pdfinfo/pdffonts) also read the file back. */
  popplerChecked: boolean;
}

export interface ExportedPackage {
  /** The bag folder (BagIt 1.0). */
  folder: string;
  /** `<bytes>.<files>` of data/ as in bag-info.txt. */
  payloadOxum: string;
  /** Payload files: volume PDFs, original footage, data/metadata.xml. */
  files: number;
  /** AV items whose original footage is in the package / not in it (disposed of or missing). */
  footage: number;
  footageMissing: string[];
  /** The package was read back (manifest-sha256, tag manifest, SM3 tag file, Payload-Oxum) after writing. */
  verified: boolean;
  /** The 四性检测 (DA/T 70) run on the package before its tag manifest; its report is in the bag. */
  fourness?: FournessSummary;
}

export interface DossierExportResult {
  dossierId: number;
  versionNo: number;
  caseId: number | null;
  caseNo: string | null;
  title: string;
  archiveNo: string | null;
  archiveCode: string | null;
  /** The folder holding the volume PDFs. */
  folder: string;
  volumes: ExportedVolume[];
  /** Pages over every volume. */
  pages: number;
  package: ExportedPackage | null;
  seconds: number;
}
