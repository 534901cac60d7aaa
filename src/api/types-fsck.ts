/** What `archive.fsck` / `juanzong fsck` checks, finds and repairs. */

export const FSCK_CHECKS = ['catalogue', 'triggers', 'audit', 'objects', 'runs', 'leftovers'] as const;
export type FsckCheck = (typeof FSCK_CHECKS)[number];

export interface FsckFinding {
  check: FsckCheck;
  /** e.g. `object.stray`, `object.missing`, `object.damaged`, `trigger.missing`, `ingest.stuck`, `export.part`. */
  kind: string;
  /** The file, table, trigger or run it is about. */
  item: string;
  message: string;
  messageZh: string;
  /** What `--repair` does about it; null when only a person can (restore from a backup, investigate). */
  repair: string | null;
  repairZh: string | null;
  /** True once `--repair` did it. */
  repaired: boolean;
}

export interface FsckReport {
  /** No finding is left open (after the repairs, when asked for). */
  ok: boolean;
  repair: boolean;
  /** How many things each check looked at (objects digested, triggers compared, entries verified …). */
  checked: Record<FsckCheck, number>;
  findings: FsckFinding[];
  /** What opening the archive already cleaned up (tmp/ leftovers, killed ingests and exports). */
  recoveredOnOpen: string[];
  seconds: number;
}
