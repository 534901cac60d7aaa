import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { AuditKey } from '../audit/audit-key.js';

/** backup.json: what a backup folder holds, written last, so a folder without it is no backup. */
export interface BackupManifest {
  format: 1;
  archiveId: string;
  /** When the catalogue was copied (the online backup finished). */
  takenAt: string;
  /** The audit head inside the copied catalogue. */
  headSeq: number;
  headHash: string;
  objects: number;
  bytes: number;
  catalogSha256: string;
  /** Objects the live archive lists but whose file was missing, or whose bytes no longer match their name. */
  missing: string[];
  damaged: string[];
}

export const MANIFEST_NAME = 'backup.json';

export function manifestText(m: BackupManifest, key: AuditKey): string {
  return JSON.stringify({ ...m, mac: key.mac(`backup ${canonicalJson(m)}`) }, null, 2) + '\n';
}

/** Reads and checks a backup's manifest; `macOk` is null when this machine has not got the archive's key. */
export function readManifest(dir: string, keyOf: (archiveId: string) => AuditKey): { manifest: BackupManifest; macOk: boolean | null } {
  const file = path.join(dir, MANIFEST_NAME);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError(
      'not_an_archive',
      `${file}: not a Juanzong backup (${(e as Error).message})`,
      `${file}：不是卷宗档案库的备份（${(e as Error).message}）`,
      {
        item: file,
      },
    );
  }
  const { mac, ...m } = raw as BackupManifest & { mac?: string };
  if (m.format !== 1 || typeof m.archiveId !== 'string' || typeof m.headSeq !== 'number') {
    throw new AppError('not_an_archive', `${file}: not a Juanzong backup manifest`, `${file}：不是卷宗档案库的备份清单`, { item: file });
  }
  const key = keyOf(m.archiveId);
  return { manifest: m, macOk: key.exists() ? key.check(`backup ${canonicalJson(m)}`, String(mac ?? '')) : null };
}
