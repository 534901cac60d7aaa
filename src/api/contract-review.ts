import { z } from 'zod';
import { ANY_ROLE, REVIEW_PLANNERS, REVIEW_REPORTERS, REVIEWERS, WRITERS } from '../domain/roles.js';
import { op } from './op.js';
import type { AssignmentInfo, PlanDetail, PlanSummary, ReviewReportResult, ReviewView, TemplateSummary } from './types-review.js';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'too_long' });
const comment = z.string().trim().max(1000, { message: 'too_long' }).optional().nullable();
const points = z.number().min(0).max(1000);
const itemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'bad_id' })
  .max(80);
const out = z.string().trim().min(1, { message: 'required' }).max(4096);

const place = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), page: z.number().int().positive(), volume: z.number().int().positive().optional() }).strict(),
  z.object({ kind: z.literal('clip'), clipId: id, second: z.number().min(0).max(86_400) }).strict(),
  z.object({ kind: z.literal('case') }).strict(),
]);

/**
 * The 案卷评查 slice: templates, plans (seeded draw, assignment with 调阅 grants), reviews (proposals
 * from the automatic checks, own findings pinned to a page or second, submit → sealed), 整改 answers
 * and the PDF/A reports. 评查员 change nothing else in the archive: every other write stays WRITERS.
 */
export const reviewOps = {
  'review.templates': op<TemplateSummary[]>()(z.object({}).strict(), ANY_ROLE),
  'review.plan.create': op<PlanDetail>()(
    z
      .object({
        title: text(200),
        year: z.number().int().min(1990).max(2100),
        templateId: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'bad_profile_id' })
          .max(100),
        mode: z.enum(['percent', 'count']),
        amount: z.number().positive().max(100_000),
        seed: z.string().trim().max(200).optional(),
      })
      .strict(),
    REVIEW_PLANNERS,
  ),
  'review.plan.assign': op<PlanDetail>()(
    z
      .object({
        planId: id,
        items: z
          .array(z.object({ assignmentId: id, inspectorId: id }).strict())
          .min(1)
          .max(5000),
      })
      .strict(),
    REVIEW_PLANNERS,
  ),
  'review.plan.list': op<PlanSummary[]>()(z.object({}).strict(), ANY_ROLE),
  'review.plan.get': op<PlanDetail>()(z.object({ planId: id }).strict(), ANY_ROLE),
  'review.inspectors': op<{ id: number; name: string; username: string }[]>()(z.object({}).strict(), REVIEW_PLANNERS),
  'review.mine': op<AssignmentInfo[]>()(z.object({}).strict(), REVIEWERS),
  'review.ofCase': op<AssignmentInfo[]>()(z.object({ caseId: id }).strict(), ANY_ROLE),
  'review.open': op<ReviewView>()(z.object({ assignmentId: id }).strict(), REVIEWERS),
  'review.get': op<ReviewView>()(z.object({ reviewId: id }).strict(), ANY_ROLE),
  /** The latest review version of an assignment (not_found before the inspector opened it). */
  'review.latest': op<ReviewView>()(z.object({ assignmentId: id }).strict(), ANY_ROLE),
  'review.decide': op<ReviewView>()(
    z.object({ findingId: id, decision: z.enum(['accepted', 'rejected']), points: points.optional(), itemId: itemId.optional(), comment }).strict(),
    REVIEWERS,
  ),
  'review.addFinding': op<ReviewView>()(z.object({ reviewId: id, itemId, points, title: text(300), comment, place }).strict(), REVIEWERS),
  'review.removeFinding': op<ReviewView>()(z.object({ findingId: id }).strict(), REVIEWERS),
  'review.submit': op<ReviewView>()(z.object({ reviewId: id }).strict(), REVIEWERS),
  'review.correct': op<ReviewView>()(z.object({ reviewId: id, reason: z.string().trim().min(2, { message: 'need_reason' }).max(500) }).strict(), REVIEWERS),
  'review.answer': op<ReviewView>()(z.object({ findingId: id, status: z.enum(['mended', 'explained']), answer: text(2000) }).strict(), WRITERS),
  /** Writes the 评查报告 PDF/A of an assignment's latest review to a file (local path; loopback bridge, as dossier.export). */
  'review.report': op<ReviewReportResult>()(
    z.union([z.object({ assignmentId: id, out }).strict(), z.object({ reviewId: id, out }).strict()]),
    REVIEW_REPORTERS,
  ),
  /** Writes the plan's 评查通报 PDF/A. */
  'review.summary': op<ReviewReportResult>()(z.object({ planId: id, out }).strict(), REVIEW_REPORTERS),
} as const;

export type ReviewOps = typeof reviewOps;
export type ReviewOpName = keyof ReviewOps;
