import type { ReviewOpName } from '../api/contract-review.js';
import { nodeFilePort } from '../ports/file-port.js';
import { resourcesDir as defaultResourcesDir } from '../resources/paths.js';
import { assignPlan, caseAssignments, createPlan, listPlans, myAssignments, planDetail } from '../review/plan.js';
import { answerFinding } from '../review/rectify.js';
import { exportPlanSummary, exportReviewReport } from '../review/report-export.js';
import { addFinding, correctReview, decideFinding, latestOrThrow, openReview, removeFinding, reviewView, submitReview } from '../review/review.js';
import { listInspectors } from '../review/inspectors.js';
import { templateSummaries } from '../review/templates-list.js';
import { type HandlerDeps, userOf } from './deps.js';
import type { HandlerMap } from './types.js';

/** 案卷评查: a thin map onto the use cases in src/review/. */
export function reviewHandlers(deps: HandlerDeps): HandlerMap<ReviewOpName> {
  const { archive } = deps;
  const resourcesDir = deps.dossier.resourcesDir ?? defaultResourcesDir();
  const report = { archive, files: nodeFilePort, resourcesDir };
  return {
    'review.templates': async () => templateSummaries(resourcesDir),
    'review.plan.create': async (i, ctx) =>
      createPlan({ archive, resourcesDir }, userOf(ctx), {
        title: i.title,
        year: i.year,
        templateId: i.templateId,
        size: { mode: i.mode, amount: i.amount },
        seed: i.seed,
      }),
    'review.plan.assign': async (i, ctx) => assignPlan(archive, userOf(ctx), i.planId, i.items),
    'review.plan.list': async () => listPlans(archive),
    'review.plan.get': async (i) => planDetail(archive, i.planId),
    'review.inspectors': async () => listInspectors(archive),
    'review.mine': async (_i, ctx) => myAssignments(archive, userOf(ctx)),
    'review.ofCase': async (i) => caseAssignments(archive, i.caseId),
    'review.open': async (i, ctx) => openReview({ archive, resourcesDir }, userOf(ctx), i.assignmentId),
    'review.get': async (i) => reviewView(archive, i.reviewId),
    'review.latest': async (i) => latestOrThrow(archive, i.assignmentId),
    'review.decide': async (i, ctx) => decideFinding(archive, userOf(ctx), i),
    'review.addFinding': async (i, ctx) => addFinding(archive, userOf(ctx), i),
    'review.removeFinding': async (i, ctx) => removeFinding(archive, userOf(ctx), i.findingId),
    'review.submit': async (i, ctx) => submitReview(archive, userOf(ctx), i.reviewId),
    'review.correct': async (i, ctx) => correctReview(archive, userOf(ctx), i.reviewId, i.reason),
    'review.answer': async (i, ctx) => answerFinding(archive, userOf(ctx), i),
    'review.report': async (i, ctx) =>
      exportReviewReport(report, userOf(ctx), 'reviewId' in i ? { reviewId: i.reviewId } : { assignmentId: i.assignmentId }, i.out),
    'review.summary': async (i, ctx) => exportPlanSummary(report, userOf(ctx), i.planId, i.out),
  };
}
