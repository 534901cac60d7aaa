import path from 'node:path';
import { signIn } from '../cli-session.js';
import { CliError, fail, printJson } from '../output.js';
import type { Command } from './command.js';
import { defaultOpener, mib, type SessionOpener } from './footage.js';

/**
 * `juanzong ingest --archive DIR SOURCE [--case 案号] [--officer 执法证号] [--activity 事项] [--no-derive]`
 * Offloads a camera / 采集站 / disc folder; prints counts and per-file errors; exit 1 when a file
 * was not ingested. Thumbnails and contact sheets are made after the clips are catalogued.
 */
export function makeIngestCommand(open: SessionOpener = defaultOpener): Command {
  return {
    name: 'ingest',
    usage: 'ingest --archive DIR SOURCE [--case 案号] [--officer 执法证号] [--activity 事项] [--no-derive]',
    options: {
      archive: { type: 'string' },
      user: { type: 'string' },
      case: { type: 'string' },
      officer: { type: 'string' },
      activity: { type: 'string' },
      'no-derive': { type: 'boolean' },
    },
    async run({ positionals, values, json }) {
      const [source, ...extra] = positionals;
      if (!source || extra.length) fail('ingest needs exactly one SOURCE folder', 'ingest 需要且只需要一个源文件夹');
      const s = await open(values.archive as string | undefined);
      try {
        await signIn(s, values.user as string | undefined);
        let last = 0;
        const unsubscribe = json
          ? () => undefined
          : s.core.subscribe((e) => {
              if (e.type !== 'job.progress' || e.op !== 'footage.ingest' || Date.now() - last < 1000) return;
              last = Date.now();
              process.stderr.write(
                `  ${e.itemsDone}/${e.itemsTotal} 个文件 files, ${mib(e.bytesDone)} / ${mib(e.bytesTotal)}, ${mib(e.bytesPerSec)}/s${e.etaSec !== null ? `, 约 ETA ${e.etaSec} s` : ''}\n`,
              );
            });
        const report = await s.call('footage.ingest', {
          source: path.resolve(source),
          ...(values.case ? { caseNo: String(values.case) } : {}),
          ...(values.officer ? { certNo: String(values.officer) } : {}),
          ...(values.activity ? { activity: String(values.activity) } : {}),
          derive: 'skip',
        });
        unsubscribe();
        const derived = values['no-derive'] ? null : await s.call('footage.derive', {});
        const counts = { files: report.files, bytes: report.bytes, new: report.new, duplicates: report.duplicates, errors: report.errors.length };
        if (json) printJson({ ...report, counts, derived });
        else {
          process.stdout.write(
            `已入库 Ingested from ${report.sourceRoot}: ${report.files} 个文件 files (${mib(report.bytes)}), 新增 new ${report.new}, 重复 duplicates ${report.duplicates}, 错误 errors ${report.errors.length}; ${report.seconds} s, SM3 ${report.sm3Backend}` +
              (derived ? `; 缩略图 thumbnails ${derived.done} (失败 failed ${derived.failed})` : '') +
              '\n',
          );
          for (const e of report.errors) process.stdout.write(`  ✗ ${e.messageZh} / ${e.message}\n`);
        }
        if (report.cancelled) throw new CliError({ code: 'cancelled', message: 'ingest cancelled', messageZh: '入库已取消' });
        if (report.errors.length) {
          throw new CliError({
            code: 'bad_file',
            message: `${report.errors.length} file(s) not ingested: ${report.errors.map((e) => e.relPath).join('; ')}`,
            messageZh: `${report.errors.length} 个文件未入库：${report.errors.map((e) => e.relPath).join('；')}`,
            details: report.errors,
          });
        }
      } finally {
        await s.core.close();
      }
    },
  };
}

export const ingestCommand = makeIngestCommand();
