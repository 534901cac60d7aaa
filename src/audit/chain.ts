import { createHash } from 'node:crypto';
import type { AuditFields } from '../storage/repos/audit-repo.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** H_i = SHA-256(H_{i-1} ‖ "\n" ‖ canonical JSON of entry i). */
export function entryHash(prevHash: string, f: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(f)).digest('hex');
}

/** Digest of an entity's state, for the before/after columns. */
export function stateDigest(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}
