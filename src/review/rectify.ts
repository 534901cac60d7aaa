import { AppError } from '../api/errors.js';
import type { ReviewView } from '../api/types-review.js';
import type { UserInfo } from '../api/types.js';
import type { Archive } from '../archive/archive.js';
import { change } from '../archive/audited-change.js';
import { ReviewRepo } from '../storage/repos/review-repo.js';
import { reviewView } from './review.js';

/** 整改: the archivist answers a finding of a submitted review (mended, or explained). Append-only, audited. */
export function answerFinding(archive: Archive, user: UserInfo, a: { findingId: number; status: 'mended' | 'explained'; answer: string }): ReviewView {
  const repo = new ReviewRepo(archive.db);
  const f = repo.finding(a.findingId);
  if (!f) throw new AppError('not_found', `finding ${a.findingId} not found`, `评查意见 ${a.findingId} 不存在`, { item: String(a.findingId) });
  const r = repo.byId(f.reviewId)!;
  if (r.status !== 'submitted')
    throw new AppError('invalid_input', 'only findings of a submitted review are answered', '评查结果提交后才能对评查意见作整改答复', {
      item: String(a.findingId),
    });
  if (f.decision !== 'accepted')
    throw new AppError('invalid_input', 'a rejected proposal needs no answer', '已驳回的意见无需整改答复', { item: String(a.findingId) });
  const answer = a.answer.trim();
  if (answer.length < 2) throw new AppError('invalid_input', 'write the answer', '请填写整改情况', { item: 'answer' });
  change(archive, user, () => {
    const id = repo.insertAnswer({ findingId: f.id, status: a.status, answer, by: user.id, now: archive.clock.now().toISOString() });
    return { value: id, audit: [{ action: 'review.answer', targetType: 'review', targetId: r.id, after: { finding: f.seq, status: a.status, answer } }] };
  });
  return reviewView(archive, r.id);
}
