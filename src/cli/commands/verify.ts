import { signIn } from '../cli-session.js';
import { CliError, fail, printJson } from '../output.js';
import type { Command } from './command.js';
import { defaultOpener, mib, parseBytes, type SessionOpener } from './footage.js';

/**
 * `juanzong verify --archive DIR [--incremental [--days N] [--budget 50G]] [--restart]`
 * Re-reads stored objects and compares their digests with the catalogue. Exit 0 when every object
 * matches; exit 1 naming each file that changed, vanished or appeared (by original name and case).
 */
export function makeVerifyCommand(open: SessionOpener = defaultOpener): Command {
  return {
    name: 'verify',
    usage: 'verify --archive DIR [--incremental [--days N] [--budget BYTES]] [--restart]',
    options: {
      archive: { type: 'string' },
      user: { type: 'string' },
      incremental: { type: 'boolean' },
      days: { type: 'string' },
      budget: { type: 'string' },
      restart: { type: 'boolean' },
    },
    async run({ values, json, positionals }) {
      if (positionals.length) fail(`unexpected argument ${positionals[0]}`, `多余的参数 ${positionals[0]}`);
      const days = values.days === undefined ? 30 : Number(values.days);
      if (!Number.isInteger(days) || days < 0) fail('--days must be a whole number of days', '--days 必须是天数（整数）');
      const budget = values.budget === undefined ? undefined : parseBytes(String(values.budget));
      if (budget === null) fail('--budget must be a size such as 50G or 500M', '--budget 必须是容量，如 50G 或 500M');
      const s = await open(values.archive as string | undefined);
      try {
        await signIn(s, values.user as string | undefined);
        const r = await s.call('footage.verify', {
          mode: values.incremental ? 'incremental' : 'full',
          olderThanDays: days,
          ...(budget !== undefined ? { byteBudget: budget } : {}),
          resume: !values.restart,
        });
        if (json) printJson(r);
        else {
          process.stdout.write(
            `校验 Fixity (${r.mode === 'full' ? '全量 full' : '增量 incremental'}): ${r.checked} 个对象 objects, ${mib(r.bytes)}, 一致 ok ${r.ok}, 改变 changed ${r.changed}, 丢失 vanished ${r.vanished}, 多出 appeared ${r.appeared}` +
              (r.remaining ? `, 未检 remaining ${r.remaining}` : '') +
              `; ${r.seconds ?? 0} s\n`,
          );
          for (const p of r.problems) process.stdout.write(`  ✗ ${p.messageZh} / ${p.message}\n`);
        }
        if (r.problems.length) {
          throw new CliError({
            code: 'io_error',
            message: r.problems.map((p) => p.message).join('; '),
            messageZh: r.problems.map((p) => p.messageZh).join('；'),
            details: r.problems,
          });
        }
        if (r.state === 'cancelled') throw new CliError({ code: 'cancelled', message: 'verification cancelled', messageZh: '校验已取消' });
      } finally {
        await s.core.close();
      }
    },
  };
}

export const verifyCommand = makeVerifyCommand();
