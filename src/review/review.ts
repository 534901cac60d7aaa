import { createHash } from 'node:crypto';
import { AppError } from '../api/errors.js';
import type { ReviewFindingInfo, ReviewPlace, ReviewView } from '../api/types-review.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { ReviewPlanRepo, type AssignmentRow } from '../storage/repos/review-plan-repo.js';
import { type FindingRow, type NewFinding, ReviewRepo, type ReviewRow } from '../storage/repos/review-repo.js';
import { boundPages, firstPageOf, lastNumbers, pageAt } from './bound-pages.js';
import { checkCase } from './check-case.js';
import type { Finding } from '../domain/review-finding.js';
import { assignmentInfo, reviewBrief } from './plan.js';
import { findItem, itemForRule, scoreSheet } from '../domain/review-score.js';
import type { ReviewTemplate } from '../domain/review-template.js';

/**
 * One inspector's review of one drawn dossier: a draft pre-filled with the automatic findings as
 * proposals on the template's items; the inspector accepts or rejects each and adds their own, each
 * pinned to a page as bound or a clip second; submitting seals it (scored, digested, audited). A
 * correction is a new draft version carrying the findings over.
 */
export interface ReviewDeps {
  archive: Archive;
  resourcesDir: string;
}

const notFound = (what: string, id: number | string) =>
  new AppError('not_found', `${what} ${id} not found`, `${what === 'review' ? '评查记录' : '评查意见'} ${id} 不存在`, { item: String(id) });

function assignmentOf(archive: Archive, id: number): AssignmentRow {
  const a = new ReviewPlanRepo(archive.db).assignment(id);
  if (!a) throw new AppError('not_found', `review assignment ${id} not found`, `评查任务 ${id} 不存在`, { item: String(id) });
  return a;
}

function templateOf(archive: Archive, a: AssignmentRow): ReviewTemplate {
  const p = new ReviewPlanRepo(archive.db);
  const plan = p.plan(a.planId)!;
  return JSON.parse(p.templateJson(plan.templateRow) ?? '{}') as ReviewTemplate;
}

function assertAssigned(a: AssignmentRow, user: UserInfo): void {
  if (user.role !== 'inspector' || a.inspectorId !== user.id)
    throw new AppError('forbidden', `${a.caseNo} is not assigned to you`, `案卷 ${a.caseNo} 未分配给您评查，只有被分配的评查员可以操作`, { item: a.caseNo });
}

function draftOf(archive: Archive, user: UserInfo, reviewId: number): { r: ReviewRow; a: AssignmentRow } {
  const r = new ReviewRepo(archive.db).byId(reviewId);
  if (!r) throw notFound('review', reviewId);
  const a = assignmentOf(archive, r.assignmentId);
  assertAssigned(a, user);
  if (r.status !== 'draft')
    throw new AppError(
      'sealed',
      `review ${reviewId} of ${a.caseNo} is submitted and sealed; open a correction to change it`,
      `${a.caseNo} 的评查结果已提交封存，不能修改；如需更正请新建更正版本`,
      {
        item: a.caseNo,
      },
    );
  return { r, a };
}

/** Proposals from the automatic checks, one per finding (place: its first document page, clip second or the case). */
export function proposalsFrom(t: ReviewTemplate, findings: readonly Finding[], pages: ReturnType<typeof boundPages>): NewFinding[] {
  const out: NewFinding[] = [];
  for (const f of findings) {
    const item = itemForRule(t, f.ruleId);
    if (!item) continue;
    const place = f.places[0] ?? { kind: 'case' as const };
    const base = {
      source: 'auto' as const,
      ruleId: f.ruleId,
      itemId: item.itemId,
      decision: 'proposed' as const,
      points: item.points,
      title: f.titleZh,
      comment: null,
      autoJson: JSON.stringify({ outcome: f.outcome, category: f.category, detail: f.detail, detailZh: f.detailZh, basis: f.basis, title: f.title }),
    };
    if (place.kind === 'document') {
      const at = firstPageOf(pages, place.documentId, place.page) ?? firstPageOf(pages, place.documentId, null);
      out.push({
        ...base,
        placeKind: 'document',
        documentId: place.documentId,
        volume: at?.volume ?? 1,
        page: at?.page ?? place.page,
        clipId: null,
        second: null,
      });
    } else if (place.kind === 'clip') {
      out.push({ ...base, placeKind: 'clip', documentId: null, volume: null, page: null, clipId: place.clipId, second: place.second });
    } else out.push({ ...base, placeKind: 'case', documentId: null, volume: null, page: null, clipId: null, second: null });
  }
  return out;
}

