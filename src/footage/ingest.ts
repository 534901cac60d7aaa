import { AppError, toErrorPayload } from '../api/errors.js';
import type { IngestFileError } from '../api/types-footage.js';
import type { ArchiveLayout } from '../archive/layout.js';
import type { ObjectStore } from '../archive/object-store.js';
import type { FilePort } from '../ports/file-port.js';
import { mergeClipFields, type ClipFields } from './clip-fields.js';
import { commitObject } from './commit-object.js';
import { markInflight } from './inflight.js';
import { copyWithDigests, verifyCopy } from './copy-with-digests.js';
import type { DigestPool } from './digest-pool.js';
import { extensionOf, sniff, type SniffResult } from './media-sniff.js';
import { checkRecording } from './check-recording.js';
import { matchName, type NameMatch, type NamePattern } from './name-patterns.js';
import type { ProbeSummary } from './probe.js';
import type { ScanEntry } from './scan-folder.js';
import { readStationSidecar } from './station-sidecar.js';

/** A recording copied, verified and stored in objects/, ready for its catalogue row. */
export interface PreparedClip {
  entry: ScanEntry;
  sha256: string;
  sm3: string;
  size: number;
  media: SniffResult;
  name: NameMatch | null;
  probe: ProbeSummary | null;
  fields: ClipFields;
}

export interface IngestSink {
  /** Whether a clip with this SHA-256 is catalogued (then only the source path is recorded). */
  isKnown(sha256: string): boolean;
  /** One catalogue transaction: a new clip, or one more source of a known one. */
  record(r: { kind: 'new'; clip: PreparedClip } | { kind: 'duplicate'; entry: ScanEntry; sha256: string }): { clipId: number; isNew: boolean };
}

export interface IngestProgress {
  startItem(name: string): void;
  addBytes(n: number): void;
  finishItem(): void;
}

export interface IngestOptions {
  files: FilePort;
  store: ObjectStore;
  pool: DigestPool;
  tmpDir: string;
  /** The archive layout, for the in-flight markers around each commit. */
  layout: ArchiveLayout;
  patterns: readonly NamePattern[];
  /** Camera time zone (the archive's). */
  tz: string;
  sink: IngestSink;
  signal?: AbortSignal;
  progress?: IngestProgress;
  /** Files in flight at once (default: the digest pool's threads). */
  concurrency?: number;
  syncEveryBytes?: number;
}

export interface IngestOutcome {
  bytes: number;
  newClips: number;
  duplicates: number;
  clipIds: number[];
  errors: IngestFileError[];
  cancelled: boolean;
}

/**
 * Offloads the scanned recordings: each is read once (copy + SHA-256 + SM3), the copy re-read for its
 * SHA-256, checked as a recording, moved into objects/ and then catalogued — two files at a time.
 * A bad file gets its own error entry and the rest go on; a full disk stops the run (every later file
 * would fail too) and names each file left; cancel stops between chunks and leaves nothing half-done.
 */
export async function ingestFiles(entries: readonly ScanEntry[], o: IngestOptions): Promise<IngestOutcome> {
  const out: IngestOutcome = { bytes: 0, newClips: 0, duplicates: 0, clipIds: [], errors: [], cancelled: false };
  // Largest first: the lanes then finish together instead of one big file running alone at the end.
  entries = [...entries].sort((a, b) => b.size - a.size || (a.relPath < b.relPath ? -1 : 1));
  let next = 0;
  let diskFull: AppError | null = null;
  const lane = async () => {
    while (next < entries.length) {
      const entry = entries[next++]!;
      if (o.signal?.aborted) {
        out.cancelled = true;
        return;
      }
      if (diskFull) {
        out.errors.push(
          fileError(
            entry,
            new AppError('io_error', `${entry.relPath}: not ingested, the archive's disk is full`, `${entry.relPath}：未入库，档案库所在磁盘已满`, {
              item: entry.relPath,
            }),
          ),
        );
        continue;
      }
      o.progress?.startItem(entry.relPath);
      try {
        const r = await ingestOne(entry, o);
        out.bytes += entry.size;
        if (!out.clipIds.includes(r.clipId)) out.clipIds.push(r.clipId);
        if (r.isNew) out.newClips++;
        else out.duplicates++;
      } catch (e) {
        if (e instanceof AppError && e.code === 'cancelled') {
          out.cancelled = true;
          return;
        }
        if ((e as AppError).details && ((e as AppError).details as { errno?: string }).errno === 'ENOSPC') diskFull = e as AppError;
        out.errors.push(fileError(entry, e));
      } finally {
        o.progress?.finishItem();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? (o.pool.threads || 1)) }, lane));
  out.errors.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  return out;
}

