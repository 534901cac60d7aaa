import { AppError, toErrorPayload } from '../api/errors.js';
import type { IngestFileError } from '../api/types-footage.js';
import type { ArchiveLayout } from '../archive/layout.js';
import type { ObjectStore } from '../archive/object-store.js';
import type { FilePort } from '../ports/file-port.js';
import { mergeClipFields, type ClipFields } from './clip-fields.js';
import { commitObject } from './commit-object.js';
import { markInflight } from './inflight.js';
import { faultPoint } from '../ports/fault-point.js';
import { copyWithDigests, fsyncFile, verifyCopy } from './copy-with-digests.js';
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

/** Progress of work on several files at once: each call names its file. */
export interface IngestProgress {
  startItem(name: string, bytesTotal?: number): void;
  addBytes(n: number, name?: string): void;
  finishItem(name?: string): void;
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
  const queue = [...entries].sort((a, b) => b.size - a.size || (a.relPath < b.relPath ? -1 : 1));
  const lanes = Math.max(1, o.concurrency ?? (o.pool.threads || 1));
  let next = 0;
  let diskFull: AppError | null = null;
  // Files copied and hashed whose fsync, re-read check, probe and commit are still running: a lane
  // hands its file over and starts hashing the next, so the disk flush overlaps the hashing.
  const finishing = new Set<Promise<void>>();
  const done = (entry: ScanEntry, r: { clipId: number; isNew: boolean }) => {
    out.bytes += entry.size;
    if (!out.clipIds.includes(r.clipId)) out.clipIds.push(r.clipId);
    if (r.isNew) out.newClips++;
    else out.duplicates++;
  };
  const failed = (entry: ScanEntry, e: unknown) => {
    if (e instanceof AppError && e.code === 'cancelled') {
      out.cancelled = true;
      return;
    }
    if (((e as AppError).details as { errno?: string } | undefined)?.errno === 'ENOSPC') diskFull = e as AppError;
    out.errors.push(fileError(entry, e));
  };
  const lane = async () => {
    while (next < queue.length) {
      const entry = queue[next++]!;
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
      o.progress?.startItem(entry.relPath, entry.size);
      let finish: (() => Promise<{ clipId: number; isNew: boolean }>) | null = null;
      try {
        const r = await copyOne(entry, o);
        if ('clipId' in r) {
          done(entry, r);
          o.progress?.finishItem(entry.relPath);
        } else finish = r.finish;
      } catch (e) {
        failed(entry, e);
        o.progress?.finishItem(entry.relPath);
      }
      if (!finish) continue;
      const f = finish;
      const p: Promise<void> = f()
        .then(
          (r) => done(entry, r),
          (e: unknown) => failed(entry, e),
        )
        .finally(() => {
          finishing.delete(p);
          o.progress?.finishItem(entry.relPath);
        });
      finishing.add(p);
      while (finishing.size >= lanes) await Promise.race(finishing);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  await Promise.all(finishing);
  out.errors.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  return out;
}

/**
 * The CPU part: one read of the source into tmp/ with both digests. A file already in the archive is
 * recorded as another source right away (no flush needed: its copy is dropped); a new one returns the
 * disk part — fsync, re-read check, probe, commit, catalogue — to run while the next file is hashed.
 */
async function copyOne(
  entry: ScanEntry,
  o: IngestOptions,
): Promise<{ clipId: number; isNew: boolean } | { finish: () => Promise<{ clipId: number; isNew: boolean }> }> {
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
    fsync: false,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.syncEveryBytes ? { syncEveryBytes: o.syncEveryBytes } : {}),
    onBytes: (n) => o.progress?.addBytes(n, entry.relPath),
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
  const discard = () => o.files.unlink(copy.path).catch(() => undefined);
  if (copy.size !== entry.size) {
    await discard();
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
    await discard();
    return o.sink.record({ kind: 'duplicate', entry, sha256: copy.sha256 });
  }
  const m = media as SniffResult | null;
  if (!m) {
    await discard();
    throw new AppError('bad_file', `${label}: not a recording`, `${label}：不是音视频文件`, { item: label });
  }
  return {
    finish: async () => {
      try {
        await fsyncFile(o.files, copy.path, label);
        await verifyCopy({ files: o.files, pool: o.pool, copy, label, ...(o.signal ? { signal: o.signal } : {}) });
        const probe = await checkRecording(copy.path, m, label);
        const station = await readStationSidecar(entry.absPath).catch(() => null);
        const name = matchName(o.patterns, entry.name);
        const fields = mergeClipFields({ name, probe, station, fileMtimeMs: entry.mtimeMs, tz: o.tz });
        // A file with the same content may have been catalogued meanwhile by the other lane.
        if (o.sink.isKnown(copy.sha256)) {
          await discard();
          return o.sink.record({ kind: 'duplicate', entry, sha256: copy.sha256 });
        }
        const unmark = await markInflight(o.layout, copy.sha256);
        await commitObject(o.files, o.store, o.pool, copy, label);
        faultPoint('ingest.placed');
        const recorded = o.sink.record({ kind: 'new', clip: { entry, sha256: copy.sha256, sm3: copy.sm3, size: copy.size, media: m, name, probe, fields } });
        await unmark();
        return recorded;
      } catch (e) {
        await discard();
        throw e;
      }
    },
  };
}

function fileError(entry: ScanEntry, e: unknown): IngestFileError {
  const p = toErrorPayload(e);
  return { relPath: entry.relPath, code: p.code, message: p.message, messageZh: p.messageZh };
}
