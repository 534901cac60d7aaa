import path from 'node:path';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';

export const docCommand: Command = {
  name: 'doc',
  usage: 'doc add --archive DIR --case 案号 --kind CODE [--title 题名] [--doc-no 文号] [--responsible 责任者] [--date YYYY-MM-DD] FILE…',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    case: { type: 'string' },
    kind: { type: 'string' },
    title: { type: 'string' },
    'doc-no': { type: 'string' },
    responsible: { type: 'string' },
    date: { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [sub, ...files] = positionals;
    if (sub !== 'add') fail(`unknown sub-command "doc ${sub ?? ''}"`, `未知子命令 doc ${sub ?? ''}`);
    if (!values.case) fail('doc add needs --case 案号', 'doc add 需要 --case 指定案号');
    if (!values.kind) fail('doc add needs --kind CODE (see the filing profile)', 'doc add 需要 --kind 指定文书种类代码');
    if (files.length === 0) fail('doc add needs at least one FILE', 'doc add 至少需要一个文件');
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      const c = await s.call('case.get', { caseNo: String(values.case) });
      const staged = [];
      for (const f of files) staged.push({ stagedId: (await s.call('upload.stagePath', { path: path.resolve(f) })).stagedId });
      const d = await s.call('document.add', {
        caseId: c.id,
        kind: String(values.kind),
        title: String(values.title ?? path.basename(files[0]!, path.extname(files[0]!))),
        docNo: (values['doc-no'] as string | undefined) ?? null,
        responsible: (values.responsible as string | undefined) ?? null,
        date: (values.date as string | undefined) ?? null,
        files: staged,
      });
      if (json) printJson(d);
      else if (d.alreadyFiled)
        process.stdout.write(`已存在，未重复添加 Already filed, nothing added: ${d.kindName}《${d.title}》 ${d.pageCount} 页 → ${c.caseNo}\n`);
      else process.stdout.write(`已添加 Added: ${d.kindName}《${d.title}》 ${d.pageCount} 页 → ${c.caseNo}\n`);
    } finally {
      await s.core.close();
    }
  },
};
