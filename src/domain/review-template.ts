import { z } from 'zod';

/**
 * A 评查标准 (score sheet) as data. Versioned: a review records the template id and version it was
 * scored on, and the stored copy never changes. Veto items (基本标准) carry no points: any accepted
 * finding on one makes the dossier 不合格 with a total of 0. Sections carry points; each item its
 * points and how much one finding deducts (a range; per hit, or once however many hits), and the
 * automatic-check rule ids that propose a deduction on it. Scores never go below zero.
 */
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'bad_id' })
  .max(80);
const title = z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' });
const points = z.number().min(0).max(1000);
const ruleIds = z.array(z.string().min(1).max(100)).max(50).default([]);

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

export const vetoItemSchema = z
  .object({
    id: slug,
    title,
    basis: z.string().max(200).optional(),
    rules: ruleIds,
    /** Present only to be refused with a clear message: a veto item has no points. */
    points: z.number().optional(),
  })
  .strict();

export const deductionSchema = z
  .object({
    min: points,
    max: points,
    /** 'hit': each finding deducts; 'once': the item deducts once however many findings. */
    per: z.enum(['hit', 'once']),
  })
  .strict();

export const itemSchema = z
  .object({
    id: slug,
    title,
    points: points.refine((n) => n > 0, { message: 'must_be_positive' }),
    deduct: deductionSchema,
    basis: z.string().max(200).optional(),
    rules: ruleIds,
  })
  .strict();

export const sectionSchema = z
  .object({
    id: slug,
    title,
    points: points.refine((n) => n > 0, { message: 'must_be_positive' }),
    items: z.array(itemSchema).min(1).max(200),
  })
  .strict();

export const gradeBandSchema = z
  .object({
    grade: z.enum(GRADES),
    /** Inclusive lower bound. */
    min: points,
    /** Exclusive upper bound, except for the top band, which includes the total. */
    max: points,
  })
  .strict();

export const templateSchema = z
  .object({
    format: z.literal('juanzong-review-template/1'),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'bad_profile_id' })
      .max(100),
    version: z.string().trim().min(1).max(40),
    name: title,
    description: z.string().max(2000).optional(),
    source: z.string().max(500).optional(),
    /** Which procedures it is meant for (informative). */
    procedures: z.array(z.string().max(40)).max(10).optional(),
    total: points.refine((n) => n > 0, { message: 'must_be_positive' }),
    veto: z.array(vetoItemSchema).max(50),
    sections: z.array(sectionSchema).min(1).max(30),
    grades: z.array(gradeBandSchema).min(2).max(4),
  })
  .strict();

export type ReviewTemplate = z.output<typeof templateSchema>;
export type TemplateSection = ReviewTemplate['sections'][number];
export type TemplateItem = TemplateSection['items'][number];
export type VetoItem = ReviewTemplate['veto'][number];
