import { openSession, signIn } from '../cli-session.js';
import { CliError, fail, printJson } from '../output.js';
import type { Command } from './command.js';

/**
 * `juanzong fsck --archive DIR [--repair] [--quick] [--grace SECONDS]`: checks the whole archive and
 * says what it found and what --repair would do. Exit 0 when nothing is left open, 1 otherwise.
 */
export const fsckCommand: Command = {
  name: 'fsck',
  usage: 'fsck --archive DIR [--repair] [--quick] [--grace SECONDS]',
  options: { archive: { type: 'string' }, user: { type: 'string' }, repair: { type: 'boolean' }, quick: { type: 'boolean' }, grace: { type: 'string' } },
  async run({ values, json, positionals }) {
    if (positionals.length) fail(`unexpected argument ${positionals[0]}`, `多余的参数 ${positionals[0]}`);
    const grace = values.grace === undefined ? 600 : Number(values.grace);
    if (!Number.isInteger(grace) || grace < 0) fail('--grace must be a whole number of seconds', '--grace 必须是秒数（整数）');
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      const r = await s.call('archive.fsck', { repair: values.repair === true, quick: values.quick === true, graceSeconds: grace });
      if (json) printJson(r);
      else {
        const out = process.stdout;
        for (const x of r.recoveredOnOpen) out.write(`  已在打开时修复 cleaned on open: ${x}\n`);
        for (const f of r.findings) {
          const mark = f.repaired
            ? '✓ 已修复 repaired'
            : f.repair
              ? r.repair
                ? '✗ 未修复 not repaired'
                : '→ 可修复 --repair would'
              : '✗ 需人工处理 needs a person';
          out.write(`  ${mark}: ${f.messageZh} / ${f.message}\n`);
          if (f.repair && !f.repaired) out.write(`      修复 repair: ${f.repairZh} / ${f.repair}\n`);
        }
        const c = r.checked;
        out.write(
          `${r.ok ? '档案库完好 Archive sound' : '发现问题 Problems found'}: 对象 objects ${c.objects}, 触发器 triggers ${c.triggers}, 审计 audit entries ${c.audit}, ` +
            `问题 findings ${r.findings.length} (已修复 repaired ${r.findings.filter((f) => f.repaired).length}); ${r.seconds} s\n`,
        );
      }
      const open = r.findings.filter((f) => !f.repaired);
      if (open.length)
        throw new CliError({
          code: 'io_error',
          message: `fsck: ${open.length} finding(s) open: ${open.map((f) => f.message).join('; ')}`,
          messageZh: `fsck：${open.length} 个问题未解决：${open.map((f) => f.messageZh).join('；')}`,
          details: r,
        });
    } finally {
      await s.core.close();
    }
  },
};
