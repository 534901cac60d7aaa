/** What `archive.backup` reports: where the verified copy is and what it holds. */
export interface BackupSummary {
  to: string;
  /** When the catalogue was copied. */
  takenAt: string;
  /** The newest audit entry inside the copy. */
  headSeq: number;
  objects: number;
  bytes: number;
  /** Objects the archive lists whose file was missing, or whose bytes no longer match their SHA-256 (left out). */
  missing: string[];
  damaged: string[];
}
