import { readFileSync } from 'node:fs';
import { contract, isOpName } from '../../api/contract.js';
import { openSession, signIn } from '../cli-session.js';
import { CliError, fail, printJson } from '../output.js';
import type { Command } from './command.js';

/**
 * `juanzong call <op>`: any contract operation, for those without a dedicated command. The input is
 * JSON (--input or --input-file, `{}` when neither); it goes through the same invoke as every other
 * caller, with transport 'cli', so the contract's schema, roles and transports apply unchanged. The
 * result is printed as JSON.
 */
export const callCommand: Command = {
  name: 'call',
  usage: 'call OP --archive DIR --user NAME [--input JSON | --input-file FILE]   (call --list: the operations)',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    input: { type: 'string' },
    'input-file': { type: 'string' },
    list: { type: 'boolean' },
  },
  async run({ positionals, values, json }) {
    if (values.list === true) return listOperations(json);
    const [op, ...extra] = positionals;
    if (!op)
      fail('name the operation: juanzong call OP (juanzong call --list shows them)', '请指定操作名：juanzong call 操作名（juanzong call --list 列出全部操作）');
    if (extra.length > 0) fail(`unexpected argument "${extra[0]}": give the input with --input JSON`, `多余的参数“${extra[0]}”：输入请用 --input JSON 给出`);
    if (!isOpName(op)) fail(`unknown operation "${op}" (juanzong call --list shows them)`, `未知操作“${op}”（juanzong call --list 列出全部操作）`, 'not_found');
    const input = readInput(values.input as string | undefined, values['input-file'] as string | undefined);

    const s = await openSession(values.archive as string | undefined);
    try {
      if (contract[op].roles !== 'public' || values.user !== undefined) await signIn(s, values.user as string | undefined);
      const r = await s.core.invoke(op, input, { transport: 'cli', ...(s.token ? { sessionToken: s.token } : {}) });
      if (!r.ok) throw new CliError(r.error);
      printJson(r.value ?? null);
    } finally {
      await s.core.close();
    }
  },
};

/** The operation's input: parsed JSON from --input or --input-file (never both), `{}` by default. */
function readInput(inline: string | undefined, file: string | undefined): unknown {
  if (inline !== undefined && file !== undefined) fail('give --input or --input-file, not both', '--input 与 --input-file 只能二选一');
  let text = inline;
  let from = '--input';
  if (file !== undefined) {
    from = file;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail(`cannot read the input file ${file}: ${(e as Error).message}`, `无法读取输入文件 ${file}：${(e as Error).message}`, 'not_found');
    }
  }
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    fail(`${from} is not valid JSON: ${(e as Error).message}`, `${from} 不是有效的 JSON：${(e as Error).message}`);
  }
}

function listOperations(json: boolean): void {
  const ops = Object.entries(contract)
    .filter(([, spec]) => spec.transports.includes('cli'))
    .map(([name, spec]) => ({ name, roles: spec.roles === 'public' ? ('public' as const) : [...spec.roles] }));
  if (json) return printJson(ops);
  for (const o of ops) process.stdout.write(`${o.name.padEnd(28)} ${o.roles === 'public' ? 'public 公开' : o.roles.join(',')}\n`);
}
