import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { isCreditCode, isResidentId } from './identity-numbers.js';
import { isCleanText, jsonProblem, normaliseCaseNo, plausibleYear } from './text-input.js';

/** 程序: 一般程序 or 简易程序 (当场处罚). */
export const PROCEDURES = ['general', 'summary'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Record<Procedure, string> = { general: '一般程序', summary: '简易程序' };

const clean = { message: 'bad_chars' };
const text = (max = 500) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'too_long' }).refine(isCleanText, clean);
const optText = (max = 500) => z.string().trim().max(max, { message: 'too_long' }).refine(isCleanText, clean).optional().nullable();
const isoDate = z.string().refine(isIsoDate, { message: 'bad_date' }).refine(plausibleYear, { message: 'bad_year' });

/**
 * 案号 as stored and compared: clean, then normalised (src/domain/text-input.ts), so a look-alike
 * spelling finds the case it duplicates. `case.get` by 案号 normalises the same way.
 */
export const caseNoSchema = z
  .string()
  .max(100, { message: 'too_long' })
  .refine(isCleanText, clean)
  .transform(normaliseCaseNo)
  .pipe(z.string().min(1, { message: 'required' }).max(100, { message: 'too_long' }));

/** `extra`: any JSON object, refused when too deep or big, with a number JSON cannot keep, or a negative sum of money. */
const extraSchema = z.record(z.string(), z.unknown()).superRefine((v, ctx) => {
  const p = jsonProblem(v);
  if (p) ctx.addIssue({ code: 'custom', path: p.path, message: p.problem });
});

export const personPartySchema = z.object({
  type: z.literal('person'),
  name: text(100),
  idNumber: z.string().trim().toUpperCase().refine(isResidentId, { message: 'bad_id_number' }).optional().nullable(),
  gender: optText(10),
  birthDate: isoDate.optional().nullable(),
  address: optText(),
  phone: optText(40),
  occupation: optText(100),
  role: optText(100),
});

export const organisationPartySchema = z.object({
  type: z.literal('organisation'),
  name: text(200),
  creditCode: z.string().trim().toUpperCase().refine(isCreditCode, { message: 'bad_credit_code' }).optional().nullable(),
  legalRepresentative: optText(100),
  address: optText(),
  phone: optText(40),
  role: optText(100),
});

export const partySchema = z.discriminatedUnion('type', [personPartySchema, organisationPartySchema]);
export type Party = z.infer<typeof partySchema>;

/** 执法人员: identified by 执法证号 (certNo). */
export const caseOfficerSchema = z.object({
  name: text(50),
  certNo: z.string().trim().min(4, { message: 'bad_cert_no' }).max(40, { message: 'too_long' }),
  post: optText(100),
  roles: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});
export type CaseOfficer = z.infer<typeof caseOfficerSchema>;

/** The key dates of a case. `closed` (结案) is required: the registry holds closed cases. */
export const caseDatesSchema = z.object({
  filed: isoDate.optional().nullable(),
  investigationConcluded: isoDate.optional().nullable(),
  noticeServed: isoDate.optional().nullable(),
  decision: isoDate.optional().nullable(),
  served: isoDate.optional().nullable(),
  executed: isoDate.optional().nullable(),
  closed: isoDate,
});
export type CaseDates = z.infer<typeof caseDatesSchema>;
export const CASE_DATE_KEYS = ['filed', 'investigationConcluded', 'noticeServed', 'decision', 'served', 'executed', 'closed'] as const;
export type CaseDateKey = (typeof CASE_DATE_KEYS)[number];

export const caseInputSchema = z
  .object({
    caseNo: caseNoSchema,
    title: text(300),
    cause: text(300),
    procedure: z.enum(PROCEDURES, { message: 'bad_procedure' }),
    decisionNo: optText(100),
    source: optText(),
    organ: optText(100),
    unit: optText(100),
    parties: z.array(partySchema).min(1, { message: 'need_party' }).max(50),
    officers: z.array(caseOfficerSchema).min(1, { message: 'need_officer' }).max(30),
    dates: caseDatesSchema,
    /** Anything else worth keeping (penalty, seizure, approvers…), stored as given. */
    extra: extraSchema.optional().nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.procedure === 'general' && !c.dates.filed) {
      ctx.addIssue({ code: 'custom', path: ['dates', 'filed'], message: 'general_needs_filed' });
    }
    // The dates run in order: nothing before 立案 (filed), nothing after 结案 (closed).
    const { filed, closed } = c.dates;
    for (const key of CASE_DATE_KEYS) {
      const d = c.dates[key];
      if (!d) continue;
      if (filed && key !== 'filed' && d.slice(0, 10) < filed.slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['dates', key], message: 'before_filed' });
      else if (key !== 'closed' && key !== 'filed' && d.slice(0, 10) > closed.slice(0, 10))
        ctx.addIssue({ code: 'custom', path: ['dates', key], message: 'after_closed' });
    }
    const certs = new Set<string>();
    c.officers.forEach((o, i) => {
      if (certs.has(o.certNo)) ctx.addIssue({ code: 'custom', path: ['officers', i, 'certNo'], message: 'duplicate' });
      certs.add(o.certNo);
    });
  });
export type CaseInput = z.infer<typeof caseInputSchema>;
