import { z } from 'zod';
import { ANY_ROLE, APPROVERS, CLIP_MARKERS, RETRIEVAL_REGISTRARS } from '../domain/roles.js';
import { op } from './op.js';
import type {
  ClipMarkInfo,
  RegisterPdfResult,
  RetrievalGrantInfo,
  RetrievalLogResult,
  RetrievalRequestInfo,
  ViewSessionInfo,
  ViewStartResult,
} from './types-retrieval.js';

const id = z.number().int().positive();
/** `YYYY-MM-DD`, or a date-time with or without offset (without: the archive's zone). */
const dateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, { message: 'bad_date' });
const reason = z.string().trim().min(2, { message: 'need_reason' }).max(500);
const comment = z.string().trim().min(1, { message: 'required' }).max(500);
const second = z
  .number()
  .finite()
  .min(0)
  .max(86_400 * 7);
const segments = z.array(z.tuple([second, second])).max(500);

export const RETRIEVAL_PURPOSE_VALUES = ['supervision', 'complaint', 'litigation', 'case-review', 'other'] as const;

export const retrievalScopeSchema = z.union([
  z.object({ caseId: id }).strict(),
  /** A case by 案号 (the CLI's --case). */
  z.object({ caseNo: z.string().trim().min(1).max(100) }).strict(),
  z.object({ clipIds: z.array(id).min(1).max(500) }).strict(),
  z.object({ from: dateTime, to: dateTime }).strict(),
]);

// 领导 and 管理员 decide requests and revoke grants (APPROVERS); who marks a clip and who writes the
// 调阅登记表 are named in src/domain/roles.ts too.

/** The 调阅 slice of the contract, spread into `contract` (contract.ts). */
export const retrievalOps = {
  /** Files a 调阅申请 for the caller: reason, purpose, scope (case, clips or a time window), until when. */
  'retrieval.request': op<RetrievalRequestInfo>()(
    z
      .object({
        reason,
        purpose: z.enum(RETRIEVAL_PURPOSE_VALUES),
        scope: retrievalScopeSchema,
        until: dateTime,
        allowCopy: z.boolean().default(false),
      })
      .strict(),
    ANY_ROLE,
  ),
  /** Approves another person's pending request: a grant until the requested date. */
  'retrieval.approve': op<RetrievalRequestInfo>()(z.object({ id, comment }).strict(), APPROVERS),
  'retrieval.reject': op<RetrievalRequestInfo>()(z.object({ id, comment }).strict(), APPROVERS),
  /** Revokes a grant; the holder's next media range request is refused. */
  'retrieval.revoke': op<{ ok: true }>()(z.object({ grantId: id, reason }).strict(), APPROVERS),
  /** Requests: 领导/管理员/档案员 see everyone's, others their own. */
  'retrieval.list': op<RetrievalRequestInfo[]>()(
    z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), mine: z.boolean().optional() }).strict(),
    ANY_ROLE,
  ),
  /** Grants (from requests, or 评查任务授权 with an assignment), the same people seeing all as for requests. */
  'retrieval.grants': op<RetrievalGrantInfo[]>()(z.object({ source: z.enum(['request', 'review-assignment']).optional() }).strict(), ANY_ROLE),
  /** Opens a playback session after the access check (a refusal is recorded and returned as forbidden). */
  'retrieval.viewStart': op<ViewStartResult>()(z.object({ clipId: id }).strict(), ANY_ROLE),
  'retrieval.viewProgress': op<ViewSessionInfo>()(z.object({ viewId: id, segments }).strict(), ANY_ROLE),
  'retrieval.viewEnd': op<ViewSessionInfo>()(z.object({ viewId: id, segments: segments.default([]) }).strict(), ANY_ROLE),
  /** 调阅记录: sessions and refusals by clip, person, period; a per-person summary. */
  'retrieval.log': op<RetrievalLogResult>()(
    z
      .object({
        clipId: id.optional(),
        userId: id.optional(),
        username: z.string().trim().min(1).max(64).optional(),
        from: dateTime.optional(),
        to: dateTime.optional(),
      })
      .strict(),
    ANY_ROLE,
  ),
  /** The 调阅登记表 for a period as PDF/A, written to a local path (see footage.ingest on paths over the bridge). */
  'retrieval.registerPdf': op<RegisterPdfResult>()(
    z.object({ from: dateTime, to: dateTime, target: z.string().min(1).max(4096) }).strict(),
    RETRIEVAL_REGISTRARS,
    ['direct', 'ipc', 'cli', 'http'],
  ),
  'retrieval.mark': op<ClipMarkInfo>()(
    z.object({ clipId: id, second, note: z.string().trim().min(1, { message: 'required' }).max(200) }).strict(),
    CLIP_MARKERS,
  ),
  'retrieval.marks': op<ClipMarkInfo[]>()(z.object({ clipId: id }).strict(), ANY_ROLE),
} as const;

export type RetrievalOpName = keyof typeof retrievalOps;
