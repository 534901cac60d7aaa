/**
 * 四性检测 (DA/T 70-2018: 真实性、完整性、可用性、安全性) results as the UI, the CLI and the package's
 * report show them. Plain data: the renderer imports these types.
 */

/** 通过 / 未通过 / 不适用. */
export type FournessOutcome = 'pass' | 'fail' | 'na';

export const FOURNESS_OUTCOME_ZH: Record<FournessOutcome, string> = { pass: '通过', fail: '未通过', na: '不适用' };

/** 真实性 / 完整性 / 可用性 / 安全性. */
export type FournessDimension = 'authenticity' | 'integrity' | 'usability' | 'security';

export const FOURNESS_DIMENSION_ZH: Record<FournessDimension, string> = {
  authenticity: '真实性',
  integrity: '完整性',
  usability: '可用性',
  security: '安全性',
};

/** 归档环节 (sealing), 移交接收环节 (a 移交包), 长期保存环节 (the whole archive). */
export type FournessStage = 'archiving' | 'transfer' | 'preservation';

export const FOURNESS_STAGE_ZH: Record<FournessStage, string> = { archiving: '归档环节', transfer: '移交接收环节', preservation: '长期保存环节' };

export interface FournessRow {
  /** Stable key of the item (e.g. `fixity`, `metadata-length`). */
  key: string;
  /** DA/T 70 code where DOMAIN.md gives one (1-1, 2-2 …), else null. */
  code: string | null;
  dimension: FournessDimension;
  /** The item's name as DA/T 70 words it (固化信息有效性检测 …). */
  name: string;
  /** What was checked, in a sentence. */
  checked: string;
  outcome: FournessOutcome;
  /** Why it failed or does not apply (null when it passed). */
  reason: string | null;
  /** What was found, e.g. "总字节数 2,481,223,117 = manifest". */
  evidence: string[];
  /** The files or items that failed, named (at most 50; `failingCount` holds the total). */
  failing: string[];
  failingCount: number;
}

export interface FournessReport {
  stage: FournessStage;
  /** What was checked: a package folder, a dossier, an archive. */
  target: { kind: 'package' | 'dossier' | 'archive'; label: string; path: string | null };
  checkedAt: string;
  checkedBy: string | null;
  software: string;
  passed: boolean;
  counts: Record<FournessOutcome, number>;
  rows: FournessRow[];
  seconds: number;
}

/** The latest 四性检测 of a dossier (or archive) as the audit log recorded it. */
export interface FournessSummary {
  stage: FournessStage;
  checkedAt: string;
  checkedBy: string;
  passed: boolean;
  counts: Record<FournessOutcome, number>;
  /** The failing rows: code, name and reason. */
  failures: { code: string | null; name: string; reason: string | null; failing: string[] }[];
  /** Where the report was written (the package folder), when it was. */
  where: string | null;
}
