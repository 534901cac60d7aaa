import { z } from 'zod';
import { ANY_ROLE, CUSTODIANS } from '../domain/roles.js';
import { op } from './op.js';
import type { FournessReport, FournessSummary } from './types-fourness.js';

const jobId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .optional();

export const fournessPackageSchema = z
  .object({
    /** The 移交包 folder (absolute path on this computer). */
    dir: z.string().min(1).max(4096),
    jobId,
  })
  .strict();
export type FournessPackageInput = z.output<typeof fournessPackageSchema>;

export const fournessArchiveSchema = z
  .object({
    /** Start over instead of going on from where an interrupted run stopped. */
    restart: z.boolean().default(false),
    jobId,
  })
  .strict();
export type FournessArchiveInput = z.output<typeof fournessArchiveSchema>;

export const fournessLatestSchema = z
  .object({
    /** A dossier's latest result; without it, the archive's (长期保存环节). */
    dossierId: z.number().int().positive().optional(),
  })
  .strict();

/** 四性检测 (DA/T 70): a package someone hands in (移交接收环节), the whole archive (长期保存环节), and the latest result. */
export const fournessOps = {
  // Takes a local path: not offered over HTTP.
  'fourness.checkPackage': op<FournessReport>()(fournessPackageSchema, CUSTODIANS, ['direct', 'ipc', 'cli']),
  'fourness.checkArchive': op<FournessReport>()(fournessArchiveSchema, CUSTODIANS),
  'fourness.latest': op<{ latest: FournessSummary | null }>()(fournessLatestSchema, ANY_ROLE),
} as const;
export type FournessOpName = keyof typeof fournessOps;
