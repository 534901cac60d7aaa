import { z } from 'zod';
import { PROCEDURES } from './case.js';
import type { FilingProfile } from './profile.js';

/**
 * The binding part of a filing profile (立卷规范 → `binding`): document order per procedure, 正卷/副卷,
 * required documents, numbering, 目录 page column, 归档号 / 档号, 保管期限, volume split, cover fields,
 * filing deadline, 简易 batching and where the AV evidence sheets go. Pure data, validated on load; every
 * rule a province may differ on is here rather than in code. Cross-references (kind codes, group ids,
 * condition ids, retention codes) are checked by `bindingCrossCheck` against the profile's catalogue.
 */

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'bad_kind_code' });
const ident = z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'bad_binding_id' });
const procedure = z.enum(PROCEDURES, { message: 'bad_procedure' });
const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const CASE_DATE_FIELDS = ['filed', 'investigationConcluded', 'noticeServed', 'decision', 'served', 'executed', 'closed'] as const;

/** One test of a condition, evaluated from the case record and its documents. */
export const conditionTestSchema = z.union([
  z.object({ hasKind: z.array(code).min(1) }).strict(),
  z.object({ extraPresent: z.string().min(1) }).strict(),
  z.object({ extraTrue: z.string().min(1) }).strict(),
  z.object({ extraIncludes: z.object({ path: z.string().min(1), text: z.string().min(1) }).strict() }).strict(),
  z.object({ extraAtLeast: z.object({ path: z.string().min(1), value: z.number() }).strict() }).strict(),
  z.object({ caseDate: z.enum(CASE_DATE_FIELDS) }).strict(),
  z.object({ procedure }).strict(),
]);
export type ConditionTest = z.infer<typeof conditionTestSchema>;

/** A named condition (听证 held, 查封扣押 used, 重大案件…): true when any of `any` holds and all of `all` hold. */
export const conditionSchema = z
  .object({
    name: z.string().min(1),
    any: z.array(conditionTestSchema).default([]),
    all: z.array(conditionTestSchema).default([]),
  })
  .strict()
  .refine((c) => c.any.length + c.all.length > 0, { message: 'empty_condition' });

/** When a document kind is required: always, for a procedure, and/or when conditions hold (and none of `unless`). */
export const requirementSchema = z.union([
  z.literal('always'),
  z
    .object({
      procedure: oneOrMany(procedure).optional(),
      when: oneOrMany(ident).optional(),
      unless: oneOrMany(ident).optional(),
    })
    .strict(),
]);
export type Requirement = z.infer<typeof requirementSchema>;

export const kindBindingSchema = z
  .object({
    /** At most one document of this kind in a dossier (a second one claims the same position). */
    single: z.boolean().default(false),
    requiredWhen: z.array(requirementSchema).default([]),
    /** Other kinds that satisfy the requirement (e.g. 不予行政处罚决定书 instead of 行政处罚决定书). */
    satisfiedBy: z.array(code).default([]),
    /**
     * Place the document right after another: `served` = after the document it serves (送达回证 after
     * the document named in its title, else the latest issued document of its date or before);
     * `{ after: [codes] }` = after the latest earlier document of those kinds (清单 after its 决定书).
     */
    attach: z.union([z.literal('served'), z.object({ after: z.array(code).min(1) }).strict()]).optional(),
  })
  .strict();
export type KindBinding = z.infer<typeof kindBindingSchema>;

export const orderGroupSchema = z
  .object({
    id: ident,
    name: z.string().min(1),
    kinds: z.array(code).default([]),
    /** `date`: by document date, kind order breaking ties; `listed`: by kind order, then date. */
    sort: z.enum(['date', 'listed']).default('date'),
  })
  .strict();
export type OrderGroup = z.infer<typeof orderGroupSchema>;

export const PAGE_POSITIONS = ['top-right', 'top-left', 'bottom-right', 'bottom-left', 'bottom-center'] as const;
export type PagePosition = (typeof PAGE_POSITIONS)[number];
export const SHEETS = ['cover', 'toc', 'beikao', 'backCover'] as const;
export type Sheet = (typeof SHEETS)[number];

export const COVER_FIELDS = [
  'caseTitle',
  'caseNo',
  'decisionNo',
  'organ',
  'unit',
  'parties',
  'filedOn',
  'closedOn',
  'period',
  'retention',
  'documentCount',
  'pageCount',
  'archiveNo',
  'archiveCode',
  'fondsNo',
  'catalogNo',
  'fileNo',
  'volume',
  'secrecy',
] as const;
export type CoverField = (typeof COVER_FIELDS)[number];

export const TOC_COLUMNS = ['seq', 'docNo', 'responsible', 'title', 'date', 'pages', 'note'] as const;
export type TocColumn = (typeof TOC_COLUMNS)[number];

const retentionEntrySchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, { message: 'bad_retention_code' }),
    label: z.string().min(1),
    /** null = 永久. */
    years: z.number().int().positive().nullable(),
    legacy: z.boolean().default(false),
  })
  .strict();

export const filingDeadlineSchema = z.union([
  z.object({ rule: z.literal('days-after-closing'), days: z.number().int().positive() }).strict(),
  z.object({ rule: z.literal('working-days-after-closing'), days: z.number().int().positive() }).strict(),
  z.object({ rule: z.literal('end-of-month-next-year'), month: z.number().int().min(1).max(12) }).strict(),
]);
export type FilingDeadline = z.infer<typeof filingDeadlineSchema>;

const dateEndpointSchema = z.union([
  z.object({ kinds: z.array(code).min(1) }).strict(),
  z.object({ caseDate: z.enum(CASE_DATE_FIELDS) }).strict(),
  z.object({ allDocuments: z.literal(true) }).strict(),
]);
export type DateEndpoint = z.infer<typeof dateEndpointSchema>;

