import path from 'node:path';
import type { AssignmentInfo, PlanDetail, ReviewView } from '../../api/types-review.js';
import { type CliSession, openSession, signIn } from '../cli-session.js';
import { fail, printJson, table } from '../output.js';
import type { Command } from './command.js';
import { REVIEW_CHECK_USAGE, runReviewCheck } from './review-check.js';

/** `review plan create|assign|list`, `review submit`, `review report`, `review summary` (案卷评查). */
export const reviewCommand: Command = {
  name: 'review',
  usage:
    REVIEW_CHECK_USAGE +
    ' | review plan create --archive DIR --year YYYY --template ID (--percent N | --count N) [--seed TEXT] [--title 标题] | review plan assign --archive DIR --plan ID --inspector 用户名 [--case 案号 …] | review plan list --archive DIR | review submit --archive DIR --case 案号 [--plan ID] [--accept-proposals | --reject-proposals REASON] | review report --archive DIR --case 案号 [--plan ID] --pdf FILE | review summary --archive DIR --plan ID --pdf FILE',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    year: { type: 'string' },
    template: { type: 'string' },
    percent: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string' },
    title: { type: 'string' },
    plan: { type: 'string' },
    inspector: { type: 'string' },
    case: { type: 'string', multiple: true },
    pdf: { type: 'string' },
    'accept-proposals': { type: 'boolean' },
    'reject-proposals': { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [sub, sub2] = positionals;
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      if (sub === 'check') return runReviewCheck(s, values, json);
      if (sub === 'plan' && sub2 === 'create') return printPlan(await createPlan(s, values), json);
      if (sub === 'plan' && sub2 === 'assign') return printPlan(await assignPlan(s, values), json);
      if (sub === 'plan' && sub2 === 'list') {
        const plans = await s.call('review.plan.list', {});
        if (json) return printJson(plans);
        process.stdout.write(
          table(
            ['ID', '计划', '年度', '评查标准', '种子', '抽取', '已分配', '已提交'],
            plans.map((p) => [
              p.id,
              p.title,
              p.year,
              `${p.template.id}@${p.template.version}`,
              p.seed,
              p.progress.drawn,
              p.progress.assigned,
              p.progress.submitted,
            ]),
          ) + '\n',
        );
        return;
      }
      if (sub === 'submit') return printReview(await submit(s, values), json);
      if (sub === 'report') {
        const a = await assignmentOf(s, values);
        const r = await s.call('review.report', { assignmentId: a.id, out: pdfPath(values) });
        if (json) return printJson(r);
        process.stdout.write(`已生成评查报告 Report written: ${r.path} (${r.pages} 页, sha256 ${r.sha256})\n`);
        return;
      }
      if (sub === 'summary') {
        const r = await s.call('review.summary', { planId: planId(values), out: pdfPath(values) });
        if (json) return printJson(r);
        process.stdout.write(`已生成评查通报 Summary written: ${r.path} (${r.pages} 页, sha256 ${r.sha256})\n`);
        return;
      }
      fail(`unknown sub-command "review ${positionals.join(' ')}"`, `未知子命令 review ${positionals.join(' ')}`);
    } finally {
      s.core.close();
    }
  },
};

type Values = Record<string, string | boolean | string[] | undefined>;

function num(v: Values, key: string, zh: string): number {
  const n = Number(v[key]);
  if (v[key] === undefined || !Number.isFinite(n)) fail(`--${key} needs a number`, `--${key} 需要填写${zh}（数字）`);
  return n;
}

function planId(v: Values): number {
  return num(v, 'plan', '评查计划编号');
}

function pdfPath(v: Values): string {
  if (typeof v.pdf !== 'string' || !v.pdf) fail('--pdf FILE is required', '必须用 --pdf 指定报告文件');
  return path.resolve(v.pdf);
}

function cases(v: Values): string[] {
  return Array.isArray(v.case) ? v.case : [];
}

