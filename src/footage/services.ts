import type { Archive } from '../archive/archive.js';
import type { Jobs } from '../jobs/jobs.js';
import { type FilePort, nodeFilePort } from '../ports/file-port.js';
import { DeriveQueue } from './derive-queue.js';
import { DigestPool } from './digest-pool.js';
import { type FootageProfile, footageProfileOf } from './footage-profile.js';
import { loadNamePatterns, type NamePattern } from './name-patterns.js';
import { archiveTimeZone } from '../domain/archive-time.js';

/** What the footage handlers need beyond the core's deps; made once per open archive. */
export interface FootageServices {
  files: FilePort;
  pool: DigestPool;
  patterns: readonly NamePattern[];
  checklist: FootageProfile;
  derive: DeriveQueue;
  /** Camera time zone: the archive's (`meta.timezone`), Asia/Shanghai by default. */
  timezone(): string;
  /** Strays in objects/ younger than this are left alone by the fixity audit. */
  strayGraceMs: number;
  /** Start disk writeback every this many bytes while copying (0: only the final fsync). JUANZONG_SYNC_MB. */
  syncEveryBytes: number;
  /** Stops the digest workers and waits for queued thumbnails. */
  close(): Promise<void>;
}

export function createFootageServices(o: {
  archive: Archive;
  jobs: Jobs;
  resourcesDir: string;
  files?: FilePort;
  pool?: DigestPool;
  strayGraceMs?: number;
}): FootageServices {
  const pool = o.pool ?? new DigestPool();
  const derive = new DeriveQueue(o.archive, o.jobs);
  return {
    files: o.files ?? nodeFilePort,
    pool,
    patterns: loadNamePatterns(o.resourcesDir),
    checklist: footageProfileOf(o.archive.profile),
    derive,
    timezone() {
      return archiveTimeZone(o.archive.meta);
    },
    strayGraceMs: o.strayGraceMs ?? 10 * 60_000,
    syncEveryBytes: syncEvery(),
    async close() {
      await derive.idle();
      await pool.close();
    },
  };
}

function syncEvery(): number {
  const mb = Number(process.env.JUANZONG_SYNC_MB);
  return (process.env.JUANZONG_SYNC_MB && Number.isFinite(mb) && mb >= 0 ? mb : 32) * 1024 * 1024;
}
