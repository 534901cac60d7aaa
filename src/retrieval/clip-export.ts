import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { toIoError } from '../archive/object-store.js';
import { tmpName } from '../archive/tmp-names.js';
import { ROLE_LABELS } from '../domain/roles.js';
import { copyWithDigests } from '../footage/copy-with-digests.js';
import type { DigestPool } from '../footage/digest-pool.js';
import { zoned } from '../footage/local-time.js';
import { writeReportPdf } from '../pdf/report/write-report.js';
import type { FilePort } from '../ports/file-port.js';
import { sansBold } from '../resources/fonts.js';
import { FootageRepo, type ClipRow } from '../storage/repos/footage-repo.js';
import { assertClipAccess } from './access.js';
import { cutCopy, cutReencode, keyframeTimes, mediaTimes } from './clip-export-ffmpeg.js';
import { type ExportedFile, extractApproval, extractNote, hms, NOTE_NAME, SHA256_MANIFEST, SM3_MANIFEST } from './extract-note.js';

export interface ClipExportRequest {
  clipId: number;
  inSec: number;
  outSec: number;
  /** Folder the export folder is made in (absolute). */
  target: string;
  /** Re-encode frame-exact with the watermark instead of a stream copy. */
  reencode?: boolean;
  /** Also copy the whole original recording. */
  whole?: boolean;
  reason: string;
}

export interface ClipExportResult {
  folder: string;
  method: 'copy' | 'reencode';
  requested: { inSec: number; outSec: number };
  actual: { inSec: number; outSec: number };
  files: ExportedFile[];
  grantId: number | null;
}

export interface ClipExportDeps {
  archive: Archive;
  files: FilePort;
  pool: DigestPool;
  timezone: string;
  signal?: AbortSignal;
  /** A step starts (for the job's progress): 'cut', 'original', 'note', 'manifests'. */
  onStep?: (step: string, bytesTotal: number) => void;
  onBytes?: (n: number) => void;
}

/** 0.05 s of slack at the end: a catalogued duration is rounded; in/out beyond it are refused. */
const END_SLACK = 0.05;

export function validateInOut(clip: Pick<ClipRow, 'originalName' | 'durationSec' | 'kind'>, inSec: number, outSec: number): void {
  const name = clip.originalName;
  const bad = (en: string, zh: string) => new AppError('invalid_input', `${name}: ${en}`, `${name}：${zh}`, { item: name });
  if (clip.kind === 'photo') throw bad('a photo has no in/out points to cut', '照片没有可截取的入点、出点');
  if (!Number.isFinite(inSec) || !Number.isFinite(outSec)) throw bad('in and out must be numbers of seconds', '入点和出点必须是秒数');
  if (inSec < 0) throw bad(`in point ${hms(inSec)} is before the start of the clip`, `入点 ${hms(inSec)} 早于记录开始`);
  if (outSec <= inSec) throw bad(`out point ${hms(outSec)} is not after in point ${hms(inSec)}`, `出点 ${hms(outSec)} 必须晚于入点 ${hms(inSec)}`);
  const d = clip.durationSec;
  if (d !== null && outSec > d + END_SLACK)
    throw bad(`out point ${hms(outSec)} is beyond the end of the clip (${hms(d)})`, `出点 ${hms(outSec)} 超出记录时长（${hms(d)}）`);
}

/**
 * 复制/提取: cuts [in, out] of a clip into a new folder in `target` — the cut (stream copy snapped to
 * the key frame at or before `in`, or a frame-exact re-encode with the viewer's watermark), optionally
 * the whole original, 提取说明.pdf and SHA-256 / SM3 manifests. Everything is written under a hidden
 * folder name and renamed when complete; a cancel or failure removes it, so nothing half-written is
 * left. The stored original is only read. Access: 领导/管理员, or a grant that allows copying.
 * Audited as 'clip.export' with every output digest.
 */
