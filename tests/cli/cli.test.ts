import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';

const root = projectRoot();
const BIN = path.join(root, 'bin', 'juanzong.js');
const EXAMPLE = path.join(root, 'resources', 'sample', 'case-example.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function juanzong(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, JUANZONG_PASSWORD: 'secret-pass-1', ...env }, cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Failures are one line on stderr, English / Chinese. */
function oneLine(r: Run): string {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('juanzong CLI', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build` (npm test does)');
  });

  it('init, case add from a case file, list, show, doc add, audit verify — all with --json', async () => {
    const dir = path.join(tmpDir(), 'archive');
    const init = await juanzong(['init', dir, '--admin', 'admin', '--json']);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ archive: dir, profile: 'henan-township-2016', admin: 'admin' });

    const add = await juanzong(['case', 'add', '--archive', dir, '--file', EXAMPLE, '--user', 'admin', '--json']);
    expect(add.code, add.stderr).toBe(0);
    const c = JSON.parse(add.stdout) as { caseNo: string; documents: { kindName: string; pageCount: number }[] };
    expect(c.caseNo).toBe('青石综执罚立〔2024〕52号');
    expect(c.documents[0]).toMatchObject({ kindName: '行政处罚决定书', pageCount: 1 });

    const list = await juanzong(['case', 'list', '--archive', dir, '--user', 'admin', '--json']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    const human = await juanzong(['case', 'show', '--archive', dir, '--user', 'admin', c.caseNo]);
    expect(human.stdout).toContain('行政处罚决定书');

    const doc = await juanzong([
      'doc',
      'add',
      '--archive',
      dir,
      '--user',
      'admin',
      '--case',
      c.caseNo,
      '--kind',
      '送达回证',
      '--title',
      '送达回证',
      path.join(root, 'resources', 'sample', 'case-example-page1.jpg'),
      '--json',
    ]);
    expect(doc.code, doc.stderr).toBe(0);
    expect(JSON.parse(doc.stdout)).toMatchObject({ kind: 'SDHZ', pageCount: 1 });

    const verify = await juanzong(['audit', 'verify', '--archive', dir, '--user', 'admin', '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  });

  it('fails with one line naming the item and the reason, and writes nothing', async () => {
    const dir = path.join(tmpDir(), 'archive');
    await juanzong(['init', dir, '--admin', 'admin']);
    const scratch = tmpDir();
    const badCase = path.join(scratch, 'bad-case.json');
    writeFileSync(badCase, JSON.stringify({ title: '无案号的案件', procedure: 'general', parties: [], officers: [], dates: {} }));
    const line = oneLine(await juanzong(['case', 'add', '--archive', dir, '--file', badCase, '--user', 'admin']));
    expect(line).toContain('bad-case.json');
    expect(line).toMatch(/案号/);

    // A case file whose scan is not an image: neither the case nor any document is registered.
    const withBadScan = path.join(scratch, 'with-bad-scan.json');
    const example = JSON.parse((await import('node:fs')).readFileSync(EXAMPLE, 'utf8')) as { documents: { files: string[] }[] };
    example.documents[0]!.files = ['not-a-scan.jpg'];
    writeFileSync(path.join(scratch, 'not-a-scan.jpg'), 'plain text, not a JPEG');
    writeFileSync(withBadScan, JSON.stringify(example));
    expect(oneLine(await juanzong(['case', 'add', '--archive', dir, '--file', withBadScan, '--user', 'admin']))).toMatch(
      /not-a-scan\.jpg.*不是 JPEG、PNG、TIFF 或 PDF 文件/,
    );
    const list = await juanzong(['case', 'list', '--archive', dir, '--user', 'admin', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);

    await juanzong(['case', 'add', '--archive', dir, '--file', EXAMPLE, '--user', 'admin']);
    const empty = path.join(scratch, 'empty.jpg');
    writeFileSync(empty, '');
    expect(oneLine(await juanzong(['doc', 'add', '--archive', dir, '--user', 'admin', '--case', '青石综执罚立〔2024〕52号', '--kind', 'XWBL', empty]))).toMatch(
      /empty\.jpg：文件为空/,
    );
    expect(
      oneLine(await juanzong(['doc', 'add', '--archive', dir, '--user', 'admin', '--case', '青石综执罚立〔2024〕52号', '--kind', '不存在的文书', EXAMPLE])),
    ).toMatch(/不在立卷规范/);
    expect(oneLine(await juanzong(['case', 'list', '--archive', dir, '--user', 'admin'], { JUANZONG_PASSWORD: 'wrong-password' }))).toMatch(/用户名或密码错误/);
    expect(oneLine(await juanzong(['case', 'list', '--archive', path.join(scratch, 'nowhere'), '--user', 'admin']))).toMatch(/不是卷宗档案库/);
  });

  it('adds nothing when the same case file is added again, and refuses another case under a used 案号', async () => {
    const dir = path.join(tmpDir(), 'archive');
    await juanzong(['init', dir, '--admin', 'admin']);
    const scratch = tmpDir();
    await juanzong(['case', 'add', '--archive', dir, '--file', EXAMPLE, '--user', 'admin']);
    // The same case file again (a re-run) adds nothing and says so; another case under that 案号 is refused.
    const again = await juanzong(['case', 'add', '--archive', dir, '--file', EXAMPLE, '--user', 'admin']);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('已登记过，未重复登记') });
    const other = JSON.parse((await import('node:fs')).readFileSync(EXAMPLE, 'utf8')) as { title: string; documents: { files: string[] }[] };
    other.title = '另一起案件';
    for (const d of other.documents) d.files = d.files.map((f) => path.join(path.dirname(EXAMPLE), f));
    const otherFile = path.join(scratch, 'same-case-no.json');
    writeFileSync(otherFile, JSON.stringify(other));
    expect(oneLine(await juanzong(['case', 'add', '--archive', dir, '--file', otherFile, '--user', 'admin']))).toMatch(/已登记，不能重复/);
    expect(JSON.parse((await juanzong(['case', 'list', '--archive', dir, '--user', 'admin', '--json'])).stdout)).toHaveLength(1);
  });

  it('audit verify exits non-zero and names the entry edited behind the app', async () => {
    const dir = path.join(tmpDir(), 'archive');
    await juanzong(['init', dir, '--admin', 'admin']);
    await juanzong(['case', 'add', '--archive', dir, '--file', EXAMPLE, '--user', 'admin']);
    const db = new Database(path.join(dir, 'catalog.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET detail = \'{"caseNo":"伪造"}\' WHERE action = \'case.create\'').run();
    const seq = (db.prepare("SELECT seq FROM audit_log WHERE action = 'case.create'").get() as { seq: number }).seq;
    db.close();
    // audit verify lists every problem it found, one per line, then the one-line failure.
    const r = await juanzong(['audit', 'verify', '--archive', dir, '--user', 'admin']);
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, -1).join('\n')).toContain('只追加触发器 audit_log_no_update 缺失或被改动');
    expect(lines.slice(0, -1).join('\n')).toContain(`第 ${seq} 条审计记录被篡改`);
    expect(lines.at(-1)).toMatch(/^juanzong: .*审计链在第 \d+ 条处断裂/);
    expect(lines.at(-1)).toContain(`第 ${seq} 条审计记录被篡改`);
  });
});
