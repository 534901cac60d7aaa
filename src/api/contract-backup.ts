import { z } from 'zod';
import { ADMINS } from '../domain/roles.js';
import { op } from './op.js';
import type { BackupSummary } from './types-backup.js';

const jobId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .optional();

/**
 * Backup (issue 12), administrators only. Takes a local folder, so it is not offered over HTTP.
 * Restore is not an operation of an open archive: it makes a new one (`juanzong restore`).
 */
export const backupOps = {
  'archive.backup': op<BackupSummary>()(z.object({ to: z.string().trim().min(1).max(4096), jobId }).strict(), ADMINS, ['direct', 'ipc', 'cli']),
} as const;

export type BackupOpName = keyof typeof backupOps;
