import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { FournessReport, FournessRow, FournessStage } from '../api/types-fourness.js';
import type { BindingProfile } from '../domain/profile-binding.js';
import { SM3_TAG_FILE } from '../export/bagit.js';
import { DigestPool } from '../footage/digest-pool.js';
import { type FilePort, nodeFilePort } from '../ports/file-port.js';
import { loadProfile, requireBinding } from '../profiles/load-profile.js';
import { resourcesDir } from '../resources/paths.js';
import { consistencyRow, countRows, fixityRow, linkRow, packageMetadataRow, propertiesRow, structureRow } from './content-checks.js';
import { checkFootage, type FootageFormat } from './footage-format.js';
import { parseMetadata } from './metadata-read.js';
import { archiveCodeRow, charactersRow, duplicatesRow, lengthRow, metadataItems, plausibleRow, rangeRow, typeRow } from './metadata-rules.js';
import { validateMetadata } from './metadata-schema.js';
import { digestPackage } from './package-digests.js';
import type { PackageEvidence, PackageFingerprint } from './package-evidence.js';
import { readPackageFiles, REPORT_XML } from './package-files.js';
import { checkPdfa, type PdfaFindings } from './pdfa-conformance.js';
import { completeRow, continuityRow, databaseRow, formatRows, historyRow, processSecurityRow, readableRow, requiredRow } from './record-checks.js';
import { readFingerprint } from './report-xml.js';
import { virusRows } from './virus-scan.js';

export const SOFTWARE = 'Juanzong 卷宗 四性检测';

export interface CheckPackageOptions {
  files?: FilePort;
  /** Shared digest workers (a new pool of two threads otherwise, closed at the end). */
  pool?: DigestPool;
  signal?: AbortSignal;
  onFile?: (done: number, total: number, name: string) => void;
  onBytes?: (n: number) => void;
  stage?: FournessStage;
  /** false while the package is being written (no tag manifest, no report yet). */
  complete?: boolean;
  /** The writer's digests of what it wrote (export: 1-14 compares the read-back with them). */
  written?: PackageEvidence['before'];
  /** The archive's verification of the case's audit entries (export). */
  chain?: PackageEvidence['chain'];
  checkedBy?: string | null;
  now?: () => Date;
  /** The label the report names the package by (default: the folder name). */
  label?: string;
}

export interface PackageCheck {
  report: FournessReport;
  fingerprint: PackageFingerprint | null;
}

/**
 * 四性检测 of a 移交包 folder, needing no archive: every file read once (SHA-256 and SM3 on two
 * worker threads), metadata.xml parsed and validated against the shipped schema, every volume's
 * PDF/A properties, every clip probed, a virus scan where ClamAV is installed. Each DA/T 70 item is a
 * row; a broken package gives failing rows that name the file, never an exception (only a folder
 * that is not there, or a cancel, throws).
 */