/** Opens the assigned inspector's review of an assignment: the latest version, or a new draft with the automatic proposals. */
export function openReview(d: ReviewDeps, user: UserInfo, assignmentId: number): ReviewView {
  const { archive } = d;
  const a = assignmentOf(archive, assignmentId);
  const existing = new ReviewRepo(archive.db).versions(a.id);
  const last = existing[existing.length - 1];
  if (last) return reviewView(archive, last.id);
  assertAssigned(a, user);
  const t = templateOf(archive, a);
  const report = checkCase(archive, a.caseId, { resourcesDir: d.resourcesDir, now: archive.clock.now() });
  const pages = boundPages(archive, a.dossierVersionId);
  const id = change(archive, user, () => {
    const repo = new ReviewRepo(archive.db);
    if (repo.versions(a.id).length) throw new AppError('duplicate', `${a.caseNo}: the review is already open`, `${a.caseNo}：评查已开始`, { item: a.caseNo });
    const now = archive.clock.now().toISOString();
    const rid = repo.insert({ assignmentId: a.id, versionNo: 1, supersedesId: null, reason: null, inspectorId: user.id, now });
    const proposals = proposalsFrom(t, report.findings, pages);
    for (const p of proposals) repo.insertFinding(rid, p, user.id, now);
    return {
      value: rid,
      audit: [
        {
          action: 'review.open',
          targetType: 'review',
          targetId: rid,
          after: { caseNo: a.caseNo, template: `${t.id}@${t.version}`, checked: report.checked, proposals: proposals.length },
        },
      ],
    };
  });
  return reviewView(archive, id);
}

export interface Decision {
  findingId: number;
  decision: 'accepted' | 'rejected';
  points?: number | undefined;
  itemId?: string | undefined;
  comment?: string | null | undefined;
}

function checkPoints(t: ReviewTemplate, itemId: string, points: number): { veto: boolean; title: string } {
  const item = findItem(t, itemId);
  if (!item)
    throw new AppError('invalid_input', `item "${itemId}" is not on the score sheet ${t.id}`, `评查标准 ${t.name} 中没有评查项“${itemId}”`, { item: 'itemId' });
  if (item.kind === 'veto') {
    if (points !== 0)
      throw new AppError('invalid_input', `"${item.title}" is a veto item: it has no points`, `“${item.title}”是否决项，不扣分（一经认定即为不合格卷）`, {
        item: 'points',
      });
    return { veto: true, title: item.title };
  }
  if (points < item.min - 1e-9 || points > item.max + 1e-9)
    throw new AppError(
      'invalid_input',
      `"${item.title}" deducts ${item.min}–${item.max} points per finding, not ${points}`,
      `“${item.title}”每处扣 ${item.min}–${item.max} 分，不能扣 ${points} 分`,
      { item: 'points' },
    );
  return { veto: false, title: item.title };
}

export function decideFinding(archive: Archive, user: UserInfo, dec: Decision): ReviewView {
  const f = new ReviewRepo(archive.db).finding(dec.findingId);
  if (!f) throw notFound('finding', dec.findingId);
  const { r, a } = draftOf(archive, user, f.reviewId);
  const t = templateOf(archive, a);
  const itemId = dec.itemId ?? f.itemId;
  const points = dec.decision === 'rejected' ? f.points : (dec.points ?? f.points);
  if (dec.decision === 'accepted') checkPoints(t, itemId, points);
  else if (!dec.comment?.trim()) throw new AppError('invalid_input', 'say why the proposal is rejected', '驳回自动检查意见须说明理由', { item: 'comment' });
  change(archive, user, () => {
    new ReviewRepo(archive.db).decide(f.id, { decision: dec.decision, points, comment: dec.comment?.trim() || f.comment, itemId });
    return {
      value: null,
      audit: [
        {
          action: `review.finding.${dec.decision === 'accepted' ? 'accept' : 'reject'}`,
          targetType: 'review',
          targetId: r.id,
          before: { decision: f.decision, points: f.points, itemId: f.itemId },
          after: { finding: f.seq, decision: dec.decision, points, itemId, comment: dec.comment ?? null },
        },
      ],
    };
  });
  return reviewView(archive, r.id);
}

