import { RULE_IDS } from '../../review/rules/index.js';
import { checkTemplateFile } from '../../review/template.js';
import { templateSummaries } from '../../review/templates-list.js';
import { resourcesDir } from '../../resources/paths.js';
import { CliError, fail, printJson, table } from '../output.js';
import type { Command } from './command.js';

/** `review-template list | check FILE`: the 评查标准 score sheets; needs no archive. */
export const reviewTemplateCommand: Command = {
  name: 'review-template',
  usage: 'review-template list | review-template check FILE',
  options: {},
  async run({ positionals, json }) {
    const [sub, arg] = positionals;
    if (sub === 'list') {
      const list = templateSummaries(resourcesDir());
      if (json) return printJson(list);
      process.stdout.write(
        table(
          ['ID', '名称', '版本', '总分', '否决项', '部分'],
          list.map((t) => [t.id, t.name, t.version, t.total, t.vetoItems, t.sections.map((s) => `${s.title} ${s.points}`).join(' / ')]),
        ) + '\n',
      );
      return;
    }
    if (sub !== 'check') fail(`unknown sub-command "review-template ${sub ?? ''}"`, `未知子命令 review-template ${sub ?? ''}`);
    if (!arg) fail('review-template check needs a FILE', 'review-template check 需要文件路径');
    const r = checkTemplateFile(arg, RULE_IDS);
    if (r.ok) {
      const t = r.template;
      if (json) printJson({ ok: true, file: arg, template: { id: t.id, version: t.version, name: t.name, total: t.total }, issues: [] });
      else process.stdout.write(`评查标准有效 Template OK: ${t.id} ${t.name} (${t.version})\n`);
      return;
    }
    if (json) printJson({ ok: false, file: arg, template: null, issues: r.issues });
    else for (const i of r.issues) process.stdout.write(`${i.message}\n  ${i.messageZh}\n`);
    const first = r.issues[0];
    throw new CliError({
      code: 'invalid_input',
      message: `${arg}: ${first?.message ?? 'invalid'}${r.issues.length > 1 ? ` (+${r.issues.length - 1})` : ''}`,
      messageZh: `${arg}：${first?.messageZh ?? '无效'}`,
      item: arg,
      details: r.issues,
    });
  },
};
