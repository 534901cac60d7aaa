import { randomUUID } from 'node:crypto';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';

/**
 * `juanzong backup --archive DIR --to DIR2 --user ADMIN`: a verified copy of the archive in a new
 * folder (src/backup/backup-archive.ts). Progress on stderr; Ctrl-C cancels and leaves no folder.
 */
export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --archive DIR --to NEW_DIR --user ADMIN',
  options: { archive: { type: 'string' }, user: { type: 'string' }, to: { type: 'string' } },
  async run({ values, json, positionals }) {
    if (positionals.length) fail(`unexpected argument ${positionals[0]}`, `多余的参数 ${positionals[0]}`);
    if (typeof values.to !== 'string' || !values.to) fail('--to NEW_DIR is required', '必须用 --to 指定备份文件夹（新的空文件夹）');
    const s = await openSession(values.archive as string | undefined);
    const jobId = randomUUID();
    const onInt = (): void => void s.call('job.cancel', { jobId }).catch(() => undefined);
    try {
      await signIn(s, values.user as string | undefined);
      const stop = s.core.subscribe((e) => {
        if (json || e.type !== 'job.progress' || e.jobId !== jobId || !process.stderr.isTTY) return;
        process.stderr.write(
          `\r备份 backup: ${e.itemsDone}/${e.itemsTotal} 项 items, ${(e.bytesDone / 1048576).toFixed(1)}/${(e.bytesTotal / 1048576).toFixed(1)} MiB   `,
        );
      });
      process.once('SIGINT', onInt);
      const r = await s.call('archive.backup', { to: values.to, jobId }).finally(stop);
      if (json) printJson(r);
      else {
        if (process.stderr.isTTY) process.stderr.write('\n');
        process.stdout.write(
          `备份完成并已校验 Backup written and verified: ${r.to}\n  审计记录 audit entries ≤ #${r.headSeq}, 对象 objects ${r.objects}, ${(r.bytes / 1048576).toFixed(1)} MiB, ${r.takenAt}\n`,
        );
        if (r.missing.length || r.damaged.length)
          process.stdout.write(`  未备份 left out: 缺失 missing ${r.missing.length}, 损坏 damaged ${r.damaged.length} (juanzong fsck)\n`);
        process.stdout.write('  锚点密钥不在备份中 The anchor key is not in the backup: keep a copy of the key folder on separate media.\n');
      }
    } finally {
      process.off('SIGINT', onInt);
      await s.core.close();
    }
  },
};
