import path from 'node:path';
import { ROLE_LABELS } from '../../domain/roles.js';
import { PROCEDURE_LABELS, type Procedure } from '../../domain/case.js';
import { buildDemo } from '../../demo/build-demo.js';
import { resourcesDir } from '../../resources/paths.js';
import { printJson, table } from '../output.js';
import type { Command } from './command.js';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--archive DIR]   (default: ./demo-archive)',
  options: { archive: { type: 'string' } },
  async run({ values, json }) {
    const dir = path.resolve(String(values.archive ?? 'demo-archive'));
    const log = json ? undefined : (line: string) => process.stdout.write(line + '\n');
    if (!json) process.stdout.write(`卷宗 Juanzong 演示 demo：正在生成示例档案库 building the sample archive in ${dir}\n`);
    const r = await buildDemo({
      archiveDir: dir,
      resourcesDir: resourcesDir(),
      ...(process.env.JUANZONG_PASSWORD ? { password: process.env.JUANZONG_PASSWORD } : {}),
      ...(log ? { log } : {}),
    });
    if (json) {
      printJson(r);
      return;
    }
    const rel = path.relative(process.cwd(), r.archive);
    const shown = rel && !rel.startsWith('..') ? rel : r.archive;
    const out = [
      '',
      `档案库 Archive: ${r.archive}`,
      table(
        ['案号 Case no.', '案件名称 Title', '程序', '文书 Docs', '页数 Pages'],
        r.cases.map((c) => [c.caseNo, c.title, PROCEDURE_LABELS[c.procedure as Procedure], c.documents, c.pages]),
      ),
      `合计 Total: ${r.totals.cases} 件案件 cases, ${r.totals.documents} 件文书 documents, ${r.totals.pages} 页扫描件 scanned pages; 审计记录 audit entries: ${r.auditEntries} (链已校验 chain verified); ${r.seconds} s`,
      `音像 Footage: ${r.footage.clips} 段记录仪视频 body-cam clips（${r.footage.cameras} 台记录仪 cameras, 设备台账 ${r.footage.devices} 台），已关联案件 linked to cases: ${r.footage.linked}${r.footage.errors ? `，导入错误 ingest errors: ${r.footage.errors}` : ''}`,
      '',
      '已立卷归档 Bound and sealed (最后一件留待在界面中立卷 the last case is left for you to bind in the UI):',
      table(
        ['案号 Case no.', '归档号 Archive no.', '档号 Archive code', '卷数 Volumes', '页数 Pages', '视听资料 AV items'],
        r.archived.map((a) => [a.caseNo, a.archiveNo, a.archiveCode, a.volumes, a.pages, a.avItems]),
      ),
      '',
      r.exports
        ? `已导出 Exported (PDF/A-2b 卷 + 移交包 BagIt): ${r.exports.folder}\n${r.exports.dossiers.map((d) => `  ${d.folder}  (${d.files.join(', ')}; ${d.pages} 页 pages)${d.package ? `\n  ${d.package}` : ''}`).join('\n')}`
        : '未导出 Not exported: the exports folder beside the archive is taken',
      '',
      '账户 Accounts (密码 password: ' + r.password + '):',
      table(
        ['用户名', '姓名', '角色'],
        r.users.map((u) => [u.username, u.displayName, `${ROLE_LABELS[u.role].zh} ${ROLE_LABELS[u.role].en}`]),
      ),
      '',
      `浏览 Browse:    npx juanzong serve --archive ${shown}`,
      `命令行 CLI:     JUANZONG_PASSWORD=${r.password} npx juanzong case list --archive ${shown} --user dangan`,
      '',
    ];
    process.stdout.write(out.join('\n'));
  },
};
