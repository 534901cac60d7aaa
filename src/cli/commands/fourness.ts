import path from 'node:path';
import { FOURNESS_OUTCOME_ZH, FOURNESS_STAGE_ZH, type FournessReport } from '../../api/types-fourness.js';
import { checkPackage } from '../../fourness/check-package.js';
import { openSession, signIn } from '../cli-session.js';
import { CliError, fail, printJson } from '../output.js';
import type { Command } from './command.js';

/** The report as lines: one per item (code, name, result, reason or first evidence), then the verdict. */
function printReport(r: FournessReport): void {
  const out = process.stdout;
  out.write(`四性检测 ${FOURNESS_STAGE_ZH[r.stage]}：${r.target.label}\n`);
  for (const x of r.rows) {
    const mark = x.outcome === 'pass' ? '✓' : x.outcome === 'fail' ? '✗' : '–';
    const note = x.outcome === 'pass' ? (x.evidence[0] ?? '') : (x.reason ?? '');
    out.write(`  ${mark} ${(x.code ?? '').padEnd(4)} ${x.name} ${FOURNESS_OUTCOME_ZH[x.outcome]}${note ? `：${note}` : ''}\n`);
  }
  out.write(`${r.passed ? '通过 Passed' : '未通过 Failed'}: 通过 ${r.counts.pass}，未通过 ${r.counts.fail}，不适用 ${r.counts.na}; ${r.seconds} s\n`);
}

function failed(r: FournessReport): never {
  const rows = r.rows.filter((x) => x.outcome === 'fail');
  throw new CliError({
    code: 'invalid_input',
    message: `四性检测 failed: ${rows.map((x) => `${x.code ?? x.key} ${x.failing.slice(0, 3).join(', ')}`).join('; ')}`,
    messageZh: `四性检测未通过：${rows.map((x) => `${x.code ?? ''}${x.name}（${x.failing.slice(0, 3).join('、') || x.reason}）`).join('；')}`,
    details: r,
  });
}

/**
 * `juanzong package check DIR`: the 移交接收环节 四性检测 of a 移交包 someone hands in, in place, with no
 * archive needed (nothing is written). Exit 1 names each failing item and file.
 */
export const packageCommand: Command = {
  name: 'package',
  usage: 'package check DIR',
  options: {},
  async run({ positionals, json }) {
    const [sub, dir, extra] = positionals;
    if (sub !== 'check' || !dir) fail('usage: juanzong package check DIR', '用法：juanzong package check 移交包文件夹');
    if (extra) fail(`unexpected argument ${extra}`, `多余的参数 ${extra}`);
    const { report } = await checkPackage(path.resolve(dir));
    if (json) printJson(report);
    else printReport(report);
    if (!report.passed) failed(report);
  },
};

/**
 * `juanzong fourness --archive DIR [--restart]`: the 长期保存环节 四性检测 of the whole archive (the
 * full fixity audit goes on from where an interrupted run stopped unless --restart), recorded in the
 * audit log. Exit 1 when an item fails.
 */
export const fournessCommand: Command = {
  name: 'fourness',
  usage: 'fourness --archive DIR [--restart]',
  options: { archive: { type: 'string' }, user: { type: 'string' }, restart: { type: 'boolean' } },
  async run({ values, json, positionals }) {
    if (positionals.length) fail(`unexpected argument ${positionals[0]}`, `多余的参数 ${positionals[0]}`);
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      const r = await s.call('fourness.checkArchive', { restart: values.restart === true });
      if (json) printJson(r);
      else printReport(r);
      if (!r.passed) failed(r);
    } finally {
      await s.core.close();
    }
  },
};
