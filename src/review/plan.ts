import { randomBytes } from 'node:crypto';
import { AppError } from '../api/errors.js';
import type { AssignmentInfo, PlanDetail, PlanSummary, ReviewBrief, StratumInfo } from '../api/types-review.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { insertGrant } from '../retrieval/grants.js';
import { RetrievalGrantRepo } from '../storage/repos/retrieval-grant-repo.js';
import { type AssignmentRow, type PlanRow, ReviewPlanRepo } from '../storage/repos/review-plan-repo.js';
import { ReviewRepo } from '../storage/repos/review-repo.js';
import { UserRepo } from '../storage/repos/user-repo.js';
import { type DrawResult, type DrawSize, drawSample } from './draw.js';
import { RULE_IDS } from './rules/index.js';
import { STRATUM_LABELS, stratumOf } from './strata.js';
import { loadTemplate, templateDigest } from './template.js';
import { GRADE_LABELS, type Grade } from '../domain/review-template.js';

/** 评查计划: draw a year's sample of sealed case dossiers (seed recorded), assign, follow progress. */
export interface NewPlan {
  title: string;
  year: number;
  templateId: string;
  size: DrawSize;
  /** The seed to draw with; a fresh random one is made (and recorded) when absent. */
  seed?: string | undefined;
}

export interface PlanDeps {
  archive: Archive;
  resourcesDir: string;
}

export function createPlan(d: PlanDeps, user: UserInfo, p: NewPlan): PlanDetail {
  const { archive } = d;
  if (p.size.mode === 'percent' && (p.size.amount <= 0 || p.size.amount > 100))
    throw new AppError('invalid_input', `a sample of ${p.size.amount}% is not between 0 and 100`, `抽取比例 ${p.size.amount}% 应在 0 到 100 之间`, {
      item: 'amount',
    });
  const template = loadTemplate(d.resourcesDir, p.templateId, RULE_IDS);
  const seed = p.seed?.trim() || randomBytes(16).toString('hex');
  const id = change(archive, user, () => {
    const repo = new ReviewPlanRepo(archive.db);
    const sealed = repo.sealedCases(p.year);
    if (sealed.length === 0)
      throw new AppError('not_found', `no sealed case dossiers with 归档年度 ${p.year} to draw from`, `${p.year} 年度没有已归档的案卷可供抽取`, {
        item: String(p.year),
      });
    const byCase = new Map(sealed.map((s) => [s.caseId, s]));
    const draw: DrawResult = drawSample(
      sealed.map((s) => ({ caseId: s.caseId, caseNo: s.caseNo, stratum: stratumOf(archive.profile, s.procedure, s.kinds ? s.kinds.split(',') : []) })),
      p.size,
      seed,
    );
    if (draw.picked.length === 0)
      throw new AppError('invalid_input', 'the sample is empty; draw a larger percentage or count', '抽取结果为空，请提高比例或数量', { item: 'amount' });
    const now = archive.clock.now().toISOString();
    const { json, sha256 } = templateDigest(template);
    const t = repo.templateRow({ id: template.id, version: template.version, name: template.name, json, sha256, now });
    const planId = repo.insertPlan({
      title: p.title.trim(),
      year: p.year,
      templateRow: t.row,
      mode: p.size.mode,
      amount: p.size.amount,
      seed,
      drawJson: JSON.stringify({ algorithm: draw.algorithm, strata: draw.strata, picked: draw.picked.map((x) => x.caseNo) }),
      now,
      by: user.id,
    });
    for (const x of draw.picked) {
      const s = byCase.get(x.caseId)!;
      repo.insertAssignment({ planId, caseId: x.caseId, dossierId: s.dossierId, versionId: s.versionId, stratum: x.stratum, rank: x.rank });
    }
    const audit: AuditRecord[] = [
      {
        action: 'review.plan.create',
        targetType: 'review_plan',
        targetId: planId,
        detail: { seed, template: `${template.id}@${template.version}`, drawn: draw.picked.length },
        after: {
          title: p.title,
          year: p.year,
          template: `${template.id}@${template.version}`,
          templateSha256: sha256,
          size: p.size,
          seed,
          strata: draw.strata,
          picked: draw.picked.map((x) => x.caseNo),
        },
      },
    ];
    return { value: planId, audit };
  });
  return planDetail(archive, id);
}