export async function checkPackage(dir: string, o: CheckPackageOptions = {}): Promise<PackageCheck> {
  const started = Date.now();
  const files = o.files ?? nodeFilePort;
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory())
    throw new AppError('not_found', `${dir}: not a package folder (it does not exist or is not a folder)`, `${dir}：移交包文件夹不存在或不是文件夹`, {
      item: dir,
    });
  const pkg = await readPackageFiles(dir);
  const pool = o.pool ?? new DigestPool();
  try {
    const names = pkg.files.map((f) => f.path);
    const xml = pkg.metadataXml;
    const [{ digests, unreadable }, schema] = await Promise.all([
      digestPackage(files, pool, dir, names, o.signal, { ...(o.onFile ? { onFile: o.onFile } : {}), ...(o.onBytes ? { onBytes: o.onBytes } : {}) }),
      xml === null ? Promise.resolve({ valid: false, errors: ['data/metadata.xml 不存在'] }) : validateMetadata(xml),
    ]);
    cancelled(o.signal, dir);
    const parsed = xml === null ? { model: null, errors: [] } : parseMetadata(xml);
    const pdfa = new Map<string, PdfaFindings>();
    const footage = new Map<string, FootageFormat>();
    for (const f of pkg.files) {
      cancelled(o.signal, dir);
      const abs = path.join(dir, ...f.path.split('/'));
      if (f.path.startsWith('data/volumes/') || (f.path.startsWith('data/') && f.path.toLowerCase().endsWith('.pdf'))) pdfa.set(f.path, await checkPdfa(abs));
      else if (f.path.startsWith('data/footage/')) footage.set(f.path, await checkFootage(abs, path.basename(f.path)));
    }
    const prior = o.written ?? (await priorReport(dir));
    const e: PackageEvidence = {
      pkg,
      meta: parsed.model,
      parseErrors: parsed.errors,
      schema,
      digests,
      unreadable,
      pdfa,
      footage,
      complete: o.complete ?? true,
      before: prior,
      chain: o.chain ?? null,
    };
    const profile = profileOf(parsed.model?.dossier.profile ?? '');
    const rows: FournessRow[] = [];
    rows.push(fixityRow(e));
    if (parsed.model) {
      const items = metadataItems(parsed.model);
      rows.push(lengthRow(items), typeRow(items), rangeRow(parsed.model, profile), plausibleRow(parsed.model), charactersRow(items));
      rows.push(archiveCodeRow(parsed.model, profile), duplicatesRow(parsed.model));
    }
    rows.push(propertiesRow(e), linkRow(e), structureRow(e), consistencyRow(e));
    const [itemCount, byteCount, contentComplete, packageComplete] = countRows(e);
    rows.push(itemCount!, byteCount!, completeRow(e.meta), requiredRow(e.meta), historyRow(e.meta), continuityRow(e.meta), contentComplete!);
    rows.push(packageMetadataRow(e), packageComplete!, readableRow(e), databaseRow(), ...formatRows(e));
    rows.push(...(await virusRows(dir, o.signal)), processSecurityRow(e.meta));
    cancelled(o.signal, dir);
    const manifest = digests.get('manifest-sha256.txt');
    const sm3 = digests.get(SM3_TAG_FILE);
    const fingerprint =
      manifest && sm3 ? { payloadOxum: pkg.bagInfo.get('Payload-Oxum') ?? '', manifestSha256: manifest.sha256, sm3ManifestSha256: sm3.sha256 } : null;
    return { report: assemble(rows, o, dir, started), fingerprint };
  } finally {
    if (!o.pool) await pool.close();
  }
}

export function assemble(
  rows: FournessRow[],
  o: Pick<CheckPackageOptions, 'stage' | 'checkedBy' | 'now' | 'label'>,
  dir: string | null,
  started: number,
  kind: FournessReport['target']['kind'] = 'package',
): FournessReport {
  const counts = { pass: 0, fail: 0, na: 0 };
  for (const r of rows) counts[r.outcome]++;
  return {
    stage: o.stage ?? 'transfer',
    target: { kind, label: o.label ?? (dir ? path.basename(dir) : ''), path: dir },
    checkedAt: (o.now?.() ?? new Date()).toISOString(),
    checkedBy: o.checkedBy ?? null,
    software: SOFTWARE,
    passed: counts.fail === 0,
    counts,
    rows,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

async function priorReport(dir: string): Promise<PackageEvidence['before']> {
  const xml = await readFile(path.join(dir, REPORT_XML), 'utf8').catch(() => null);
  const r = xml ? readFingerprint(xml) : null;
  return r ? { kind: 'report', ...r } : null;
}

/** The shipped profile a package names (`id version`), or null when this installation does not have it. */
function profileOf(named: string): BindingProfile | null {
  const id = named.trim().split(/\s+/)[0];
  if (!id || !/^[a-z0-9-]+$/.test(id)) return null;
  try {
    return requireBinding(loadProfile(resourcesDir(), id));
  } catch {
    return null;
  }
}

function cancelled(signal: AbortSignal | undefined, dir: string): void {
  if (signal?.aborted)
    throw new AppError('cancelled', `${path.basename(dir)}: 四性检测 cancelled`, `${path.basename(dir)}：四性检测已取消`, { item: path.basename(dir) });
}
