import { z } from 'zod';
import { ADMINS, ANY_ROLE, CASE_CHECKERS } from '../domain/roles.js';
import { op } from './op.js';
import type { CalendarInfo } from './types-calendar.js';
import type { CheckReport } from '../domain/review-finding.js';
import type { RuleInfo } from './types-review-check.js';

const id = z.number().int().positive();
const mmdd = z.string().regex(/^\d{2}-\d{2}$/, { message: 'bad_date' });

/** Who sees the automatic findings: inspectors, supervisors, archivists (before sealing) and the administrator. */

/**
 * The automatic 评查 checks ('review.check': findings with the statute article and the exact place)
 * and the working-day calendar they count on ('calendar.*': the administrator enters a new year's
 * 法定节假日 and 调休 days without a release).
 */
export const reviewCheckOps = {
  'review.check': op<CheckReport>()(z.union([z.object({ caseId: id }), z.object({ caseNo: z.string().trim().min(1).max(100) })]), CASE_CHECKERS),
  'review.rules': op<RuleInfo[]>()(z.object({}).strict(), ANY_ROLE),
  'calendar.get': op<CalendarInfo>()(z.object({}).strict(), ANY_ROLE),
  'calendar.update': op<CalendarInfo>()(
    z.object({
      year: z.number().int().min(2000).max(2100),
      off: z.array(mmdd).max(60),
      work: z.array(mmdd).max(30),
      source: z.string().trim().min(2, { message: 'required' }).max(200, { message: 'too_long' }),
    }),
    ADMINS,
  ),
} as const;

export type ReviewCheckOps = typeof reviewCheckOps;
export type ReviewCheckOpName = keyof ReviewCheckOps;