export interface AssignItem {
  assignmentId: number;
  inspectorId: number;
}

/** Assigns drawn dossiers to inspectors; each assignment grants the inspector 调阅 of the case's clips until the year's end + 1. */
export function assignPlan(archive: Archive, user: UserInfo, planId: number, items: readonly AssignItem[]): PlanDetail {
  change(archive, user, () => {
    const repo = new ReviewPlanRepo(archive.db);
    const plan = repo.plan(planId);
    if (!plan) throw planNotFound(planId);
    const users = new UserRepo(archive.db);
    const audit: AuditRecord[] = [];
    const now = archive.clock.now();
    for (const it of items) {
      const a = repo.assignment(it.assignmentId);
      if (!a || a.planId !== planId)
        throw new AppError('not_found', `dossier ${it.assignmentId} is not in plan ${planId}`, `评查计划 ${planId} 中没有抽中的案卷 ${it.assignmentId}`, {
          item: String(it.assignmentId),
        });
      const who = users.byId(it.inspectorId);
      if (!who || who.role !== 'inspector')
        throw new AppError(
          'invalid_input',
          `user ${it.inspectorId} is not an inspector (评查员)`,
          `用户 ${who?.displayName ?? it.inspectorId} 不是评查员，不能分配评查任务`,
          { item: String(it.inspectorId) },
        );
      const reviews = new ReviewRepo(archive.db).versions(a.id);
      if (reviews.some((r) => r.status === 'submitted') || (reviews.length > 0 && a.inspectorId !== it.inspectorId))
        throw new AppError(
          'invalid_input',
          `${a.caseNo}: its review has begun; it stays with ${a.inspectorName ?? ''}`,
          `${a.caseNo}：评查已开始，不能改派（评查员 ${a.inspectorName ?? ''}）`,
          { item: a.caseNo },
        );
      let grantId: number | null = null;
      let grantNote: string | null = null;
      const hasClips = repo.caseHasClips(a.caseId);
      // Re-assigned before the review began: the earlier inspector's grant for the case's clips ends
      // with the assignment (revoked, audited); assigned again to the same inspector, it is kept.
      const grants = new RetrievalGrantRepo(archive.db);
      const earlier = a.grantId !== null ? grants.byId(a.grantId) : undefined;
      if (earlier && earlier.revokedAt === null) {
        if (a.inspectorId === it.inspectorId) grantId = earlier.id;
        else {
          const reason = `评查任务改派：${a.caseNo} 改由 ${who.displayName} 评查`;
          grants.revoke(earlier.id, user.id, reason, now.toISOString());
          audit.push({ action: 'retrieval.revoke', targetType: 'retrieval_grant', targetId: earlier.id, detail: { reason, userId: earlier.userId } });
        }
      }
      if (grantId === null && hasClips) {
        const until = new Date(Date.UTC(plan.year + 2, 0, 1)).toISOString();
        const g = insertGrant(archive, user, {
          userId: it.inspectorId,
          scope: { caseId: a.caseId },
          until: until > now.toISOString() ? until : new Date(now.getTime() + 90 * 86_400_000).toISOString(),
          allowCopy: false,
          purpose: 'case-review',
          reason: `案卷评查：${plan.title}（${a.caseNo}）`,
          source: 'review-assignment',
        });
        grantId = g.value;
        audit.push(...g.audit);
      } else if (grantId === null) grantNote = '本案无关联音像记录，无需调阅授权';
      repo.assign(a.id, { inspectorId: it.inspectorId, now: now.toISOString(), by: user.id, grantId, grantNote });
      audit.push({
        action: 'review.assign',
        targetType: 'review_assignment',
        targetId: a.id,
        before: { inspector: a.inspectorName },
        after: { caseNo: a.caseNo, inspector: who.displayName, grantId },
      });
    }
    return { value: null, audit };
  });
  return planDetail(archive, planId);
}