async function ingestOne(entry: ScanEntry, o: IngestOptions): Promise<{ clipId: number; isNew: boolean }> {
  const label = entry.relPath;
  if (entry.nameProblem) throw new AppError('bad_file', `${label}: ${entry.nameProblem[0]}`, `${label}：${entry.nameProblem[1]}`, { item: label });
  if (entry.size === 0) throw new AppError('bad_file', `${label}: the file is empty (0 bytes)`, `${label}：文件为空（0 字节）`, { item: label });
  let media: SniffResult | null = null;
  const copy = await copyWithDigests({
    files: o.files,
    pool: o.pool,
    source: entry.absPath,
    tmpDir: o.tmpDir,
    label,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.syncEveryBytes ? { syncEveryBytes: o.syncEveryBytes } : {}),
    onBytes: (n) => o.progress?.addBytes(n),
    onHead: (head) => {
      media = sniff(head);
      if (!media) {
        const ext = extensionOf(entry.name);
        throw new AppError(
          'bad_file',
          `${label}: not a recording — its content is no known video, audio or photo format${ext ? ` (despite the .${ext} name)` : ''}`,
          `${label}：不是音视频或照片文件（内容不符${ext ? `，虽然扩展名为 .${ext}` : ''}）`,
          {
            item: label,
          },
        );
      }
    },
  });
  try {
    await verifyCopy({ files: o.files, pool: o.pool, copy, label, ...(o.signal ? { signal: o.signal } : {}) });
    if (copy.size !== entry.size) {
      throw new AppError(
        'io_error',
        `${label}: read ${copy.size} bytes but the file has ${entry.size} (still being written, or the device failed?)`,
        `${label}：读取到 ${copy.size} 字节，但文件应有 ${entry.size} 字节（仍在写入或设备故障？）`,
        {
          item: label,
        },
      );
    }
    if (o.sink.isKnown(copy.sha256)) {
      await o.files.unlink(copy.path).catch(() => undefined);
      return o.sink.record({ kind: 'duplicate', entry, sha256: copy.sha256 });
    }
    const m = media as SniffResult | null;
    if (!m) throw new AppError('bad_file', `${label}: not a recording`, `${label}：不是音视频文件`, { item: label });
    const probe = await checkRecording(copy.path, m, label);
    const station = await readStationSidecar(entry.absPath).catch(() => null);
    const name = matchName(o.patterns, entry.name);
    const fields = mergeClipFields({ name, probe, station, fileMtimeMs: entry.mtimeMs, tz: o.tz });
    const unmark = await markInflight(o.layout, copy.sha256);
    await commitObject(o.files, o.store, o.pool, copy, label);
    const recorded = o.sink.record({ kind: 'new', clip: { entry, sha256: copy.sha256, sm3: copy.sm3, size: copy.size, media: m, name, probe, fields } });
    await unmark();
    return recorded;
  } catch (e) {
    await o.files.unlink(copy.path).catch(() => undefined);
    throw e;
  }
}

function fileError(entry: ScanEntry, e: unknown): IngestFileError {
  const p = toErrorPayload(e);
  return { relPath: entry.relPath, code: p.code, message: p.message, messageZh: p.messageZh };
}