async function createPlan(s: CliSession, v: Values): Promise<PlanDetail> {
  if (!v.template) fail('--template ID is required (see resources/review-templates)', '必须用 --template 指定评查标准');
  if ((v.percent === undefined) === (v.count === undefined))
    fail('give exactly one of --percent N or --count N', '请用 --percent 或 --count 之一指定抽取比例或数量');
  const year = num(v, 'year', '年度');
  const mode = v.percent !== undefined ? ('percent' as const) : ('count' as const);
  const amount = num(v, mode, mode === 'percent' ? '抽取比例' : '抽取数量');
  return s.call('review.plan.create', {
    title: typeof v.title === 'string' ? v.title : `${year}年度案卷评查`,
    year,
    templateId: String(v.template),
    mode,
    amount,
    ...(typeof v.seed === 'string' ? { seed: v.seed } : {}),
  });
}

async function assignPlan(s: CliSession, v: Values): Promise<PlanDetail> {
  const id = planId(v);
  if (typeof v.inspector !== 'string') fail('--inspector USERNAME is required', '必须用 --inspector 指定评查员用户名');
  const users = await s.call('review.inspectors', {});
  const inspector = users.find((u) => u.username === v.inspector) ?? users.find((u) => u.name === v.inspector);
  if (!inspector) fail(`${String(v.inspector)} is not an inspector (评查员)`, `${String(v.inspector)} 不是评查员`);
  const plan = await s.call('review.plan.get', { planId: id });
  const want = cases(v);
  const chosen = want.length ? plan.assignments.filter((a) => want.includes(a.caseNo)) : plan.assignments.filter((a) => !a.inspector);
  for (const c of want)
    if (!plan.assignments.some((a) => a.caseNo === c)) fail(`${c} was not drawn in plan ${id}`, `评查计划 ${id} 没有抽中案卷 ${c}`, 'not_found');
  if (chosen.length === 0) fail('nothing left to assign in this plan', '该计划没有待分配的案卷');
  return s.call('review.plan.assign', { planId: id, items: chosen.map((a) => ({ assignmentId: a.id, inspectorId: inspector.id })) });
}

async function assignmentOf(s: CliSession, v: Values): Promise<AssignmentInfo> {
  const caseNo = cases(v)[0];
  if (!caseNo) fail('--case 案号 is required', '必须用 --case 指定案号');
  const c = await s.call('case.get', { caseNo });
  const list = await s.call('review.ofCase', { caseId: c.id });
  const a = v.plan !== undefined ? list.find((x) => x.planId === planId(v)) : list[0];
  if (!a) fail(`${caseNo} is in no review plan${v.plan !== undefined ? ` ${String(v.plan)}` : ''}`, `案卷 ${caseNo} 未被抽入评查计划`, 'not_found');
  return a;
}

async function submit(s: CliSession, v: Values): Promise<ReviewView> {
  const a = await assignmentOf(s, v);
  let view = await s.call('review.open', { assignmentId: a.id });
  const reject = v['reject-proposals'];
  for (const f of view.findings.filter((x) => x.decision === 'proposed')) {
    if (v['accept-proposals']) view = await s.call('review.decide', { findingId: f.id, decision: 'accepted', points: f.points });
    else if (typeof reject === 'string') view = await s.call('review.decide', { findingId: f.id, decision: 'rejected', comment: reject });
  }
  return s.call('review.submit', { reviewId: view.id });
}

function printPlan(p: PlanDetail, json: boolean): void {
  if (json) return printJson(p);
  process.stdout.write(
    `评查计划 Plan ${p.id}: ${p.title}（${p.year} 年度，${p.template.id}@${p.template.version}）种子 seed ${p.seed}\n` +
      table(
        ['序', '案号', '类别', '评查员', '状态'],
        p.assignments.map((a) => [a.rank, a.caseNo, a.stratum, a.inspector?.name ?? '未分配', a.review ? `${a.review.status} ${a.review.total ?? ''}` : '']),
      ) +
      '\n',
  );
}

function printReview(r: ReviewView, json: boolean): void {
  if (json) return printJson(r);
  process.stdout.write(`已提交 Submitted: ${r.assignment.caseNo} 总分 ${r.sheet.total} ${r.sheet.gradeLabel}（第 ${r.versionNo} 版）\n`);
}