export type PlaceInput = { kind: 'document'; page: number; volume?: number | undefined } | { kind: 'clip'; clipId: number; second: number } | { kind: 'case' };

export interface OwnFinding {
  reviewId: number;
  itemId: string;
  points: number;
  title: string;
  comment?: string | null | undefined;
  place: PlaceInput;
}

/** The inspector's own finding, pinned to a page that exists in the bound dossier, or a clip second within the clip. */
export function addFinding(archive: Archive, user: UserInfo, f: OwnFinding): ReviewView {
  const { r, a } = draftOf(archive, user, f.reviewId);
  const t = templateOf(archive, a);
  checkPoints(t, f.itemId, f.points);
  const place = resolvePlace(archive, a, f.place);
  change(archive, user, () => {
    const now = archive.clock.now().toISOString();
    const id = new ReviewRepo(archive.db).insertFinding(
      r.id,
      {
        source: 'own',
        ruleId: null,
        itemId: f.itemId,
        decision: 'accepted',
        points: f.points,
        title: f.title.trim(),
        comment: f.comment?.trim() || null,
        autoJson: null,
        ...place,
      },
      user.id,
      now,
    );
    return {
      value: id,
      audit: [
        {
          action: 'review.finding.add',
          targetType: 'review',
          targetId: r.id,
          after: { finding: id, itemId: f.itemId, points: f.points, title: f.title, place: f.place },
        },
      ],
    };
  });
  return reviewView(archive, r.id);
}

function resolvePlace(
  archive: Archive,
  a: AssignmentRow,
  p: PlaceInput,
): Pick<NewFinding, 'placeKind' | 'documentId' | 'volume' | 'page' | 'clipId' | 'second'> {
  const none = { documentId: null, volume: null, page: null, clipId: null, second: null };
  if (p.kind === 'case') return { ...none, placeKind: 'case' };
  if (p.kind === 'document') {
    const pages = boundPages(archive, a.dossierVersionId);
    const volume = p.volume ?? 1;
    const at = pageAt(pages, volume, p.page);
    if (!at)
      throw new AppError(
        'invalid_input',
        `${a.caseNo}: the dossier has no page ${p.page} in volume ${volume} (pages as bound: ${lastNumbers(pages)})`,
        `${a.caseNo}：案卷第 ${volume} 卷没有第 ${p.page} 页（装订页码：${lastNumbers(pages)}）`,
        { item: 'page' },
      );
    return { ...none, placeKind: 'document', volume, page: p.page, documentId: at.kind === 'document' ? at.document.documentId : null };
  }
  const clip = new ReviewPlanRepo(archive.db).caseClip(a.caseId, p.clipId);
  if (!clip)
    throw new AppError('invalid_input', `clip ${p.clipId} is not linked to ${a.caseNo}`, `音像记录 ${p.clipId} 未关联到案件 ${a.caseNo}`, { item: 'clipId' });
  if (clip.durationSec !== null && p.second > clip.durationSec)
    throw new AppError(
      'invalid_input',
      `${clip.fileName} is ${clip.durationSec} s long; there is no second ${p.second}`,
      `${clip.fileName} 时长 ${clip.durationSec} 秒，没有第 ${p.second} 秒`,
      { item: 'second' },
    );
  return { ...none, placeKind: 'clip', clipId: p.clipId, second: p.second };
}