export async function exportClip(d: ClipExportDeps, user: UserInfo, req: ClipExportRequest): Promise<ClipExportResult> {
  const { archive, files } = d;
  const clip = new FootageRepo(archive.db).byId(req.clipId);
  if (!clip) throw new AppError('not_found', `clip ${req.clipId} does not exist`, `音像记录 ${req.clipId} 不存在`, { item: String(req.clipId) });
  const label = clip.originalName;
  if (clip.disposalId !== null) throw new AppError('not_found', `clip ${label} was disposed of`, `音像记录 ${label} 已经销毁`, { item: label });
  validateInOut(clip, req.inSec, req.outSec);
  if (!path.isAbsolute(req.target))
    throw new AppError('invalid_input', `target: ${req.target} is not an absolute folder path`, `目标文件夹：${req.target} 不是完整（绝对）的文件夹路径`, {
      item: 'target',
    });
  const reason = req.reason.trim();
  if (reason.length < 2) throw new AppError('invalid_input', 'a reason is required for a copy', '复制须填写事由', { item: 'reason' });
  const access = assertClipAccess(archive, user, clip.id, 'copy', archive.clock.now());

  const source = archive.store.pathOf(clip.sha256);
  const method = req.reencode ? 'reencode' : 'copy';
  const madeAt = archive.clock.now();
  const local = zoned(madeAt, d.timezone).local;
  const ext = method === 'reencode' ? (clip.kind === 'audio' ? '.m4a' : '.mp4') : path.extname(clip.originalName) || '.mp4';
  const base = path.basename(clip.originalName, path.extname(clip.originalName)).replace(/[^\p{L}\p{N}_.-]+/gu, '_');
  // `…_000105-000210.mp4` (in–out as hhmmss, milliseconds only when there are some).
  const stamp = (sec: number) =>
    hms(sec)
      .replace(/\.000$/, '')
      .replace(/:/g, '');
  const cutName = `${base}_${stamp(req.inSec)}-${stamp(req.outSec)}${method === 'reencode' ? '_水印' : ''}${ext}`;
  const folderName = await freeName(files, req.target, `提取_${base}_${local.slice(0, 19).replace(/[-:]/g, '').replace('T', '_')}`);
  const hidden = path.join(req.target, `.${folderName}.${tmpName()}.part`);
  const final = path.join(req.target, folderName);
  const scratch = path.join(archive.layout.tmp, `${tmpName()}${ext}`);
  const textFile = path.join(archive.layout.tmp, `${tmpName()}.txt`);
  const cancelledErr = () => new AppError('cancelled', `${label}: export cancelled`, `${label}：提取已取消`, { item: label });
  const check = () => {
    if (d.signal?.aborted) throw cancelledErr();
  };
  let made = false;
  try {
    await files.mkdir(req.target, { recursive: true }).catch((e: unknown) => {
      throw toIoError(e, req.target);
    });
    await files.mkdir(hidden, { recursive: true }).catch((e: unknown) => {
      throw toIoError(e, folderName);
    });
    made = true;

    // 1. The cut, made by ffmpeg in the archive's tmp/, then copied in with its digests (through the port).
    d.onStep?.('cut', 0);
    let actualIn = req.inSec;
    if (method === 'copy') {
      // Packet times are the container's; -ss and the in/out points count from its start (MPEG-TS starts at ~1.4 s).
      const start = clip.kind === 'video' ? (await mediaTimes(source, label)).start : 0;
      const keys = clip.kind === 'video' ? (await keyframeTimes(source, label, d.signal)).map((t) => Math.max(0, t - start)) : [];
      actualIn = keys.filter((t) => t <= req.inSec + 0.0005).pop() ?? (keys.length ? 0 : req.inSec);
      await cutCopy(source, scratch, actualIn, req.outSec - actualIn, label, d.signal);
    } else {
      await writeFile(textFile, `${user.displayName}（${user.username}）调阅复制 ${local.slice(0, 19).replace('T', ' ')}`, 'utf8');
      await cutReencode(source, scratch, {
        from: req.inSec,
        length: req.outSec - req.inSec,
        hasVideo: clip.kind === 'video',
        textFile,
        fontFile: sansBold,
        label,
        ...(d.signal ? { signal: d.signal } : {}),
      });
    }
    const times = await mediaTimes(scratch, label);
    if (!Number.isFinite(times.duration) || times.duration <= 0)
      throw new AppError('bad_file', `${label}: the cut came out empty`, `${label}：截取结果为空`, { item: label });
    const actualOut = Math.min(actualIn + times.duration, clip.durationSec ?? Infinity);
    check();
    const out: ExportedFile[] = [];
    out.push({ ...(await copyInto(d, scratch, hidden, cutName, label)), role: 'copy' });

    // 2. The whole original, verified against the catalogue's digests.
    if (req.whole) {
      check();
      d.onStep?.('original', clip.size);
      const o = await copyInto(d, source, hidden, clip.originalName, label);
      if (o.sha256 !== clip.sha256 || o.sm3 !== clip.sm3)
        throw new AppError('io_error', `${label}: the copy of the original does not match its stored digests`, `${label}：原始记录副本与登记的摘要不一致`, {
          item: label,
        });
      out.push({ ...o, role: 'original' });
    }

    // 3. 提取说明.pdf
    check();
    d.onStep?.('note', 0);
    const note = extractNote({
      unitName: archive.meta.get('name') ?? '卷宗档案库',
      clip: {
        id: clip.id,
        name: clip.originalName,
        sha256: clip.sha256,
        sm3: clip.sm3,
        size: clip.size,
        startLocal: clip.startLocal,
        durationSec: clip.durationSec,
        deviceSerial: clip.deviceSerial,
      },
      method,
      requested: { inSec: req.inSec, outSec: req.outSec },
      actual: { inSec: actualIn, outSec: actualOut },
      madeBy: `${user.displayName}（${user.username}）`,
      madeAt,
      madeAtLocal: local.replace('T', ' '),
      reason,
      access: {
        grantId: access.grantId,
        until: access.until,
        role: ROLE_LABELS[user.role].zh,
        approval: access.grantId === null ? null : extractApproval(archive.db, access.grantId, d.timezone),
      },
      files: out,
    });
    const pdf = await writeReportPdf(files, path.join(hidden, NOTE_NAME), note, d.signal ? { signal: d.signal } : {});
    const all: ExportedFile[] = [...out, { name: NOTE_NAME, role: 'note', size: pdf.size, sha256: pdf.sha256, sm3: pdf.sm3 }];

    // 4. Manifests, then the folder gets its name.
    check();
    d.onStep?.('manifests', 0);
    await writeSmall(files, path.join(hidden, SHA256_MANIFEST), all.map((f) => `${f.sha256}  ${f.name}\n`).join(''));
    await writeSmall(files, path.join(hidden, SM3_MANIFEST), all.map((f) => `${f.sm3}  ${f.name}\n`).join(''));
    await syncDir(files, hidden);
    check();
    await files.rename(hidden, final).catch((e: unknown) => {
      throw toIoError(e, folderName);
    });
    made = false;
    await syncDir(files, req.target).catch(() => undefined);

    const result: ClipExportResult = {
      folder: final,
      method,
      requested: { inSec: req.inSec, outSec: req.outSec },
      actual: { inSec: actualIn, outSec: actualOut },
      files: all,
      grantId: access.grantId,
    };
    try {
      change(archive, user, () => ({
        value: null,
        audit: [
          {
            action: 'clip.export',
            targetType: 'clip',
            targetId: clip.id,
            detail: {
              clip: clip.originalName,
              sourceSha256: clip.sha256,
              method,
              requested: result.requested,
              actual: result.actual,
              reason,
              grantId: access.grantId,
              folder: final,
              files: all.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256, sm3: f.sm3 })),
            },
          },
        ],
      }));
    } catch (e) {
      await rm(final, { recursive: true, force: true }).catch(() => undefined);
      throw e;
    }
    return result;
  } catch (e) {
    if (made) await rm(hidden, { recursive: true, force: true }).catch(() => undefined);
    if (d.signal?.aborted) throw cancelledErr();
    throw e instanceof AppError ? e : toIoError(e, label);
  } finally {
    await rm(scratch, { force: true }).catch(() => undefined);
    await rm(textFile, { force: true }).catch(() => undefined);
  }
}

