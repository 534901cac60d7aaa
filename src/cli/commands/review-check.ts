import type { CheckReport, FindingPlace } from '../../domain/review-finding.js';
import { CATEGORY_LABELS } from '../../domain/review-finding.js';
import type { CliSession } from '../cli-session.js';
import { fail, printJson } from '../output.js';

/**
 * `juanzong review check --archive DIR --case 案号 [--json]`: the automatic findings for one case
 * (operation review.check), each with its statute article and place. Part of the `review` command
 * (src/cli/commands/review.ts dispatches `review check` here).
 */
export const REVIEW_CHECK_USAGE = 'review check --archive DIR --case 案号 [--json]';

type Values = Record<string, string | boolean | string[] | undefined>;

function placeText(p: FindingPlace): string {
  if (p.kind === 'document') return `${p.title}${p.page !== null ? ` 第${p.page}页` : '（未编页）'}`;
  if (p.kind === 'clip') return `${p.fileName} ${p.second}秒`;
  return '全案';
}

export function formatCheckReport(r: CheckReport): string {
  const lines = [
    `${r.caseNo}：检查 ${r.checked.length} 项规则，发现 ${r.findings.filter((f) => f.outcome === 'fail').length} 项问题、${r.findings.filter((f) => f.outcome === 'undecided').length} 项无法判断`,
  ];
  for (const f of r.findings) {
    const mark = f.outcome === 'fail' ? '✗ 问题' : '? 无法判断';
    const basis = f.basis ? `《${f.basis.law}》${f.basis.article}` : '';
    lines.push(`${mark} [${CATEGORY_LABELS[f.category].zh}] ${f.titleZh}${basis ? ` — ${basis}` : ''}`);
    lines.push(`    ${f.detailZh}`);
    lines.push(`    位置：${f.places.map(placeText).join('；')}`);
  }
  if (!r.findings.length) lines.push('未发现问题 No findings');
  return lines.join('\n') + '\n';
}

export async function runReviewCheck(s: CliSession, values: Values, json: boolean): Promise<void> {
  const raw = values.case;
  const caseNo = Array.isArray(raw) ? raw[0] : typeof raw === 'string' ? raw : undefined;
  if (!caseNo) fail('review check needs --case 案号', 'review check 需要用 --case 指定案号');
  const r = await s.call('review.check', { caseNo });
  if (json) return printJson(r);
  process.stdout.write(formatCheckReport(r));
}
