import type { BackupOpName } from '../api/contract-backup.js';
import { backupArchive, backupTotals } from '../backup/backup-archive.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

export function backupHandlers(deps: HandlerDeps): HandlerMap<BackupOpName> {
  return {
    'archive.backup': async (input, ctx) =>
      deps.jobs.run('archive.backup', backupTotals(deps.archive), input.jobId, async (job) => {
        const { to, manifest: m } = await backupArchive(deps.archive, userOf(ctx), input.to, job);
        return { to, takenAt: m.takenAt, headSeq: m.headSeq, objects: m.objects, bytes: m.bytes, missing: m.missing, damaged: m.damaged };
      }),
  };
}
