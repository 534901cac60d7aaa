import { z } from 'zod';
import { ANY_ROLE, CUSTODIANS, WRITERS } from '../domain/roles.js';
import { op } from './op.js';
import type { BatchResult, DossierView, ProfileCheckResult, ProfileSummary, SealedDossierSummary } from './types-dossier.js';
import type { DossierExportResult } from './types-export.js';

const id = z.number().int().positive();
const reason = z.string().trim().min(2, { message: 'need_reason' }).max(500, { message: 'too_long' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'bad_date' });
const profileId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'bad_profile_id' })
  .max(100);
const person = z.string().trim().min(1, { message: 'required' }).max(50, { message: 'too_long' });
const code = z.string().trim().min(1, { message: 'required' }).max(40, { message: 'too_long' });

/** What sealing may be given besides the case: the 检查人 and the archive's 全宗号/目录号 for the 档号. */
const sealOptions = {
  profileId: profileId.optional(),
  checker: person.optional().nullable(),
  fondsNo: code.optional(),
  catalogNo: code.optional(),
};

/** Exactly one of caseId / dossierId (checked by the handler, which names the problem in both languages). */
const exportInput = z
  .object({
    caseId: id.optional(),
    dossierId: id.optional(),
    /** A version of the dossier (default: the latest sealed one); only with dossierId. */
    versionNo: z.number().int().positive().optional(),
    /** Folder to export into (absolute); `<档号>/` (and `<档号>-移交包/`) are created inside it. */
    out: z.string().trim().min(1, { message: 'required' }).max(4096),
    /** Also write the 移交包 (BagIt transfer package with the original footage and metadata.xml). */
    package: z.boolean().default(false),
    jobId: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/)
      .optional(),
  })
  .strict();

const reorderInput = z
  .object({
    caseId: id,
    /** Document ids in the bound order; null returns to the profile order. */
    order: z.array(id).max(5000).nullable(),
    /** A reason per moved document (key: document id). */
    reasons: z.record(z.string().regex(/^\d+$/), reason).default({}),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.order?.forEach((d, i) => {
      if (seen.has(d)) ctx.addIssue({ code: 'custom', path: ['order', i], message: 'duplicate' });
      seen.add(d);
    });
  });

/**
 * The dossier (立卷/归档) slice of the contract, spread into `contract` by the lead. Archivists and
 * administrators bind, reorder, acknowledge, seal and correct; every role may read.
 */
export const dossierOps = {
  'dossier.preview': op<DossierView>()(z.object({ caseId: id, profileId: profileId.optional() }), ANY_ROLE),
  'dossier.reorder': op<DossierView>()(reorderInput, WRITERS),
  'dossier.acknowledge': op<DossierView>()(z.object({ caseId: id, warning: z.string().trim().min(1).max(200), reason }), WRITERS),
  'dossier.seal': op<DossierView>()(z.union([z.object({ caseId: id, ...sealOptions }), z.object({ dossierId: id, ...sealOptions })]), WRITERS),
  'dossier.get': op<DossierView>()(
    z.union([z.object({ dossierId: id, versionNo: z.number().int().positive().optional() }), z.object({ caseId: id })]),
    ANY_ROLE,
  ),
  /** The sealed dossiers of all cases, for the 卷宗 list (cases without one are bound one by one with dossier.get). */
  'dossier.sealedSummaries': op<SealedDossierSummary[]>()(z.object({}).strict(), ANY_ROLE),
  'dossier.correct': op<DossierView>()(z.object({ dossierId: id, reason }), WRITERS),
  'dossier.batch': op<BatchResult>()(z.object({ from: day, to: day, seal: z.boolean().default(false), ...sealOptions }), WRITERS),
  /**
   * Writes a sealed dossier's volumes as PDF/A-2b (and optionally the 移交包) into a folder. Takes a
   * local path, yet is offered over HTTP too: the bridge listens on 127.0.0.1 only, with a per-launch
   * token and Origin checks, and runs as the same OS user as the desktop app, so a caller there can
   * write nowhere the user could not; the browser UI (and its e2e test) needs it. The writers and 领导
   * export (it writes files and an audit entry); 评查员 only read.
   */
  'dossier.export': op<DossierExportResult>()(exportInput, CUSTODIANS, ['direct', 'ipc', 'http', 'cli']),
  'profile.list': op<ProfileSummary[]>()(z.object({}).strict(), ANY_ROLE),
  'profile.check': op<ProfileCheckResult>()(z.object({ path: z.string().min(1).max(4096) }), WRITERS, ['direct', 'ipc', 'cli']),
} as const;

export type DossierOps = typeof dossierOps;
export type DossierOpName = keyof DossierOps;
