import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { profileCommand } from '../../src/cli/commands/profile.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { juanzongFromSource } from '../cli/run-cli.js';
import { tmpDir } from '../helpers/tmp.js';

async function run(args: string[]): Promise<{ out: string; error: unknown }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  try {
    const [sub, ...rest] = args;
    await profileCommand.run({ positionals: [sub!, ...rest.filter((a) => a !== '--json')], values: {}, json: args.includes('--json') });
    return { out, error: null };
  } catch (e) {
    return { out, error: e };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('juanzong profile', () => {
  it('list shows the three profiles; show prints one', async () => {
    const list = await run(['list', '--json']);
    expect((JSON.parse(list.out) as { id: string }[]).map((p) => p.id)).toEqual(['henan-township-2016', 'market-supervision-2021', 'shanghai-chengguan']);
    const human = await run(['list']);
    expect(human.out).toContain('henan-township-2016 *');
    const show = await run(['show', 'market-supervision-2021', '--json']);
    expect(JSON.parse(show.out)).toMatchObject({ id: 'market-supervision-2021', binding: { volumes: { secondary: { general: true } } } });
  });

  it('check FILE names the bad field and fails; a good file passes', async () => {
    const p = JSON.parse(readFileSync(path.join(resourcesDir(), 'profiles', 'henan-township-2016.json'), 'utf8'));
    p.binding.numbering.front = 'top-middle';
    const file = path.join(tmpDir(), 'bad.json');
    writeFileSync(file, JSON.stringify(p));
    const bad = await run(['check', file, '--json']);
    expect(bad.error).toMatchObject({ payload: { code: 'bad_profile' } });
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, issues: [{ path: 'binding.numbering.front' }] });
    const good = await run(['check', path.join(resourcesDir(), 'profiles', 'shanghai-chengguan.json')]);
    expect(good.error).toBeNull();
    expect(good.out).toContain('Profile OK: shanghai-chengguan');
  });
});

const juanzong = (args: string[]) => juanzongFromSource(args);

describe('juanzong bind / seal (the CLI run from source)', () => {
  it('bind --json prints volumes, entries with page ranges, unnumbered sheets and warnings; seal acknowledges and seals', async () => {
    const dir = path.join(tmpDir(), 'archive');
    expect((await juanzong(['init', dir, '--admin', 'admin', '--json'])).code).toBe(0);
    const add = await juanzong([
      'case',
      'add',
      '--archive',
      dir,
      '--file',
      path.join(resourcesDir(), 'sample', 'case-example.json'),
      '--user',
      'admin',
      '--json',
    ]);
    const caseNo = (JSON.parse(add.stdout) as { caseNo: string }).caseNo;
    const bind = await juanzong(['bind', '--archive', dir, '--case', caseNo, '--user', 'admin', '--json']);
    expect(bind.code, bind.stderr).toBe(0);
    const b = JSON.parse(bind.stdout);
    expect(b.volumes[0].entries[0]).toMatchObject({ seq: 1, start: 1, pages: '1' });
    expect(b.volumes[0].unnumberedSheets.map((s: { sheet: string }) => s.sheet)).toEqual(['cover', 'toc', 'beikao', 'backCover']);
    expect(b.issues.some((i: { severity: string }) => i.severity === 'warning')).toBe(true);
    const refused = await juanzong(['seal', '--archive', dir, '--case', caseNo, '--user', 'admin']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('不能归档');
    const seal = await juanzong([
      'seal',
      '--archive',
      dir,
      '--case',
      caseNo,
      '--user',
      'admin',
      '--ack-all-warnings-with-reason',
      '示例案件仅录入决定书',
      '--json',
    ]);
    expect(seal.code, seal.stderr).toBe(0);
    expect(JSON.parse(seal.stdout)).toMatchObject({ status: 'sealed', archiveNo: expect.stringMatching(/^\d{8}$/) });
    // Five CLI processes, each compiling the sources through tsx: seconds each, far more on a busy machine.
  }, 300_000);
});
