import { restoreArchive } from '../../backup/restore-archive.js';
import { resourcesDir } from '../../resources/paths.js';
import { CliError, fail, printJson } from '../output.js';
import type { Command } from './command.js';

/**
 * `juanzong restore --from BACKUP --to NEW_DIR`: checks the backup and makes a new archive from it,
 * recording what was lost after the backup (src/backup/restore-archive.ts). No sign-in: whoever can
 * read the backup folder can copy it anyway; the audit entry names the OS user.
 */
export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --from BACKUP_DIR --to NEW_DIR',
  options: { from: { type: 'string' }, to: { type: 'string' } },
  async run({ values, json, positionals }) {
    if (positionals.length) fail(`unexpected argument ${positionals[0]}`, `多余的参数 ${positionals[0]}`);
    if (typeof values.from !== 'string' || !values.from) fail('--from BACKUP_DIR is required', '必须用 --from 指定备份文件夹');
    if (typeof values.to !== 'string' || !values.to) fail('--to NEW_DIR is required', '必须用 --to 指定恢复到的新文件夹');
    let r;
    try {
      r = await restoreArchive(values.from, values.to, { resourcesDir: resourcesDir() });
    } catch (e) {
      const p = (e as { toJSON?: () => never }).toJSON?.();
      throw p ? new CliError(p) : e;
    }
    r.archive.close();
    const { archive: _a, ...out } = r;
    if (json) printJson(out);
    else {
      process.stdout.write(`已从 ${r.manifest.takenAt} 的备份恢复 Restored from the backup of ${r.manifest.takenAt}: ${r.to}\n`);
      process.stdout.write(`  备份后丢失的审计记录 audit entries lost after the backup: ${r.lostEntries} (${r.knownFrom})\n`);
      for (const g of r.skipped)
        process.stdout.write(`  归档号断档 archive numbers skipped: ${g.year} ${g.from}–${g.to} (已在备份后分配 issued after the backup)\n`);
      if (!r.macChecked) process.stdout.write('  注意 note: 本机没有该档案库的锚点密钥，备份清单未能核验 no anchor key here: the manifest was not checked\n');
    }
  },
};
