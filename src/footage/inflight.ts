import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.js';
import type { ArchiveLayout } from '../archive/layout.js';
import { isProcessAlive, ownerPid, tmpName } from '../archive/tmp-names.js';
import { FixityRepo } from '../storage/repos/footage-fixity-repo.js';
import { FsckRepo } from '../storage/repos/fsck-repo.js';
import { inflightDir } from '../archive/inflight-marker.js';
import type { Tx } from '../archive/audited-change.js';
import { quarantineDir } from './quarantine.js';
import { recoverExports } from '../export/export-intent.js';

export { inflightDir, markInflight } from '../archive/inflight-marker.js';

/**
 * A run marker `inflight/<pid>-<uuid>.run` holding `ingest:<id>`: written (and fsynced) inside the
 * transaction that creates the run's row, before it commits, so no other process ever sees a
 * `running` row without its owner's marker. Returns the remover.
 */
export function markRun(layout: ArchiveLayout, kind: 'ingest', id: number): () => Promise<void> {
  const dir = inflightDir(layout);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${tmpName()}.run`);
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${kind}:${id}`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return () => unlink(file).catch(() => undefined);
}

/** Run ids claimed by the markers of live processes. */
export function liveRuns(layout: ArchiveLayout, kind: 'ingest'): Set<number> {
  const dir = inflightDir(layout);
  const out = new Set<number>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.run')) continue;
    const pid = ownerPid(name);
    if (pid === null || !isProcessAlive(pid)) continue;
    const m = /^([a-z]+):(\d+)$/.exec(readFileSync(path.join(dir, name), 'utf8').trim());
    if (m && m[1] === kind) out.add(Number(m[2]));
  }
  return out;
}

export interface StuckRun {
  id: number;
  sourceRoot: string;
  startedAt: string;
}

/** Ingest rows left `running` that no live process claims: their process was killed or crashed. */
export function stuckIngests(archive: Archive): StuckRun[] {
  const live = liveRuns(archive.layout, 'ingest');
  return new FsckRepo(archive.db).runningIngests().filter((r) => !live.has(r.id));
}

/**
 * Ends the ingest runs of dead processes: `running` becomes failed with the reason "interrupted", one
 * audit entry each. The clips each had catalogued (one transaction per file) stand.
 */
export function endStuckIngests(archive: Archive, tx: Tx, stuck: readonly StuckRun[] = stuckIngests(archive)): StuckRun[] {
  const repo = new FsckRepo(archive.db);
  for (const r of stuck) {
    tx(() => {
      repo.markIngestInterrupted(
        r.id,
        'interrupted: the process running this ingest ended (killed or crashed) / 执行该采集的进程已中断',
        archive.clock.now().toISOString(),
      );
      return {
        value: null,
        audit: [
          {
            action: 'footage.ingest.finish',
            targetType: 'footage_ingest',
            targetId: r.id,
            detail: { state: 'interrupted', reason: 'the process running it ended (killed or crashed)', sourceRoot: r.sourceRoot, startedAt: r.startedAt },
          },
        ],
      };
    });
  }
  return [...stuck];
}

export interface Recovered {
  name: string;
  movedTo: string;
  size: number;
}

/**
 * Finishes what dead processes left in flight: an object named by a marker but without a catalogue
 * row is moved to quarantine/ and reported; then the marker goes. Markers of live processes stay.
 */
export async function recoverInflight(archive: Archive, tx: Tx): Promise<Recovered[]> {
  const dir = inflightDir(archive.layout);
  const out = existsSync(dir) ? await quarantineUncatalogued(archive, tx, dir) : [];
  const stuck = endStuckIngests(archive, tx);
  if (existsSync(dir)) {
    for (const name of await readdir(dir)) {
      const pid = ownerPid(name);
      if (name.endsWith('.run') && (pid === null || !isProcessAlive(pid))) await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
  // Exports killed after their audit entry are finished, those killed before it removed.
  const ex = await recoverExports(archive);
  archive.recovered.push(
    ...out.map((q) => `quarantined ${q.name} → ${q.movedTo}`),
    ...stuck.map((r) => `ingest ${r.id} (${r.sourceRoot}) marked interrupted`),
    ...ex.finished.map((f) => `export finished: ${f}`),
    ...ex.removed.map((f) => `export leftover removed: ${f}`),
  );
  return out;
}

async function quarantineUncatalogued(archive: Archive, tx: Tx, dir: string): Promise<Recovered[]> {
  const repo = new FixityRepo(archive.db);
  const out: Recovered[] = [];
  for (const name of await readdir(dir)) {
    if (name.endsWith('.run') || name.endsWith('.export')) continue; // run markers: endStuckIngests; export intents: src/export/export-intent.ts
    const pid = ownerPid(name);
    if (pid !== null && isProcessAlive(pid)) continue;
    const marker = path.join(dir, name);
    const sha256 = (await readFile(marker, 'utf8').catch(() => '')).trim();
    const obj = /^[0-9a-f]{64}$/.test(sha256) ? archive.store.pathOf(sha256) : null;
    const st = obj ? await stat(obj).catch(() => null) : null;
    if (obj && st && !repo.knownObject(sha256)) {
      const now = archive.clock.now();
      const rel = path.relative(archive.layout.objects, obj).split(path.sep).join('/');
      const dest = path.join(quarantineDir(archive.layout), now.toISOString().replace(/[-:]/g, '').slice(0, 15), rel);
      await mkdir(path.dirname(dest), { recursive: true });
      await rename(obj, dest);
      const movedTo = path.relative(archive.layout.root, dest).split(path.sep).join('/');
      tx(() => {
        const id = repo.addQuarantine({ name: rel, size: st.size, movedTo, runId: null, now: now.toISOString() });
        return {
          value: id,
          audit: [
            {
              action: 'footage.quarantine',
              targetType: 'object',
              targetId: sha256,
              detail: { reason: 'stored by a process that died before cataloguing it', movedTo, size: st.size, pid },
            },
          ],
        };
      });
      out.push({ name: rel, movedTo, size: st.size });
    }
    await unlink(marker).catch(() => undefined);
  }
  return out;
}
