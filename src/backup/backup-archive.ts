import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { archiveLayout, objectPath } from '../archive/layout.js';
import { openDb } from '../storage/db.js';
import { AuditRepo } from '../storage/repos/audit-repo.js';
import { BackupRepo } from '../storage/repos/backup-repo.js';
import { type BackupManifest, MANIFEST_NAME, manifestText } from './backup-manifest.js';
import { copyAndDigest, sha256OfFile } from './copy-verified.js';
import { type BackupProgress, noProgress } from './progress.js';

export interface BackupResult {
  to: string;
  manifest: BackupManifest;
}

/** The job's totals: the catalogue plus every object, and their bytes. */
export function backupTotals(archive: Archive): { items: number; bytes: number } {
  const objects = new BackupRepo(archive.db).objects();
  return { items: objects.length + 1, bytes: objects.reduce((n, o) => n + o.size, 0) };
}

/** The ledger of issued 归档号 beside catalog.db (src/dossier/seal-ledger.ts names it). */
export const LEDGER_NAME = 'archive-numbers.log';

/**
 * `juanzong backup`: a verified copy of the archive in a new folder `to`.
 * 1. The catalogue through SQLite's online backup API (better-sqlite3 `db.backup`), so the app may
 *    keep working; 2. every object the copied catalogue lists, each read back and its SHA-256 compared
 *    with its name; 3. audit-anchor.log and the 归档号 ledger (copied after the catalogue, so they hold
 *    at least what it knows); 4. SQLite's integrity check on the copy; 5. backup.json, with an HMAC under
 *    the archive's anchor key, written last. Everything goes into `to.part-<pid>` first and is renamed to
 *    `to` at the end: an interrupted backup leaves no folder that looks whole. Audited as archive.backup.
 * The anchor key itself is NOT copied (a backup must not carry what forges anchors): keep a copy of
 * the key folder (src/audit/audit-key.ts) on separate media.
 */
export async function backupArchive(archive: Archive, user: UserInfo | null, to: string, progress: BackupProgress = noProgress): Promise<BackupResult> {
  const dest = path.resolve(to);
  const src = archive.layout.root;
  if (dest === src || dest.startsWith(src + path.sep)) {
    throw new AppError('invalid_input', `${dest}: a backup cannot go inside the archive it copies`, `${dest}：备份不能放在被备份的档案库内`, { item: dest });
  }
  if (existsSync(dest) && (!statSync(dest).isDirectory() || readdirSync(dest).length > 0)) {
    throw new AppError(
      'archive_exists',
      `${dest}: the folder exists and is not empty; choose a new folder for the backup`,
      `${dest}：文件夹已存在且不为空，请为备份选择新文件夹`,
      {
        item: dest,
      },
    );
  }
  const key = archive.audit.keyOrNull();
  const archiveId = archive.meta.get('archive_id');
  if (!key || !archiveId) throw new AppError('internal', 'the catalogue has no archive id', '目录库缺少档案库标识');
  const part = `${dest}.part-${process.pid}`;
  rmSync(part, { recursive: true, force: true });
  const out = archiveLayout(part);
  mkdirSync(out.objects, { recursive: true });
  try {
    progress.startItem('catalog.db');
    await archive.db.backup(out.catalog);
    const takenAt = archive.clock.now().toISOString();
    progress.finishItem('catalog.db');
    for (const f of [archive.layout.anchor, path.join(src, LEDGER_NAME)]) if (existsSync(f)) copyFileSync(f, path.join(part, path.basename(f)));

    const copy = openDb(out.catalog, { readonly: true });
    let objects: { sha256: string; size: number }[];
    let head: { seq: number; hash: string } | undefined;
    try {
      const repo = new BackupRepo(copy);
      const integrity = repo.integrity();
      if (integrity !== 'ok')
        throw new AppError(
          'io_error',
          `the copied catalogue fails SQLite's integrity check: ${integrity}`,
          `复制的目录库未通过 SQLite 完整性检查：${integrity}`,
        );
      objects = repo.objects();
      head = new AuditRepo(copy).head();
    } finally {
      copy.close();
    }
    const missing: string[] = [];
    const damaged: string[] = [];
    let bytes = 0;
    for (const o of objects) {
      if (progress.signal.aborted) throw new AppError('cancelled', 'backup cancelled', '备份已取消');
      const from = archive.store.pathOf(o.sha256);
      if (!existsSync(from)) {
        missing.push(o.sha256);
        continue;
      }
      progress.startItem(o.sha256, o.size);
      const target = objectPath(out, o.sha256);
      const got = await copyAndDigest(from, target, (n) => progress.addBytes(n, o.sha256), progress.signal);
      if (got !== o.sha256) {
        // The stored file no longer matches its name (a fixity failure in the archive itself): leave it out.
        rmSync(target, { force: true });
        damaged.push(o.sha256);
      } else bytes += o.size;
      progress.finishItem(o.sha256);
    }
    const manifest: BackupManifest = {
      format: 1,
      archiveId,
      takenAt,
      headSeq: head?.seq ?? 0,
      headHash: head?.hash ?? '0'.repeat(64),
      objects: objects.length - missing.length - damaged.length,
      bytes,
      catalogSha256: await sha256OfFile(out.catalog),
      missing,
      damaged,
    };
    writeFileSync(path.join(part, MANIFEST_NAME), manifestText(manifest, key));
    renameSync(part, dest);
    change(archive, user, () => ({
      value: undefined,
      audit: [
        {
          action: 'archive.backup',
          targetType: 'archive',
          targetId: archiveId,
          detail: { to: dest, takenAt, headSeq: manifest.headSeq, objects: manifest.objects, bytes, missing: missing.length, damaged: damaged.length },
        },
      ],
    }));
    return { to: dest, manifest };
  } catch (e) {
    rmSync(part, { recursive: true, force: true });
    if (progress.signal.aborted && !(e instanceof AppError && e.code === 'cancelled')) throw new AppError('cancelled', 'backup cancelled', '备份已取消');
    throw e;
  }
}
