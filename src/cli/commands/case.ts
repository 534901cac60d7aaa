import { PROCEDURE_LABELS } from '../../domain/case.js';
import { readCaseFile } from '../case-file.js';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson, table } from '../output.js';
import type { Command } from './command.js';

const common = { archive: { type: 'string' }, user: { type: 'string' } } as const;

export const caseCommand: Command = {
  name: 'case',
  usage:
    'case add --archive DIR --file case.json | case list --archive DIR [--query Q] [--year Y] [--procedure general|summary] | case show --archive DIR 案号',
  options: { ...common, file: { type: 'string' }, query: { type: 'string' }, year: { type: 'string' }, procedure: { type: 'string' } },
  async run({ positionals, values, json }) {
    const [sub, arg] = positionals;
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      if (sub === 'add') {
        if (!values.file) fail('case add needs --file case.json', 'case add 需要 --file 指定案件 JSON 文件');
        const cf = readCaseFile(String(values.file));
        // The case and all its documents in one transaction: a bad document leaves nothing registered.
        const documents = [];
        for (const d of cf.documents) {
          const files = [];
          for (const f of d.files) files.push({ stagedId: (await s.call('upload.stagePath', { path: f })).stagedId });
          documents.push({ kind: d.kind, title: d.title, docNo: d.docNo ?? null, responsible: d.responsible ?? null, date: d.date ?? null, files });
        }
        const detail = await s.call('case.register', { case: cf.case, documents });
        if (json) printJson(detail);
        else if (detail.alreadyRegistered)
          process.stdout.write(
            `已登记过，未重复登记 Already registered, nothing added: ${detail.caseNo}（${detail.title}），文书 ${detail.documentCount} 件\n`,
          );
        else process.stdout.write(`已登记 Registered: ${detail.caseNo}（${detail.title}），文书 ${detail.documentCount} 件，${detail.pageCount} 页\n`);
      } else if (sub === 'list') {
        const list = await s.call('case.list', {
          ...(values.query ? { query: String(values.query) } : {}),
          ...(values.year ? { year: Number(values.year) } : {}),
          ...(values.procedure ? { procedure: String(values.procedure) as 'general' | 'summary' } : {}),
        });
        if (json) printJson(list);
        else
          process.stdout.write(
            table(
              ['案号', '案件名称', '程序', '当事人', '结案', '文书', '页数'],
              list.map((c) => [c.caseNo, c.title, PROCEDURE_LABELS[c.procedure], c.partyNames.join('、'), c.closedOn, c.documentCount, c.pageCount]),
            ) + `\n共 ${list.length} 件 (${list.length} cases)\n`,
          );
      } else if (sub === 'show') {
        if (!arg) fail('case show needs a case number', 'case show 需要案号');
        const c = await s.call('case.get', { caseNo: arg });
        if (json) printJson(c);
        else {
          process.stdout.write(
            `${c.caseNo}  ${c.title}\n案由 ${c.cause} · ${PROCEDURE_LABELS[c.procedure]} · 立案 ${c.dates.filed ?? '—'} · 结案 ${c.dates.closed}\n`,
          );
          process.stdout.write(
            `当事人 ${c.parties.map((p) => p.name).join('、')} · 执法人员 ${c.officers.map((o) => `${o.name}(${o.certNo})`).join('、')}\n\n`,
          );
          process.stdout.write(
            table(
              ['序号', '文书种类', '题名', '文号', '日期', '页数'],
              c.documents.map((d) => [d.seq, d.kindName, d.title, d.docNo, d.date, d.pageCount]),
            ) + '\n',
          );
        }
      } else {
        fail(`unknown sub-command "case ${sub ?? ''}"`, `未知子命令 case ${sub ?? ''}`);
      }
    } finally {
      await s.core.close();
    }
  },
};