export function removeFinding(archive: Archive, user: UserInfo, findingId: number): ReviewView {
  const f = new ReviewRepo(archive.db).finding(findingId);
  if (!f) throw notFound('finding', findingId);
  const { r } = draftOf(archive, user, f.reviewId);
  if (f.source !== 'own')
    throw new AppError('invalid_input', 'a proposal from the automatic checks is rejected, not removed', '自动检查意见只能驳回（说明理由），不能删除', {
      item: String(findingId),
    });
  change(archive, user, () => {
    new ReviewRepo(archive.db).removeFinding(f.id);
    return {
      value: null,
      audit: [{ action: 'review.finding.remove', targetType: 'review', targetId: r.id, before: { finding: f.seq, title: f.title, points: f.points } }],
    };
  });
  return reviewView(archive, r.id);
}

/** Submits: every proposal decided, then scored and sealed. Only the assigned inspector, only once. */
export function submitReview(archive: Archive, user: UserInfo, reviewId: number): ReviewView {
  const existing = new ReviewRepo(archive.db).byId(reviewId);
  if (!existing) throw notFound('review', reviewId);
  const a0 = assignmentOf(archive, existing.assignmentId);
  assertAssigned(a0, user);
  if (existing.status === 'submitted')
    throw new AppError(
      'duplicate',
      `${a0.caseNo}: review version ${existing.versionNo} was already submitted on ${existing.submittedAt ?? ''}`,
      `${a0.caseNo} 的评查结果（第 ${existing.versionNo} 版）已于 ${existing.submittedAt ?? ''} 提交，不能重复提交`,
      {
        item: a0.caseNo,
      },
    );
  const { r, a } = draftOf(archive, user, reviewId);
  const view = reviewView(archive, r.id);
  if (view.sheet.open > 0)
    throw new AppError(
      'invalid_input',
      `${a.caseNo}: ${view.sheet.open} proposal(s) are neither accepted nor rejected`,
      `${a.caseNo}：还有 ${view.sheet.open} 条自动检查意见未确认或驳回`,
      { item: a.caseNo },
    );
  change(archive, user, () => {
    const sheetJson = JSON.stringify({ sheet: view.sheet, findings: view.findings.map(({ answers: _a, ...f }) => f) });
    const sheetSha256 = createHash('sha256').update(sheetJson).digest('hex');
    const ok = new ReviewRepo(archive.db).submit(r.id, {
      now: archive.clock.now().toISOString(),
      total: view.sheet.total,
      grade: view.sheet.grade,
      vetoed: view.sheet.vetoed,
      sheetJson,
      sheetSha256,
    });
    if (!ok) throw new AppError('duplicate', `${a.caseNo}: already submitted`, `${a.caseNo} 的评查结果已提交，不能重复提交`, { item: a.caseNo });
    return {
      value: null,
      audit: [
        {
          action: 'review.submit',
          targetType: 'review',
          targetId: r.id,
          after: { caseNo: a.caseNo, version: r.versionNo, total: view.sheet.total, grade: view.sheet.grade, vetoed: view.sheet.vetoed, sheetSha256 },
        },
      ],
    };
  });
  return reviewView(archive, r.id);
}

/** A correction of a submitted review: a new draft version with the same findings, pointing at the old one. */
export function correctReview(archive: Archive, user: UserInfo, reviewId: number, reason: string): ReviewView {
  const repo = new ReviewRepo(archive.db);
  const old = repo.byId(reviewId);
  if (!old) throw notFound('review', reviewId);
  const a = assignmentOf(archive, old.assignmentId);
  assertAssigned(a, user);
  const versions = repo.versions(a.id);
  if (versions[versions.length - 1]?.id !== old.id || old.status !== 'submitted')
    throw new AppError('invalid_input', `${a.caseNo}: only the latest submitted version is corrected`, `${a.caseNo}：只能更正最新一版已提交的评查结果`, {
      item: a.caseNo,
    });
  const id = change(archive, user, () => {
    const now = archive.clock.now().toISOString();
    const rid = repo.insert({ assignmentId: a.id, versionNo: old.versionNo + 1, supersedesId: old.id, reason: reason.trim(), inspectorId: user.id, now });
    for (const f of repo.findings(old.id)) {
      const { id: _i, reviewId: _r, seq: _s, createdAt: _c, createdBy: _b, ...rest } = f;
      repo.insertFinding(rid, rest, user.id, now);
    }
    const audit: AuditRecord[] = [
      {
        action: 'review.correct',
        targetType: 'review',
        targetId: rid,
        before: { review: old.id, version: old.versionNo },
        after: { version: old.versionNo + 1, reason },
      },
    ];
    return { value: rid, audit };
  });
  return reviewView(archive, id);
}

