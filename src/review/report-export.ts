import path from 'node:path';
import { AppError } from '../api/errors.js';
import type { ReviewReportResult, ReviewView } from '../api/types-review.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { writeReportPdf } from '../pdf/report/write-report.js';
import type { FilePort } from '../ports/file-port.js';
import { ReviewPlanRepo } from '../storage/repos/review-plan-repo.js';
import { planDetail } from './plan.js';
import { planSummaryReport, reviewReport } from './report.js';
import { latestReview, reviewView } from './review.js';

/** Writes the 评查报告 / 评查通报 PDF/A files (durably, through the FilePort) and audits the export. */
export interface ReportDeps {
  archive: Archive;
  files: FilePort;
  resourcesDir: string;
}

function target(out: string): string {
  if (!path.isAbsolute(out))
    throw new AppError('invalid_input', `${out}: give an absolute path for the report`, `${out}：请填写报告文件的完整路径`, { item: out });
  return out.toLowerCase().endsWith('.pdf') ? out : `${out}.pdf`;
}

export async function exportReviewReport(
  d: ReportDeps,
  user: UserInfo,
  which: { assignmentId: number } | { reviewId: number },
  out: string,
): Promise<ReviewReportResult> {
  const file = target(out);
  let v: ReviewView | null;
  if ('reviewId' in which) v = reviewView(d.archive, which.reviewId);
  else {
    const a = new ReviewPlanRepo(d.archive.db).assignment(which.assignmentId);
    if (!a)
      throw new AppError('not_found', `review assignment ${which.assignmentId} not found`, `评查任务 ${which.assignmentId} 不存在`, {
        item: String(which.assignmentId),
      });
    v = latestReview(d.archive, a.id);
    if (!v) throw new AppError('not_found', `${a.caseNo} has not been reviewed yet`, `案卷 ${a.caseNo} 尚未开始评查`, { item: a.caseNo });
  }
  const w = await writeReportPdf(d.files, file, reviewReport(v, d.archive.clock.now()), { resourcesDir: d.resourcesDir });
  const review = v;
  change(d.archive, user, () => ({
    value: null,
    audit: [
      {
        action: 'review.report',
        targetType: 'review',
        targetId: review.id,
        after: { caseNo: review.assignment.caseNo, file: w.path, sha256: w.sha256, pages: w.pages },
      },
    ],
  }));
  return { path: w.path, pages: w.pages, size: w.size, sha256: w.sha256 };
}

export async function exportPlanSummary(d: ReportDeps, user: UserInfo, planId: number, out: string): Promise<ReviewReportResult> {
  const file = target(out);
  const plan = planDetail(d.archive, planId);
  const reviews = plan.assignments.map((a) => latestReview(d.archive, a.id)).filter((r): r is ReviewView => r !== null);
  const w = await writeReportPdf(d.files, file, planSummaryReport(plan, reviews, user.displayName, d.archive.clock.now()), { resourcesDir: d.resourcesDir });
  change(d.archive, user, () => ({
    value: null,
    audit: [{ action: 'review.summary', targetType: 'review_plan', targetId: planId, after: { file: w.path, sha256: w.sha256, pages: w.pages } }],
  }));
  return { path: w.path, pages: w.pages, size: w.size, sha256: w.sha256 };
}
