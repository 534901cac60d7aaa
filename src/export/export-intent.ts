import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.js';
import { publish } from '../archive/durable-file.js';
import { isProcessAlive, ownerPid, tmpName } from '../archive/tmp-names.js';
import type { FilePort } from '../ports/file-port.js';
import { ExportLogRepo } from '../storage/repos/export-log-repo.js';

/**
 * An export is written whole under one hidden folder `<out>/.<name>.<pid>-<uuid>.part/`, its audit
 * entry is committed, and only then are its parts renamed to their final names. Two files make a
 * crash at any point recoverable:
 * - `PART_MARKER` inside the `.part` folder says it is ours (archive, export id, process), so a
 *   leftover is removed on the next export to that place and never someone else's folder;
 * - an intent `inflight/<pid>-<uuid>.export` in the archive names the `.part` folder and the renames.
 * On the next open, the intent of a dead process is rolled forward when its audit entry committed
 * (the renames are finished) and back otherwise (the `.part` folder is removed).
 */
export const PART_MARKER = '.juanzong-export';

export interface ExportIntent {
  exportId: string;
  archiveId: string;
  /** The hidden folder everything is written in. */
  work: string;
  /** [part inside `work`, final path], in the order they are renamed. */
  moves: [string, string][];
}

export interface OpenExport extends ExportIntent {
  /** The intent file in the archive; removed once the export is placed or rolled back. */
  intentFile: string;
}

function writeSynced(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates the `.part` folder with its marker and records the intent; `moves` are relative to `work`. */
export function beginExport(archive: Archive, out: string, base: string, moves: [string, string][]): OpenExport {
  const exportId = randomUUID();
  const archiveId = archive.meta.get('archive_id') ?? '';
  const work = path.join(out, `.${base}.${tmpName()}.part`);
  mkdirSync(work, { recursive: true });
  writeSynced(path.join(work, PART_MARKER), JSON.stringify({ archiveId, exportId, pid: process.pid, archive: archive.layout.root }));
  const dir = path.join(archive.layout.root, 'inflight');
  mkdirSync(dir, { recursive: true });
  const intentFile = path.join(dir, `${tmpName()}.export`);
  const intent: ExportIntent = { exportId, archiveId, work, moves: moves.map(([from, to]) => [path.join(work, from), to]) };
  writeSynced(intentFile, JSON.stringify(intent));
  return { ...intent, intentFile };
}

/** After the audit entry committed: renames what is not yet in place, then removes the `.part` folder and the intent. */
export async function placeExport(files: FilePort, x: OpenExport): Promise<string[]> {
  const placed: string[] = [];
  for (const [from, to] of x.moves) {
    const there = await files.stat(to).catch(() => null);
    const ready = await files.stat(from).catch(() => null);
    if (!there && ready) {
      await publish(files, from, to);
      placed.push(to);
    }
  }
  await files.rm(x.work, { recursive: true, force: true });
  await unlink(x.intentFile).catch(() => undefined);
  return placed;
}

/** Before the audit entry: removes the `.part` folder (only when its marker is this export's) and the intent. */
export async function abandonExport(x: OpenExport): Promise<void> {
  if (await isOurPart(x.work, x.exportId)) await rm(x.work, { recursive: true, force: true });
  await unlink(x.intentFile).catch(() => undefined);
}

async function isOurPart(work: string, exportId?: string, archiveId?: string): Promise<boolean> {
  try {
    const m = JSON.parse(await readFile(path.join(work, PART_MARKER), 'utf8')) as { exportId?: string; archiveId?: string; pid?: number };
    if (exportId !== undefined) return m.exportId === exportId;
    return m.archiveId === archiveId && typeof m.pid === 'number' && !isProcessAlive(m.pid);
  } catch {
    return false;
  }
}

export interface ExportRecovery {
  /** Exports whose audit entry had committed: their folders were put in place. */
  finished: string[];
  /** `.part` folders of exports that never committed, removed. */
  removed: string[];
  /** Intents whose export location cannot be reached now (a drive unplugged): kept for the next open. */
  waiting: string[];
}

/** Intents of dead processes, rolled forward or back (see the module comment). `dryRun`: only says what it would do. */
export async function recoverExports(archive: Archive, opts: { dryRun?: boolean } = {}): Promise<ExportRecovery> {
  const r: ExportRecovery = { finished: [], removed: [], waiting: [] };
  const dir = path.join(archive.layout.root, 'inflight');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return r;
  }
  const log = new ExportLogRepo(archive.db);
  for (const name of names) {
    if (!name.endsWith('.export')) continue;
    const pid = ownerPid(name);
    if (pid !== null && isProcessAlive(pid)) continue;
    const intentFile = path.join(dir, name);
    let intent: ExportIntent;
    try {
      intent = JSON.parse(await readFile(intentFile, 'utf8')) as ExportIntent;
    } catch {
      if (!opts.dryRun) await unlink(intentFile).catch(() => undefined); // torn before it was complete: nothing was written under it
      continue;
    }
    const x: OpenExport = { ...intent, intentFile };
    if (!(await stat(path.dirname(x.work)).catch(() => null))) {
      r.waiting.push(x.work);
      continue;
    }
    if (log.committed(x.exportId)) {
      const pending = [];
      for (const [from, to] of x.moves) if (!(await stat(to).catch(() => null)) && (await stat(from).catch(() => null))) pending.push(to);
      r.finished.push(...pending);
      if (!opts.dryRun) await placeExport(archive.files, x);
    } else {
      if (await stat(x.work).catch(() => null)) r.removed.push(x.work);
      if (!opts.dryRun) await abandonExport(x);
    }
  }
  return r;
}

/**
 * `.part` folders in `out` that this archive's exports left when their process died and the intent
 * was lost with it: recognised by their marker, removed (`dryRun`: listed only).
 */
export async function sweepParts(archive: Archive, out: string, opts: { dryRun?: boolean } = {}): Promise<string[]> {
  const archiveId = archive.meta.get('archive_id') ?? '';
  let names: string[];
  try {
    names = await readdir(out);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const n of names) {
    if (!n.startsWith('.') || !n.endsWith('.part')) continue;
    const p = path.join(out, n);
    if (!(await isOurPart(p, undefined, archiveId))) continue;
    if (!opts.dryRun) await rm(p, { recursive: true, force: true });
    removed.push(p);
  }
  return removed;
}
