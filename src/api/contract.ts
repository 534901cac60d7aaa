import { z } from 'zod';
import { caseInputSchema, caseNoSchema } from '../domain/case.js';
import { isIsoDate } from '../domain/dates.js';
import { isCleanText, plausibleYear } from '../domain/text-input.js';
import type { FilingProfile } from '../domain/profile.js';
import { ADMINS, ANY_ROLE, AUDIT_READERS, ROLES, WRITERS } from '../domain/roles.js';
import { PASSWORD_MIN_LENGTH } from '../domain/password-rules.js';
import { op } from './op.js';
import { dossierOps } from './contract-dossier.js';
import { footageOps } from './contract-footage.js';
import { officerOps } from './contract-officer.js';
import { reviewCheckOps } from './contract-review-check.js';
import { searchOps } from './contract-search.js';
import { reviewOps } from './contract-review.js';
import { retrievalOps } from './contract-retrieval.js';
import { clipOps } from './contract-clip.js';
import { fsckOps } from './contract-fsck.js';
import { backupOps } from './contract-backup.js';
import { ocrOps } from './contract-ocr.js';
import { fournessOps } from './contract-fourness.js';
export { TRANSPORTS, type OpSpec, type Transport } from './op.js';
import type {
  ArchiveInfo,
  AuditEntry,
  AuditExportResult,
  AuditVerifyResult,
  AuthStatus,
  CaseDetail,
  CaseSummary,
  DocumentInfo,
  PageInfo,
  SessionInfo,
  StagedUpload,
  UserAccount,
  UserInfo,
} from './types.js';

const id = z.number().int().positive();
const empty = z.object({}).strict();
const optText = (max = 300) => z.string().trim().max(max).refine(isCleanText, { message: 'bad_chars' }).optional().nullable();
const password = z.string().min(PASSWORD_MIN_LENGTH, { message: 'password_too_short' }).max(200);
const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, { message: 'bad_username' });
const jobId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .optional();
/** The 审计日志 filters (audit.list, audit.export): dates in the archive's zone unless they carry an offset. */
const auditDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, { message: 'bad_date' });
const auditFilter = z.object({
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  actorId: id.optional(),
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(80).optional(),
  targetText: z.string().trim().min(1).max(200).optional(),
  from: auditDate.optional(),
  to: auditDate.optional(),
  hideLogins: z.boolean().optional(),
});
const labelMap = z.record(z.string().max(100), z.string().max(200)).refine((m) => Object.keys(m).length <= 500, { message: 'too_many' });

