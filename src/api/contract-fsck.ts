import { z } from 'zod';
import { ADMINS } from '../domain/roles.js';
import { op } from './op.js';
import type { FsckReport } from './types-fsck.js';

export const fsckSchema = z
  .object({
    /** Do the repairs (quarantine, never delete evidence); without it fsck only says what it would do. */
    repair: z.boolean().default(false),
    /** Skip re-reading every object (SHA-256): presence and size only. */
    quick: z.boolean().default(false),
    /**
     * An object in objects/ without a row younger than this may be another process's write in
     * progress (the app while a CLI command runs): reported, not quarantined.
     */
    graceSeconds: z.number().int().min(0).max(86_400).default(600),
    jobId: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/)
      .optional(),
  })
  .strict();
export type FsckInput = z.output<typeof fsckSchema>;

export const fsckOps = {
  'archive.fsck': op<FsckReport>()(fsckSchema, ADMINS),
} as const;
export type FsckOpName = keyof typeof fsckOps;