const perProcedure = <T extends z.ZodType>(t: T) => z.object({ general: t, summary: t }).strict();

export const bindingSchema = z
  .object({
    conditions: z.record(ident, conditionSchema).default({}),
    kinds: z.record(code, kindBindingSchema).default({}),
    order: perProcedure(z.array(orderGroupSchema).min(1)),
    /** Group that takes documents whose kind the procedure's order does not list (a warning each). */
    unlistedGroup: perProcedure(ident),
    avSheets: z
      .object({
        placement: z.enum(['group-end', 'after-documents']).default('group-end'),
        group: perProcedure(ident),
        title: z.string().min(1).default('视听资料证据'),
      })
      .strict(),
    volumes: z
      .object({
        /** 正卷/副卷 per procedure: kinds with volume "secondary" go to 副卷 when true, else everything is 正卷. */
        secondary: perProcedure(z.boolean()).default({ general: false, summary: false }),
        splitAtPages: z.number().int().min(10).max(2000).default(200),
        labels: z
          .object({ main: z.string().min(1), secondary: z.string().min(1) })
          .strict()
          .default({ main: '正卷', secondary: '副卷' }),
      })
      .strict(),
    numbering: z
      .object({
        front: z.enum(PAGE_POSITIONS).default('top-right'),
        back: z.enum(PAGE_POSITIONS).default('top-left'),
        unnumberedSheets: z.array(z.enum(SHEETS)).default(['cover', 'toc', 'beikao', 'backCover']),
        /** Whether the model has a 卷底 (back cover) page. */
        backCover: z.boolean().default(true),
      })
      .strict(),
    toc: z
      .object({
        /** 页号 column: the start page, the range, or start pages with the range on the last row. */
        pageColumn: z.enum(['start', 'range', 'start-last-range']).default('range'),
        rowsPerPage: z.number().int().min(5).max(60).default(20),
        title: z.string().min(1).default('卷内文件目录'),
        columns: z.partialRecord(z.enum(TOC_COLUMNS), z.string().min(1)).default({}),
      })
      .strict(),
    beikao: z
      .object({
        title: z.string().min(1).default('卷内备考表'),
        checkerRequired: z.boolean().default(false),
      })
      .strict()
      .default({ title: '卷内备考表', checkerRequired: false }),
    archiveNo: z
      .object({
        /** `{year}` + `{serial}`: 归档号, 8 digits by default. */
        pattern: z.string().min(1).default('{year}{serial}'),
        serialDigits: z.number().int().min(3).max(8).default(4),
        /** Year printed in the number, and the year whose serial sequence is used. */
        prefixYear: z.enum(['closed', 'filed', 'sealed']).default('closed'),
        serialYear: z.enum(['closed', 'filed', 'sealed']).default('closed'),
      })
      .strict(),
    archiveCode: z
      .object({
        pattern: z.string().min(1),
        /** Appended when a dossier has more than one volume. */
        volumeSuffix: z.string().default('-{volume}'),
        fondsNo: z.string().nullable().default(null),
        catalogNo: z.string().nullable().default(null),
        classCode: z.string().default('WS'),
        orgCode: z.string().default(''),
      })
      .strict(),
    retention: z
      .object({
        vocabulary: z.array(retentionEntrySchema).min(1),
        byProcedure: perProcedure(z.string().min(1)),
        /** Other labels found in case data or old covers → code (长期 → D30…). */
        aliases: z.record(z.string().min(1), z.string().min(1)).default({}),
      })
      .strict(),
    cover: z
      .object({
        title: z.string().min(1).default('行政执法案卷'),
        fields: z.array(z.enum(COVER_FIELDS)).min(1),
        labels: z.partialRecord(z.enum(COVER_FIELDS), z.string().min(1)).default({}),
      })
      .strict(),
    filingDeadline: filingDeadlineSchema,
    batching: z
      .object({
        allowed: z.boolean().default(false),
        procedures: z.array(procedure).default(['summary']),
        maxCasesPerVolume: z.number().int().min(2).max(200).default(50),
        title: z.string().min(1).default('{year}年简易程序行政处罚案卷'),
      })
      .strict()
      .default({ allowed: false, procedures: ['summary'], maxCasesPerVolume: 50, title: '{year}年简易程序行政处罚案卷' }),
    dateChecks: z
      .object({
        /** Documents of other stages dated before 立案 are flagged. */
        beforeFilingStages: z.array(ident).default(['filing', 'investigation']),
        afterClosing: z.boolean().default(true),
        sequence: z.array(z.object({ id: ident, name: z.string().min(1), earlier: dateEndpointSchema, later: dateEndpointSchema }).strict()).default([]),
      })
      .strict(),
  })
  .strict();

export type ProfileBinding = z.infer<typeof bindingSchema>;
/** A loaded profile whose binding rules were validated (see profiles/load-profile.ts requireBinding). */
export type BindingProfile = FilingProfile & { binding: ProfileBinding };
export type DateSequenceRule = ProfileBinding['dateChecks']['sequence'][number];
export type Condition = z.infer<typeof conditionSchema>;

export const ARCHIVE_NO_PLACEHOLDERS = ['year', 'serial'] as const;
export const ARCHIVE_CODE_PLACEHOLDERS = ['fonds', 'catalog', 'file', 'year', 'serial', 'retention', 'class', 'org', 'archiveNo', 'volume'] as const;

/** The `{name}` placeholders of a pattern. */
export function placeholders(pattern: string): string[] {
  return [...pattern.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
}