export const documentMetaSchema = z.object({
  kind: z.string().trim().min(1).max(50),
  title: z.string().trim().min(1, { message: 'required' }).max(300).refine(isCleanText, { message: 'bad_chars' }),
  docNo: optText(100),
  responsible: optText(100),
  /** A real calendar day (not 2024-02-30) in a plausible year. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'bad_date' })
    .refine(isIsoDate, { message: 'bad_date' })
    .refine(plausibleYear, { message: 'bad_year' })
    .optional()
    .nullable(),
});

/**
 * The one list of operations. Every transport (direct call, Electron IPC, HTTP bridge, CLI) goes
 * through `invoke`, which checks the caller's role against `roles` and validates the input with
 * `input` before the handler runs. Each capability keeps its slice in its own file (contract-*.ts),
 * spread in here.
 */
export const contract = {
  'auth.status': op<AuthStatus>()(empty, 'public'),
  'auth.setup': op<SessionInfo>()(z.object({ username, displayName: z.string().trim().min(1).max(50), password }), 'public'),
  'auth.login': op<SessionInfo>()(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }), 'public'),
  'auth.logout': op<{ ok: true }>()(empty, ANY_ROLE),
  'auth.me': op<UserInfo>()(empty, ANY_ROLE),
  'user.list': op<UserAccount[]>()(empty, ADMINS),
  'user.create': op<UserInfo>()(z.object({ username, displayName: z.string().trim().min(1).max(50), role: z.enum(ROLES), password }), ADMINS),
  /** Lifts the lockout after repeated failed sign-ins (src/auth/login-policy.ts); audited. */
  'user.unlock': op<UserAccount>()(z.object({ userId: id, reason: optText(300) }).strict(), ADMINS),
  /** Edits an account's display name and/or role; the last active administrator keeps the role. */
  'user.update': op<UserAccount>()(
    z.object({ userId: id, displayName: z.string().trim().min(1).max(50).optional(), role: z.enum(ROLES).optional() }).strict(),
    ADMINS,
  ),
  /** A disabled account cannot sign in and its sessions end; never the last active administrator. */
  'user.disable': op<UserAccount>()(z.object({ userId: id, reason: optText(300) }).strict(), ADMINS),
  'user.enable': op<UserAccount>()(z.object({ userId: id, reason: optText(300) }).strict(), ADMINS),
  /** A temporary password the user must change at next sign-in; their sessions end. */
  'user.resetPassword': op<UserAccount>()(z.object({ userId: id, password, reason: optText(300) }).strict(), ADMINS),
  /** Any signed-in user changes their own password, giving the old one (a wrong one counts as a failed sign-in). */
  'auth.changePassword': op<UserInfo>()(z.object({ oldPassword: z.string().min(1).max(200), newPassword: password }).strict(), ANY_ROLE),
  'archive.info': op<ArchiveInfo>()(empty, ANY_ROLE),
  'profile.current': op<FilingProfile>()(empty, ANY_ROLE),

  'case.create': op<CaseDetail>()(caseInputSchema, WRITERS),
  /** A case and its documents in one transaction (`juanzong case add --file`): all registered, or nothing. */
  'case.register': op<CaseDetail>()(
    z.object({
      case: caseInputSchema,
      documents: z
        .array(
          documentMetaSchema.extend({
            files: z
              .array(z.object({ stagedId: z.string().min(1).max(100) }))
              .min(1, { message: 'need_file' })
              .max(500),
          }),
        )
        .max(500)
        .default([]),
      jobId,
    }),
    WRITERS,
  ),
  'case.update': op<CaseDetail>()(z.object({ id, case: caseInputSchema }), WRITERS),
  'case.list': op<CaseSummary[]>()(
    z.object({
      query: z.string().trim().max(100).optional(),
      procedure: z.enum(['general', 'summary']).optional(),
      year: z.number().int().min(1990).max(2100).optional(),
    }),
    ANY_ROLE,
  ),
  'case.get': op<CaseDetail>()(z.union([z.object({ id }), z.object({ caseNo: caseNoSchema })]), ANY_ROLE),

  'upload.stagePath': op<StagedUpload>()(z.object({ path: z.string().min(1).max(4096) }), WRITERS, ['direct', 'ipc', 'cli']),
  'upload.stageBytes': op<StagedUpload>()(z.object({ name: z.string().min(1).max(255), data: z.instanceof(Uint8Array) }), WRITERS, ['direct', 'ipc']),
  'upload.discard': op<{ ok: true }>()(z.object({ stagedId: z.string().min(1).max(100) }), WRITERS),

  'document.add': op<DocumentInfo>()(
    documentMetaSchema.extend({
      caseId: id,
      files: z
        .array(z.object({ stagedId: z.string().min(1).max(100) }))
        .min(1, { message: 'need_file' })
        .max(500),
      jobId,
    }),
    WRITERS,
  ),
  'document.update': op<DocumentInfo>()(documentMetaSchema.partial().extend({ id }), WRITERS),
  'document.remove': op<{ ok: true }>()(z.object({ id, reason: z.string().trim().min(2, { message: 'need_reason' }).max(500) }), WRITERS),
  'page.update': op<PageInfo>()(z.object({ id, side: z.enum(['front', 'back']).optional(), blank: z.boolean().optional() }), WRITERS),

  'audit.list': op<AuditEntry[]>()(
    auditFilter.extend({ limit: z.number().int().min(1).max(1000).default(200), beforeSeq: z.number().int().positive().optional() }),
    AUDIT_READERS,
  ),
  /** The filtered log as CSV (UTF-8 with BOM) or PDF/A, written to a local path; `labels` are the UI's words. */
  'audit.export': op<AuditExportResult>()(
    auditFilter
      .extend({
        format: z.enum(['csv', 'pdf']),
        target: z.string().min(1).max(4096),
        labels: z.object({ actions: labelMap, targets: labelMap, details: labelMap }).partial().optional(),
      })
      .strict(),
    AUDIT_READERS,
  ),
  'audit.verify': op<AuditVerifyResult>()(empty, ANY_ROLE),
  'job.cancel': op<{ ok: boolean }>()(z.object({ jobId: z.string().min(1).max(64) }), ANY_ROLE),
  ...dossierOps,
  ...footageOps,
  ...searchOps,
  ...reviewOps,
  ...retrievalOps,
  ...officerOps,
  ...reviewCheckOps,
  ...clipOps,
  ...fsckOps,
  ...backupOps,
  ...ocrOps,
  ...fournessOps,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<N extends OpName> = z.input<Contract[N]['input']>;
export type OpParsedInput<N extends OpName> = z.output<Contract[N]['input']>;
export type OpOutput<N extends OpName> = NonNullable<Contract[N]['output']>;

/** The result envelope every transport returns. */
export type OpResult<N extends OpName> = { ok: true; value: OpOutput<N> } | { ok: false; error: import('./errors.js').ErrorPayload };

export const OP_NAMES = Object.keys(contract) as OpName[];
export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
