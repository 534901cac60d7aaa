import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { OFFICER_STATUSES } from '../domain/officer.js';
import { ANY_ROLE, WRITERS } from '../domain/roles.js';
import { op } from './op.js';
import type { OfficerDetail, OfficerSummary, OfficerWarning } from './types-officer.js';

const id = z.number().int().positive();
/** 执法证号 as on the case (e.g. 豫S11520210047). */
const certNo = z.string().trim().min(4, { message: 'bad_cert_no' }).max(40, { message: 'too_long' });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'bad_date' })
  .refine(isIsoDate, { message: 'bad_date' });
const optText = (max: number) => z.string().trim().max(max, { message: 'too_long' }).optional().nullable();
const certificate = z.object({
  certNo: certNo.optional(),
  issuer: z.string().trim().min(1, { message: 'required' }).max(100, { message: 'too_long' }),
  validFrom: day,
  validTo: day,
  note: optText(300),
});

/**
 * 持证上岗: the officer register. Archivists keep it (as they keep cases); every role may read it, and
 * the case form asks `officer.checkCase` for warnings about the officers it names.
 */
export const officerOps = {
  'officer.list': op<OfficerSummary[]>()(z.object({ query: z.string().trim().max(100).optional() }), ANY_ROLE),
  'officer.get': op<OfficerDetail>()(z.union([z.object({ id }), z.object({ certNo })]), ANY_ROLE),
  'officer.create': op<OfficerDetail>()(
    z.object({
      certNo,
      name: z.string().trim().min(1, { message: 'required' }).max(50, { message: 'too_long' }),
      post: optText(100),
      unit: optText(100),
      certificate: certificate.optional(),
      status: z.enum(OFFICER_STATUSES).optional(),
      statusFrom: day.optional(),
    }),
    WRITERS,
  ),
  'officer.update': op<OfficerDetail>()(
    z.object({
      id,
      name: z.string().trim().min(1, { message: 'required' }).max(50, { message: 'too_long' }).optional(),
      post: optText(100),
      unit: optText(100),
      status: z.object({ status: z.enum(OFFICER_STATUSES), from: day, reason: z.string().trim().min(2, { message: 'need_reason' }).max(300) }).optional(),
    }),
    WRITERS,
  ),
  'officer.certificate.add': op<OfficerDetail>()(z.object({ officerId: id, certificate }), WRITERS),
  /** Warnings for the officers a case names, on the case's 立案 day (else 结案, else today). */
  'officer.checkCase': op<OfficerWarning[]>()(
    z.object({
      officers: z.array(z.object({ name: z.string().trim().max(50), certNo: z.string().trim().max(40) })).max(30),
      day: day.optional(),
    }),
    ANY_ROLE,
  ),
} as const;

export type OfficerOps = typeof officerOps;
export type OfficerOpName = keyof OfficerOps;
