import { openSession, signIn } from '../cli-session.js';
import { CliError, fail, printJson } from '../output.js';
import type { Command } from './command.js';

export const auditCommand: Command = {
  name: 'audit',
  usage: 'audit verify --archive DIR',
  options: { archive: { type: 'string' }, user: { type: 'string' } },
  async run({ positionals, values, json }) {
    if (positionals[0] !== 'verify') fail(`unknown sub-command "audit ${positionals[0] ?? ''}"`, `未知子命令 audit ${positionals[0] ?? ''}`);
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      const r = await s.call('audit.verify', {});
      if (json) printJson(r);
      if (!r.ok && r.firstBroken) {
        if (!json) for (const p of r.problems ?? []) process.stderr.write(`  - ${p.reasonZh} / ${p.reason}\n`);
        const at = r.firstBroken.seq > 0 ? ` at entry ${r.firstBroken.seq}` : '';
        const atZh = r.firstBroken.seq > 0 ? `在第 ${r.firstBroken.seq} 条处` : '';
        throw new CliError({
          code: 'internal',
          message: `audit chain broken${at}: ${r.firstBroken.reason}`,
          messageZh: `审计链${atZh}断裂：${r.firstBroken.reasonZh}`,
          details: r,
        });
      }
      if (!json) process.stdout.write(`审计链完好 Audit chain intact: ${r.checked} 条记录 entries, 锚点 anchor #${r.anchor?.seq ?? 0}\n`);
    } finally {
      await s.core.close();
    }
  },
};