function placeOf(f: FindingRow, fileName: (clipId: number) => string | null): ReviewPlace {
  if (f.placeKind === 'document') return { kind: 'document', documentId: f.documentId, title: '', volume: f.volume ?? 1, page: f.page };
  if (f.placeKind === 'clip') return { kind: 'clip', clipId: f.clipId ?? 0, second: f.second ?? 0, fileName: fileName(f.clipId ?? 0) };
  return { kind: 'case' };
}

export function reviewView(archive: Archive, reviewId: number): ReviewView {
  const repo = new ReviewRepo(archive.db);
  const r = repo.byId(reviewId);
  if (!r) throw notFound('review', reviewId);
  const a = assignmentOf(archive, r.assignmentId);
  const t = templateOf(archive, a);
  const rows = repo.findings(r.id);
  const answers = repo.answers(rows.map((f) => f.id));
  const plans = new ReviewPlanRepo(archive.db);
  const docTitles = new Map<number, string>();
  const pages = boundPages(archive, a.dossierVersionId);
  for (const v of pages.volumes) for (const p of v.pages) if (p.kind === 'document') docTitles.set(p.document.documentId, p.document.title);
  const findings: ReviewFindingInfo[] = rows.map((f) => {
    const item = findItem(t, f.itemId);
    const auto = f.autoJson ? (JSON.parse(f.autoJson) as NonNullable<ReviewFindingInfo['auto']>) : null;
    const place = placeOf(f, (id) => plans.caseClip(a.caseId, id)?.fileName ?? null);
    if (place.kind === 'document' && place.documentId !== null) place.title = docTitles.get(place.documentId) ?? '';
    return {
      id: f.id,
      seq: f.seq,
      source: f.source,
      ruleId: f.ruleId,
      itemId: f.itemId,
      itemTitle: item?.title ?? f.itemId,
      veto: item?.kind === 'veto',
      decision: f.decision,
      points: f.points,
      range: item?.kind === 'item' ? { min: item.min, max: item.max } : { min: 0, max: 0 },
      title: f.title,
      comment: f.comment,
      place,
      auto: auto ? { outcome: auto.outcome, category: auto.category, detail: auto.detail, detailZh: auto.detailZh, basis: auto.basis } : null,
      createdBy: f.createdBy,
      answers: answers.filter((x) => x.findingId === f.id).map(({ findingId: _f, ...x }) => x),
    };
  });
  const sheet = scoreSheet(t, findings);
  return {
    id: r.id,
    versionNo: r.versionNo,
    status: r.status,
    supersedesId: r.supersedesId,
    correctionReason: r.correctionReason,
    inspector: r.inspectorName,
    openedAt: r.openedAt,
    submittedAt: r.submittedAt,
    assignment: assignmentInfo(archive, a),
    template: t,
    findings,
    sheet,
    versions: repo.versions(a.id).map(reviewBrief),
  };
}

/** The latest review of an assignment, or null when none was opened. */
export function latestReview(archive: Archive, assignmentId: number): ReviewView | null {
  const v = new ReviewRepo(archive.db).versions(assignmentId);
  const last = v[v.length - 1];
  return last ? reviewView(archive, last.id) : null;
}

export function latestOrThrow(archive: Archive, assignmentId: number): ReviewView {
  const v = latestReview(archive, assignmentId);
  if (v) return v;
  const a = assignmentOf(archive, assignmentId);
  throw new AppError('not_found', `${a.caseNo} has not been reviewed yet`, `案卷 ${a.caseNo} 尚未开始评查`, { item: a.caseNo });
}
