import { z } from 'zod';
import { ANY_ROLE, APPROVERS, CUSTODIANS, WRITERS } from '../domain/roles.js';
import { op } from './op.js';
import type {
  CaseFootageCoverage,
  ClipDetail,
  ClipSummary,
  DeriveResult,
  DeviceInfo,
  DisposalInfo,
  FixityReport,
  FootageChecklist,
  FootageListResult,
  IngestReport,
} from './types-footage.js';

const id = z.number().int().positive();
const jobId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .optional();
const caseNo = z.string().trim().min(1).max(100);
/** 执法证号 as on the case (e.g. 豫S11520210047). */
const certNo = z.string().trim().min(2).max(40);
const activity = z.string().trim().min(1).max(50);
/** `YYYY-MM-DD`, or a date-time with or without offset (without: camera-local). */
const dateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/, { message: 'bad_date' });
const reason = z.string().trim().min(2, { message: 'need_reason' }).max(500);

// Archivists file footage; 领导 audit fixity and decide disposals; every role may look (src/domain/roles.ts).

/** The footage slice of the contract, spread into `contract` (contract.ts). */
export const footageOps = {
  /**
   * Offloads a camera / 采集站 / disc folder. Takes a local path. Offered over HTTP too: the browser UI
   * reaches the core only through the bridge, which listens on 127.0.0.1 only, checks Host/Origin and a
   * per-launch token cookie, and runs as the same OS user as the desktop app — so the path is on the
   * user's own machine and readable by them anyway. Roles are still checked (writers only).
   */
  'footage.ingest': op<IngestReport>()(
    z.object({
      source: z.string().min(1).max(4096),
      caseId: id.optional(),
      caseNo: caseNo.optional(),
      certNo: certNo.optional(),
      activity: activity.optional(),
      /** Thumbnails and contact sheets: queued in the background (default) or left for `footage.derive`. */
      derive: z.enum(['background', 'skip']).default('background'),
      jobId,
    }),
    WRITERS,
    ['direct', 'ipc', 'cli', 'http'],
  ),
  'footage.list': op<FootageListResult>()(
    z.object({
      caseId: id.optional(),
      caseNo: caseNo.optional(),
      certNo: certNo.optional(),
      deviceSerial: z.string().trim().min(1).max(40).optional(),
      from: dateTime.optional(),
      to: dateTime.optional(),
      activity: activity.optional(),
      /** Clips linked to no case. */
      unlinked: z.boolean().optional(),
      kind: z.enum(['video', 'audio', 'photo']).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    ANY_ROLE,
  ),
  'footage.get': op<ClipDetail>()(z.object({ id }), ANY_ROLE),
  'footage.link': op<ClipSummary[]>()(
    z
      .object({
        clipIds: z.array(id).min(1).max(1000),
        caseId: id.optional(),
        caseNo: caseNo.optional(),
        certNo: certNo.optional(),
        activity: activity.optional(),
      })
      .refine((v) => v.caseId !== undefined || v.caseNo !== undefined || v.certNo !== undefined || v.activity !== undefined, { message: 'need_link_target' }),
    WRITERS,
  ),
  'footage.unlink': op<ClipSummary>()(z.object({ linkId: id, reason }), WRITERS),
  'footage.verify': op<FixityReport>()(
    z.object({
      mode: z.enum(['full', 'incremental']).default('full'),
      /** Incremental: objects not verified in this many days, oldest first. */
      olderThanDays: z.number().int().min(0).max(3650).default(30),
      /** Incremental: stop after this many bytes (at least one object is checked). */
      byteBudget: z.number().int().positive().optional(),
      /** Continue an interrupted or cancelled run of the same mode instead of starting over. */
      resume: z.boolean().default(true),
      jobId,
    }),
    CUSTODIANS,
  ),
  'footage.lastAudit': op<{ last: FixityReport | null }>()(z.object({}).strict(), ANY_ROLE),
  'footage.retentionDue': op<ClipSummary[]>()(
    z.object({
      asOf: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'bad_date' })
        .optional(),
    }),
    ANY_ROLE,
  ),
  'footage.coverage': op<CaseFootageCoverage>()(z.object({ caseId: id }), ANY_ROLE),
  'footage.checklist': op<FootageChecklist>()(z.object({}).strict(), ANY_ROLE),
  'footage.derive': op<DeriveResult>()(z.object({ jobId }), WRITERS),
  'footage.requestDisposal': op<DisposalInfo>()(z.object({ clipId: id, reason }), WRITERS),
  'footage.decideDisposal': op<DisposalInfo>()(z.object({ disposalId: id, approve: z.boolean(), note: z.string().trim().max(500).optional() }), APPROVERS),
  'footage.disposals': op<DisposalInfo[]>()(z.object({ clipId: id.optional() }), ANY_ROLE),

  'device.register': op<DeviceInfo>()(
    z.object({
      serial: z.string().trim().min(1).max(40),
      model: z.string().trim().max(100).optional(),
      unitCode: z.string().trim().max(40).optional(),
      note: z.string().trim().max(300).optional(),
      /** The officer who holds the device from `from` (by 执法证号; never inferred from the camera's user number). */
      certNo,
      officerName: z.string().trim().min(1).max(50).optional(),
      /** The user number configured on the camera for this holder. */
      userNo: z.string().trim().max(40).optional(),
      from: dateTime,
      to: dateTime.optional(),
    }),
    WRITERS,
  ),
  'device.list': op<DeviceInfo[]>()(z.object({}).strict(), ANY_ROLE),
} as const;

export type FootageOps = typeof footageOps;
export type FootageOpName = keyof FootageOps;