function planNotFound(id: number): AppError {
  return new AppError('not_found', `review plan ${id} not found`, `评查计划 ${id} 不存在`, { item: String(id) });
}

export function reviewBrief(r: {
  id: number;
  versionNo: number;
  status: 'draft' | 'submitted';
  total: number | null;
  grade: string | null;
  submittedAt: string | null;
}): ReviewBrief {
  const g = (r.grade ?? null) as Grade | null;
  return {
    id: r.id,
    versionNo: r.versionNo,
    status: r.status,
    total: r.total,
    grade: g,
    gradeLabel: g ? GRADE_LABELS[g].zh : null,
    submittedAt: r.submittedAt,
  };
}

export function assignmentInfo(archive: Archive, a: AssignmentRow): AssignmentInfo {
  const versions = new ReviewRepo(archive.db).versions(a.id);
  const last = versions[versions.length - 1];
  return {
    id: a.id,
    planId: a.planId,
    planTitle: a.planTitle,
    caseId: a.caseId,
    caseNo: a.caseNo,
    caseTitle: a.caseTitle,
    procedure: a.procedure,
    stratum: a.stratum,
    rank: a.rank,
    dossierId: a.dossierId,
    archiveNo: a.archiveNo,
    inspector: a.inspectorId === null ? null : { id: a.inspectorId, name: a.inspectorName ?? '' },
    assignedAt: a.assignedAt,
    grantId: a.grantId,
    grantNote: a.grantNote,
    review: last ? reviewBrief(last) : null,
  };
}

function summary(archive: Archive, p: PlanRow, assignments: AssignmentInfo[]): PlanSummary {
  const draw = JSON.parse(p.drawJson) as { algorithm: string; strata: { stratum: string; population: number; drawn: number }[] };
  const strata: StratumInfo[] = draw.strata.map((s) => ({ ...s, label: STRATUM_LABELS[s.stratum] ?? s.stratum }));
  void archive;
  return {
    id: p.id,
    title: p.title,
    year: p.year,
    template: { id: p.templateId, version: p.templateVersion, name: p.templateName },
    mode: p.mode,
    amount: p.amount,
    seed: p.seed,
    algorithm: draw.algorithm,
    strata,
    createdAt: p.createdAt,
    createdBy: p.createdBy,
    progress: {
      drawn: assignments.length,
      assigned: assignments.filter((a) => a.inspector).length,
      submitted: assignments.filter((a) => a.review?.status === 'submitted' || (a.review && a.review.versionNo > 1)).length,
    },
  };
}

export function planDetail(archive: Archive, planId: number): PlanDetail {
  const repo = new ReviewPlanRepo(archive.db);
  const p = repo.plan(planId);
  if (!p) throw planNotFound(planId);
  const assignments = repo.assignments(planId).map((a) => assignmentInfo(archive, a));
  return { ...summary(archive, p, assignments), assignments };
}

export function listPlans(archive: Archive): PlanSummary[] {
  const repo = new ReviewPlanRepo(archive.db);
  return repo.plans().map((p) =>
    summary(
      archive,
      p,
      repo.assignments(p.id).map((a) => assignmentInfo(archive, a)),
    ),
  );
}

export function myAssignments(archive: Archive, user: UserInfo): AssignmentInfo[] {
  return new ReviewPlanRepo(archive.db).ofInspector(user.id).map((a) => assignmentInfo(archive, a));
}

export function caseAssignments(archive: Archive, caseId: number): AssignmentInfo[] {
  return new ReviewPlanRepo(archive.db).ofCase(caseId).map((a) => assignmentInfo(archive, a));
}