/** Copies a file into the export folder under `name`, with SHA-256 + SM3 taken in the same read. */
async function copyInto(d: ClipExportDeps, src: string, dir: string, name: string, label: string): Promise<Omit<ExportedFile, 'role'>> {
  const c = await copyWithDigests({
    files: d.files,
    pool: d.pool,
    source: src,
    tmpDir: dir,
    label: `${label} → ${name}`,
    ...(d.signal ? { signal: d.signal } : {}),
    ...(d.onBytes ? { onBytes: d.onBytes } : {}),
  });
  await d.files.rename(c.path, path.join(dir, name)).catch((e: unknown) => {
    throw toIoError(e, name);
  });
  return { name, size: c.size, sha256: c.sha256, sm3: c.sm3 };
}

async function writeSmall(files: FilePort, file: string, text: string): Promise<void> {
  const h = await files.open(file, 'wx', 0o644).catch((e: unknown) => {
    throw toIoError(e, path.basename(file));
  });
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length;) off += (await h.write(bytes, off, bytes.length - off, null)).bytesWritten;
    await h.sync();
  } catch (e) {
    throw toIoError(e, path.basename(file));
  } finally {
    await h.close().catch(() => undefined);
  }
}

async function syncDir(files: FilePort, dir: string): Promise<void> {
  const h = await files.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** `name`, or `name-2`, `name-3` … when a folder of that name is already there. */
async function freeName(files: FilePort, dir: string, name: string): Promise<string> {
  for (let i = 1; ; i++) {
    const n = i === 1 ? name : `${name}-${i}`;
    if (!(await files.stat(path.join(dir, n)).catch(() => null))) return n;
  }
}
