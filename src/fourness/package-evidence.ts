import type { FileDigests } from './package-digests.js';
import type { FootageFormat } from './footage-format.js';
import type { PackageMetadata } from './metadata-read.js';
import type { SchemaResult } from './metadata-schema.js';
import type { PackageFiles } from './package-files.js';
import type { PdfaFindings } from './pdfa-conformance.js';

/** The package's fingerprint as a report records it (1-14 compares a later one with it). */
export interface PackageFingerprint {
  payloadOxum: string;
  manifestSha256: string;
  sm3ManifestSha256: string;
}

/**
 * Everything the package checks look at, gathered once (one read of every byte): the files on disk,
 * their digests, metadata.xml parsed and validated, the PDF/A and footage probes, and what the
 * package looked like before (the writer's own digests at export, or the report inside it later).
 */
export interface PackageEvidence {
  pkg: PackageFiles;
  meta: PackageMetadata | null;
  parseErrors: string[];
  schema: SchemaResult;
  /** Every file's digests by relative path (payload and tag files). */
  digests: ReadonlyMap<string, FileDigests>;
  unreadable: ReadonlyMap<string, string>;
  /** By `data/…` path. */
  pdfa: ReadonlyMap<string, PdfaFindings>;
  footage: ReadonlyMap<string, FootageFormat>;
  /** While the package is being written its tag manifest and report do not exist yet. */
  complete: boolean;
  before:
    | { kind: 'writer'; digests: ReadonlyMap<string, { size: number; sha256: string; sm3: string }> }
    | { kind: 'report'; fingerprint: PackageFingerprint; checkedAt: string }
    | null;
  /** The archive's own verification of the case's audit entries, when the archive is at hand. */
  chain: { ok: boolean; checked: number; problem: string | null } | null;
}

/** Payload files (under data/), sorted. */
export function payloadFiles(e: PackageEvidence): { path: string; size: number }[] {
  return e.pkg.files.filter((f) => f.path.startsWith('data/'));
}
