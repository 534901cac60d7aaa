import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import { type Archive, openArchive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { archiveLayout, objectPath } from '../archive/layout.js';
import { currentAnchors, readAnchorLines } from '../audit/anchor-file.js';
import { readLines } from '../audit/append-log.js';
import { AuditKey } from '../audit/audit-key.js';
import { maxSerials } from '../audit/audit-log.js';
import type { Clock } from '../ports/clock.js';
import { openDb } from '../storage/db.js';
import { BackupRepo } from '../storage/repos/backup-repo.js';
import { DossierSerialRepo } from '../storage/repos/dossier-serial-repo.js';
import { LEDGER_NAME } from './backup-archive.js';
import { type BackupManifest, MANIFEST_NAME, readManifest } from './backup-manifest.js';
import { copyAndDigest, sha256OfFile } from './copy-verified.js';
import { type BackupProgress, noProgress } from './progress.js';

export interface RestoreResult {
  to: string;
  manifest: BackupManifest;
  /** Audit entries committed after the backup and lost with it, as far as the anchor and witness know. */
  lostEntries: number;
  knownFrom: 'witness' | 'anchor' | 'none';
  /** 归档号 serials issued after the backup: the restored counter skips past them (断档), never reissues them. */
  skipped: { year: number; from: number; to: number }[];
  /** Whether the manifest's MAC could be checked on this machine (false: no key for this archive here). */
  macChecked: boolean;
}

export interface RestoreOptions {
  resourcesDir: string;
  clock?: Clock;
  progress?: BackupProgress;
}

/**
 * `juanzong restore`: checks a backup (manifest MAC, catalogue digest and integrity, every object read
 * back against its name), copies it into the new folder `to` (via `to.part-<pid>`, renamed at the end),
 * and then, with what survives outside the catalogue — the witness beside the anchor key and the
 * backup's own anchor file and 归档号 ledger — records what the backup does not hold:
 * an `R` line in the anchor file (entries after the backup are lost, not deleted behind our back), the
 * yearly 归档号 counters stepped past every number ever issued (a 断档, never a reuse), and an
 * archive.restore entry saying when the backup was taken and how many entries were lost.
 */
export async function restoreArchive(from: string, to: string, opts: RestoreOptions): Promise<RestoreResult & { archive: Archive }> {
  const src = path.resolve(from);
  const dest = path.resolve(to);
  const progress = opts.progress ?? noProgress;
  const { manifest, macOk } = readManifest(src, (id) => new AuditKey(id));
  if (macOk === false) {
    throw new AppError(
      'bad_file',
      `${src}: backup.json's MAC does not match (the manifest was altered, or made for another key)`,
      `${src}：备份清单的密钥校验码不符（清单被改动，或由另一把密钥生成）`,
      {
        item: path.join(src, MANIFEST_NAME),
      },
    );
  }
  if (existsSync(dest) && (!statSync(dest).isDirectory() || readdirSync(dest).length > 0)) {
    throw new AppError(
      'archive_exists',
      `${dest}: the folder exists and is not empty; restore into a new folder`,
      `${dest}：文件夹已存在且不为空，请恢复到新文件夹`,
      { item: dest },
    );
  }
  const inBackup = archiveLayout(src);
  const catalogSha = await sha256OfFile(inBackup.catalog).catch(() => null);
  if (catalogSha !== manifest.catalogSha256) {
    throw new AppError('bad_file', `${inBackup.catalog}: missing or changed since the backup was written`, `${inBackup.catalog}：缺失或在备份后被改动`, {
      item: inBackup.catalog,
    });
  }
  const check = openDb(inBackup.catalog, { readonly: true });
  let objects: { sha256: string; size: number }[];
  try {
    const repo = new BackupRepo(check);
    const integrity = repo.integrity();
    if (integrity !== 'ok')
      throw new AppError(
        'bad_file',
        `${inBackup.catalog}: fails SQLite's integrity check: ${integrity}`,
        `${inBackup.catalog}：未通过 SQLite 完整性检查：${integrity}`,
      );
    objects = repo.objects();
  } finally {
    check.close();
  }

  const part = `${dest}.part-${process.pid}`;
  rmSync(part, { recursive: true, force: true });
  const out = archiveLayout(part);
  mkdirSync(out.objects, { recursive: true });
  try {
    const absent = new Set([...manifest.missing, ...manifest.damaged]);
    for (const o of objects) {
      if (progress.signal.aborted) throw new AppError('cancelled', 'restore cancelled', '恢复已取消');
      if (absent.has(o.sha256)) continue;
      const file = objectPath(inBackup, o.sha256);
      if (!existsSync(file)) throw new AppError('bad_file', `${file}: missing from the backup`, `${file}：备份中缺少该文件`, { item: file });
      progress.startItem(o.sha256, o.size);
      const got = await copyAndDigest(file, objectPath(out, o.sha256), (n) => progress.addBytes(n, o.sha256), progress.signal);
      if (got !== o.sha256)
        throw new AppError('bad_file', `${file}: its bytes no longer match its SHA-256`, `${file}：文件内容与其 SHA-256 不符`, { item: file });
      progress.finishItem(o.sha256);
    }
    copyFileSync(inBackup.catalog, out.catalog);
    for (const name of [path.basename(inBackup.anchor), LEDGER_NAME])
      if (existsSync(path.join(src, name))) copyFileSync(path.join(src, name), path.join(part, name));
    renameSync(part, dest);
  } catch (e) {
    rmSync(part, { recursive: true, force: true });
    throw e;
  }

  const archive = await openArchive(dest, { resourcesDir: opts.resourcesDir, ...(opts.clock ? { clock: opts.clock } : {}) });
  try {
    const key = new AuditKey(manifest.archiveId);
    const witness = key.readWitness();
    const fromWitness = witness?.macOk ? witness.witness : null;
    const anchored = Math.max(0, ...currentAnchors(readAnchorLines(archive.layout.anchor, key)).keys());
    const lostTo = Math.max(manifest.headSeq, fromWitness?.seq ?? 0, anchored);
    const knownFrom =
      (fromWitness?.seq ?? 0) >= anchored && (fromWitness?.seq ?? 0) > manifest.headSeq ? 'witness' : anchored > manifest.headSeq ? 'anchor' : 'none';
    const highest = maxSerials(fromWitness?.serials ?? {}, ledgerSerials(path.join(dest, LEDGER_NAME)));
    archive.audit.markRestored(lostTo, highest);
    const serials = new DossierSerialRepo(archive.db);
    const skipped = change(archive, null, () => {
      const gaps: RestoreResult['skipped'] = [];
      for (const [y, top] of Object.entries(highest)) {
        const year = Number(y);
        const last = serials.last(year);
        if (last >= top) continue;
        for (let s = last; s < top; s++) serials.allocate(year);
        gaps.push({ year, from: last + 1, to: top });
      }
      return {
        value: gaps,
        audit: [
          {
            action: 'archive.restore',
            targetType: 'archive',
            targetId: manifest.archiveId,
            detail: {
              from: src,
              backupTakenAt: manifest.takenAt,
              backupHeadSeq: manifest.headSeq,
              lostEntries: lostTo - manifest.headSeq,
              knownFrom,
              archiveNumbersSkipped: gaps,
              macChecked: macOk === true,
              osUser: safeOsUser(),
              note: `restored from backup of ${manifest.takenAt}; entries after it lost: ${lostTo - manifest.headSeq} known from ${knownFrom === 'none' ? 'nothing outside the catalogue' : knownFrom}`,
            },
          },
        ],
      };
    });
    return { archive, to: dest, manifest, lostEntries: lostTo - manifest.headSeq, knownFrom, skipped, macChecked: macOk === true };
  } catch (e) {
    archive.close();
    throw e;
  }
}

/** The highest serial of each year in a 归档号 ledger file (one JSON line per number issued). */
function ledgerSerials(file: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readLines(file)) {
    try {
      const l = JSON.parse(line) as { year?: unknown; serial?: unknown };
      if (typeof l.year === 'number' && typeof l.serial === 'number') out[String(l.year)] = Math.max(out[String(l.year)] ?? 0, l.serial);
    } catch {
      /* blank or torn line */
    }
  }
  return out;
}

function safeOsUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}
