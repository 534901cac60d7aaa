import type { OpName } from './contract.js';

/** A local path an operation reads from, or writes into. */
export type PathUse = 'read' | 'write';

/**
 * The input fields that name a local path, by operation. In the desktop app (transport `ipc`) such a
 * path must be one the user picked in the system chooser during this session, or lie inside one
 * (src/auth/picked-paths.ts): a compromised renderer cannot name ~/.ssh or C:\Windows by itself.
 * tests/inputs/local-path-fields.test.ts fails when an operation has a path-like field not listed here.
 */
export const LOCAL_PATH_FIELDS: Partial<Record<OpName, Readonly<Record<string, PathUse>>>> = {
  'upload.stagePath': { path: 'read' },
  'profile.check': { path: 'read' },
  'footage.ingest': { source: 'read' },
  'dossier.export': { out: 'write' },
  'clip.export': { target: 'write' },
  'retrieval.registerPdf': { target: 'write' },
  'audit.export': { target: 'write' },
  'review.report': { out: 'write' },
  'review.summary': { out: 'write' },
  'fourness.checkPackage': { dir: 'read' },
  'archive.backup': { to: 'write' },
};
