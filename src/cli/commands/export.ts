import path from 'node:path';
import type { OpInput } from '../../api/contract.js';
import type { DossierExportResult } from '../../api/types-export.js';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';

/**
 * `juanzong export --archive DIR --case 案号 --out DIR [--package] [--json]`
 * Writes a sealed case's dossier as PDF/A-2b volume files into `<out>/<档号>/` and, with --package,
 * the 移交包 (BagIt transfer package) into `<out>/<档号>-移交包/`. Ctrl-C cancels and leaves nothing.
 */
export const exportCommand: Command = {
  name: 'export',
  usage: 'export --archive DIR --case 案号 --out DIR [--package]',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    case: { type: 'string' },
    out: { type: 'string' },
    package: { type: 'boolean' },
  },
  async run({ values, json, positionals }) {
    if (positionals.length) fail(`unexpected argument ${positionals[0]}`, `多余的参数 ${positionals[0]}`);
    if (!values.case) fail('export needs --case 案号', 'export 需要用 --case 指定案号');
    if (!values.out) fail('export needs --out DIR (the folder to export into)', 'export 需要用 --out 指定导出到的文件夹');
    const s = await openSession(values.archive as string | undefined);
    const jobId = `cli-export-${process.pid}`;
    const onSigint = () => void s.core.invoke('job.cancel', { jobId }, { transport: 'cli', ...(s.token ? { sessionToken: s.token } : {}) });
    try {
      await signIn(s, values.user as string | undefined);
      const c = await s.call('case.get', { caseNo: String(values.case) });
      const input: OpInput<'dossier.export'> = { caseId: c.id, out: path.resolve(String(values.out)), package: values.package === true, jobId };
      const progress = !json && process.stderr.isTTY;
      const off = progress
        ? s.core.subscribe((e) => {
            if (e.type === 'job.progress' && e.jobId === jobId && e.state === 'running')
              process.stderr.write(`\r导出 Exporting ${e.itemsDone}/${e.itemsTotal}${e.item ? ` ${e.item}` : ''}\x1b[K`);
          })
        : () => undefined;
      process.once('SIGINT', onSigint);
      let r: DossierExportResult;
      try {
        r = await s.call('dossier.export', input);
      } finally {
        off();
        if (progress) process.stderr.write('\r\x1b[K');
      }
      if (json) printJson(r);
      else process.stdout.write(describe(r));
    } finally {
      process.off('SIGINT', onSigint);
      await s.core.close();
    }
  },
};

function describe(r: DossierExportResult): string {
  const lines = [
    `已导出 Exported: ${r.caseNo ?? r.title}${r.archiveCode ? ` 档号 ${r.archiveCode}` : ''}，${r.volumes.length} 卷 volume(s)，${r.pages} 页 pages，${r.seconds} s`,
    `文件夹 Folder: ${r.folder}`,
  ];
  for (const v of r.volumes) {
    lines.push(`  ${v.file}  ${v.pages} 页  ${v.bytes} B`, `    SHA-256 ${v.sha256}`, `    SM3     ${v.sm3}`);
  }
  if (r.package) {
    lines.push(
      `移交包 Package: ${r.package.folder}`,
      `  Payload-Oxum ${r.package.payloadOxum}，音像资料原件 footage ${r.package.footage}${r.package.footageMissing.length ? `，未含 missing: ${r.package.footageMissing.join('、')}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}
