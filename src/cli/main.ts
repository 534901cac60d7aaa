import { parseArgs } from 'node:util';
import { toErrorPayload } from '../api/errors.js';
import { auditCommand } from './commands/audit.js';
import { bindCommand } from './commands/bind.js';
import { profileCommand } from './commands/profile.js';
import { sealCommand } from './commands/seal.js';
import { caseCommand } from './commands/case.js';
import type { Command } from './commands/command.js';
import { demoCommand } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { docCommand } from './commands/doc.js';
import { initCommand } from './commands/init.js';
import { serveCommand } from './commands/serve.js';
import { userCommand } from './commands/user.js';
import { footageCommand } from './commands/footage.js';
import { ingestCommand } from './commands/ingest.js';
import { verifyCommand } from './commands/verify.js';
import { searchCommand } from './commands/search.js';
import { reviewCommand } from './commands/review.js';
import { reviewTemplateCommand } from './commands/review-template.js';
import { callCommand } from './commands/call.js';
import { clipCommand } from './commands/clip.js';
import { retrievalCommand } from './commands/retrieval.js';
import { officerCommand } from './commands/officer.js';
import { calendarCommand } from './commands/calendar.js';
import { fsckCommand } from './commands/fsck.js';
import { backupCommand } from './commands/backup.js';
import { restoreCommand } from './commands/restore.js';
import { ocrCommand } from './commands/ocr.js';
import { fournessCommand, packageCommand } from './commands/fourness.js';
import { CliError, errorLine, jsonPrinted } from './output.js';

const COMMANDS: Command[] = [
  initCommand,
  caseCommand,
  docCommand,
  userCommand,
  serveCommand,
  auditCommand,
  demoCommand,
  bindCommand,
  sealCommand,
  exportCommand,
  profileCommand,
  ingestCommand,
  verifyCommand,
  footageCommand,
  searchCommand,
  reviewCommand,
  reviewTemplateCommand,
  callCommand,
  clipCommand,
  retrievalCommand,
  officerCommand,
  calendarCommand,
  fsckCommand,
  backupCommand,
  restoreCommand,
  ocrCommand,
  packageCommand,
  fournessCommand,
];

function usage(): string {
  return [
    '卷宗 Juanzong — 执法案卷与音像证据档案 case-file and evidence archive',
    '',
    'Usage / 用法:',
    ...COMMANDS.map((c) => `  juanzong ${c.usage}`),
    '',
    'Every command takes --json; sign in with --user NAME (password: JUANZONG_PASSWORD or a prompt).',
    '每个命令都支持 --json；用 --user 指定用户（密码取自 JUANZONG_PASSWORD 或提示输入）。',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  let json = rest.includes('--json');
  try {
    if (!cmd)
      throw new CliError({
        code: 'invalid_input',
        message: `unknown command "${name}" (see juanzong --help)`,
        messageZh: `未知命令“${name}”（见 juanzong --help）`,
      });
    const parsed = parseArgs({ args: rest, options: { ...cmd.options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    json = parsed.values.json === true;
    await cmd.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | string[] | undefined>, json });
    return 0;
  } catch (e) {
    const payload =
      e instanceof CliError
        ? e.payload
        : e instanceof TypeError && 'code' in e && String((e as { code: string }).code).startsWith('ERR_PARSE_ARGS')
          ? { code: 'invalid_input' as const, message: e.message, messageZh: `参数错误：${e.message}` }
          : toErrorPayload(e);
    process.stderr.write(errorLine(payload) + '\n');
    if (json && !jsonPrinted()) process.stdout.write(JSON.stringify({ ok: false, error: payload }) + '\n');
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
