import type { OpInput, OpName, OpOutput } from '../api/contract.js';
import type { AppCore } from '../app-core.js';

/**
 * 案卷评查 in the demo: 领导 draws a plan over every sealed dossier of the year (county score sheet,
 * a fixed seed so the draw is the same each time), assigns them all to 评查员; the inspector opens
 * each (the automatic findings become proposals) and submits the one with the fewest — proposals
 * accepted at the item's lowest deduction, plus one finding of their own pinned to page 2. The others
 * stay in review with their automatic findings.
 */
export async function addDemoReview(
  core: Pick<AppCore, 'invoke'>,
  password: string,
  log: (line: string) => void,
): Promise<{ planId: number; submitted: string | null; findings: Record<string, number> } | null> {
  let token: string | undefined;
  const call = async <N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
    const r = await core.invoke(name, input, { transport: 'direct', ...(token ? { sessionToken: token } : {}) });
    if (!r.ok) throw new Error(`${name}: ${r.error.message} / ${r.error.messageZh}`);
    return r.value as OpOutput<N>;
  };
  token = (await call('auth.login', { username: 'lingdao', password })).token;
  const sealed = await call('dossier.sealedSummaries', {});
  if (sealed.length === 0) return null;
  const year = Number(sealed[0]!.archiveNo.slice(0, 4)) || new Date().getFullYear();
  const plan = await call('review.plan.create', {
    title: `${year}年度行政执法案卷评查`,
    year,
    templateId: 'county-comprehensive',
    mode: 'percent',
    amount: 100,
    seed: 'demo-2024',
  });
  const inspector = (await call('review.inspectors', {})).find((u) => u.username === 'pingcha');
  if (!inspector) return { planId: plan.id, submitted: null, findings: {} };
  await call('review.plan.assign', { planId: plan.id, items: plan.assignments.map((a) => ({ assignmentId: a.id, inspectorId: inspector.id })) });
  log(`评查计划 ${plan.title}：抽取 ${plan.assignments.length} 件（种子 ${plan.seed}），分配给 ${inspector.name}`);
  token = (await call('auth.login', { username: 'pingcha', password })).token;
  const findings: Record<string, number> = {};
  const opened = [];
  for (const a of plan.assignments) {
    const v = await call('review.open', { assignmentId: a.id });
    findings[a.caseNo] = v.findings.length;
    opened.push(v);
    log(`  评查 ${a.caseNo}：自动检查意见 ${v.findings.length} 条`);
  }
  // The one submitted is the dossier with the fewest automatic findings, so those with more stay in review to show.
  let v = opened.reduce<(typeof opened)[number] | undefined>((best, x) => (!best || x.findings.length < best.findings.length ? x : best), undefined);
  if (!v) return { planId: plan.id, submitted: null, findings };
  for (const f of v.findings.filter((x) => x.decision === 'proposed'))
    v = await call('review.decide', { findingId: f.id, decision: 'accepted', points: f.veto ? 0 : f.range.min });
  v = await call('review.addFinding', {
    reviewId: v.id,
    itemId: 'lj.forms',
    points: 0.5,
    title: '文书填写不规范：落款日期书写不全',
    comment: '演示：评查员自行发现的问题',
    place: { kind: 'document', page: 2 },
  });
  v = await call('review.submit', { reviewId: v.id });
  const submitted = v.assignment.caseNo;
  log(`  已提交 ${submitted}：${v.sheet.total} 分，${v.sheet.gradeLabel}`);
  return { planId: plan.id, submitted, findings };
}
