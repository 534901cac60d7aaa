import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DossierExportResult } from '../../src/api/types-export.js';
import { projectRoot } from '../../src/resources/paths.js';
import { buildExportArchive, PASSWORD } from '../export/dossier-export-fixture.js';
import { tmpDir } from '../helpers/tmp.js';

const root = projectRoot();
const BIN = path.join(root, 'bin', 'juanzong.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function juanzong(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, JUANZONG_PASSWORD: PASSWORD }, cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('juanzong export', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build` (npm test does)');
  });

  it('exports a sealed case with its 移交包 (--json), and refuses an unsealed case in one EN/ZH line', async () => {
    const dir = tmpDir();
    const fx = await buildExportArchive(dir, { footage: false });
    const archive = fx.core.archiveDir;
    await fx.core.close();
    const out = path.join(dir, 'exports');

    const r = await juanzong(['export', '--archive', archive, '--user', 'dangan', '--case', fx.caseNo, '--out', out, '--package', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as DossierExportResult;
    expect(result).toMatchObject({ caseNo: fx.caseNo, archiveCode: 'Z109-ZF-0001', folder: path.join(out, 'Z109-ZF-0001') });
    expect(readdirSync(out).sort()).toEqual(['Z109-ZF-0001', 'Z109-ZF-0001-移交包']);
    const v = result.volumes[0]!;
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [v.path], { encoding: 'utf8' }))?.[1])).toBe(v.pages);
    execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: result.package!.folder });

    // Human output names the folder and each file's digests.
    const human = await juanzong(['export', '--archive', archive, '--user', 'dangan', '--case', fx.caseNo, '--out', path.join(dir, 'again')]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(path.join(dir, 'again', 'Z109-ZF-0001'));
    expect(human.stdout).toContain('SM3');

    const refused = await juanzong(['export', '--archive', archive, '--user', 'dangan', '--case', fx.unsealedCaseNo, '--out', out, '--json']);
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not sealed');
    expect(lines[0]).toContain('请先归档');
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', item: fx.unsealedCaseNo } });
    expect(readdirSync(out).sort()).toEqual(['Z109-ZF-0001', 'Z109-ZF-0001-移交包']);

    const missing = await juanzong(['export', '--archive', archive, '--user', 'dangan', '--case', fx.caseNo]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--out');
  }, 120_000);
});
