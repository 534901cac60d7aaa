import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callCommand } from '../../src/cli/commands/call.js';
import { initCommand } from '../../src/cli/commands/init.js';
import { CliError } from '../../src/cli/output.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';
import { juanzongFromSource } from './run-cli.js';

/** Runs a command in this process, capturing stdout; the password comes from JUANZONG_PASSWORD. */
async function run(cmd: typeof callCommand, positionals: string[], values: Record<string, string | boolean>): Promise<{ out: string; error: CliError | null }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  try {
    await cmd.run({ positionals, values, json: true });
    return { out, error: null };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { out, error: e };
  } finally {
    spy.mockRestore();
  }
}

const example = JSON.parse(readFileSync(path.join(resourcesDir(), 'sample', 'case-example.json'), 'utf8')) as Record<string, unknown>;
const { documents: _documents, ...caseInput } = example;

let archive = '';
const call = (op: string, values: Record<string, string | boolean> = {}) => run(callCommand, [op], { archive, user: 'admin', ...values });

beforeAll(async () => {
  vi.stubEnv('JUANZONG_PASSWORD', 'secret-pass-1');
  // One archive for the whole file (tmpDir() folders go after each test).
  archive = path.join(mkdtempSync(path.join(os.tmpdir(), 'jz-call-')), 'archive');
  const init = await run(initCommand, [archive], { admin: 'admin' });
  expect(init.error).toBeNull();
});

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(path.dirname(archive), { recursive: true, force: true }));

describe('juanzong call OP (any operation, through the same invoke)', () => {
  it('creates a case from --input-file and reads it back with --input; the audit log records the CLI change', async () => {
    const file = path.join(tmpDir(), 'case.json');
    writeFileSync(file, JSON.stringify(caseInput));
    const created = await call('case.create', { 'input-file': file });
    expect(created.error).toBeNull();
    const c = JSON.parse(created.out) as { id: number; caseNo: string };
    expect(c.caseNo).toBe('青石综执罚立〔2024〕52号');

    const got = await call('case.get', { input: JSON.stringify({ caseNo: c.caseNo }) });
    expect(JSON.parse(got.out)).toMatchObject({ id: c.id, caseNo: c.caseNo, title: caseInput.title });
    const list = await call('case.list');
    expect((JSON.parse(list.out) as { caseNo: string }[]).map((x) => x.caseNo)).toEqual([c.caseNo]);
    const audit = await call('audit.list', { input: JSON.stringify({ targetType: 'case', targetId: String(c.id) }) });
    expect((JSON.parse(audit.out) as { action: string; actor: string }[]).map((e) => e.action)).toContain('case.create');
  });

  it('refuses what the contract refuses: bad input (naming the field), another role, a transport the op does not offer', async () => {
    const bad = await call('case.create', { input: JSON.stringify({ ...caseInput, procedure: 'express' }) });
    expect(bad.error?.payload).toMatchObject({ code: 'invalid_input' });
    expect(JSON.stringify(bad.error?.payload)).toContain('procedure');

    const made = await call('user.create', {
      input: JSON.stringify({ username: 'pingcha', displayName: '评查员', role: 'inspector', password: 'secret-pass-1' }),
    });
    expect(made.error).toBeNull();
    const asInspector = await run(callCommand, ['case.create'], { archive, user: 'pingcha', input: JSON.stringify(caseInput) });
    expect(asInspector.error?.payload.code).toBe('forbidden');

    const staged = await call('upload.stageBytes', { input: JSON.stringify({ name: 'a.jpg', data: [] }) });
    expect(staged.error?.payload.code).toBe('transport_not_allowed');
  });

  it('names what is wrong with the command line itself, in both languages, before opening the archive', async () => {
    const unknown = await call('case.explode');
    expect(unknown.error?.payload).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('case.explode'),
      messageZh: expect.stringContaining('未知操作'),
    });
    const notJson = await call('case.list', { input: '{limit: 5' });
    expect(notJson.error?.payload).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('not valid JSON'),
      messageZh: expect.stringContaining('不是有效的 JSON'),
    });
    const both = await call('case.list', { input: '{}', 'input-file': '/nonexistent.json' });
    expect(both.error?.payload.message).toContain('not both');
    const missing = await call('case.list', { 'input-file': path.join(tmpDir(), 'nope.json') });
    expect(missing.error?.payload.messageZh).toContain('无法读取输入文件');
  });

  it('lists the operations offered over the CLI', async () => {
    const list = await run(callCommand, [], { list: true });
    const ops = JSON.parse(list.out) as { name: string; roles: string[] | 'public' }[];
    expect(ops.map((o) => o.name)).toContain('case.create');
    expect(ops.map((o) => o.name)).not.toContain('upload.stageBytes');
    expect(ops.find((o) => o.name === 'auth.login')?.roles).toBe('public');
  });

  it('is registered in the CLI: `juanzong call case.list --json` prints the JSON result, a failure one line on stderr', async () => {
    const ok = await juanzongFromSource(['call', 'case.list', '--archive', archive, '--user', 'admin', '--input', '{"limit":5}', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as { caseNo: string }[]).map((x) => x.caseNo)).toEqual(['青石综执罚立〔2024〕52号']);
    const refused = await juanzongFromSource(['call', 'no.such', '--archive', archive, '--user', 'admin']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^juanzong: unknown operation "no.such".* \/ 未知操作/)]);
  }, 180_000);
});
