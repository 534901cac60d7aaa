import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { objectPath, archiveLayout } from '../../src/archive/layout.js';
import { scanJpeg, scanPdf, scanPng, scanTiff, sampleCase, writeText } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { bridgeClient, directClient, ok, type TestClient } from './clients.js';

// One suite, two transports: what the desktop app runs (direct/IPC) is what the browser gets (HTTP).
describe.each([
  ['direct', directClient],
  ['http bridge', bridgeClient],
] as const)('contract over %s', (_label, makeClient) => {
  let dir: string;
  let files: string;
  let c: TestClient;

  beforeEach(async () => {
    dir = path.join(tmpDir(), 'archive');
    files = tmpDir();
    c = await makeClient(dir);
  });
  afterEach(async () => {
    await c.close();
  });

  async function signInAdmin(): Promise<void> {
    const s = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' }));
    c.token = s.token;
  }

  async function addUser(username: string, role: string): Promise<void> {
    ok(await c.call('user.create', { username, displayName: username, role, password: 'secret-pass-1' }));
  }

  async function signIn(username: string): Promise<void> {
    c.token = ok(await c.call('auth.login', { username, password: 'secret-pass-1' })).token;
  }

  it('first run creates the admin once, then only sign-in works', async () => {
    expect(ok(await c.call('auth.status', {})).needsSetup).toBe(true);
    await signInAdmin();
    expect(ok(await c.call('auth.status', {})).needsSetup).toBe(false);
    const again = await c.call('auth.setup', { username: 'evil', displayName: 'x', password: 'secret-pass-2' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('setup_done');
    const bad = await c.call('auth.login', { username: 'admin', password: 'wrong-password' });
    expect(bad.ok || bad.error.messageZh).toBe('用户名或密码错误');
    expect(ok(await c.call('auth.me', {})).role).toBe('admin');
  });

  it('refuses callers without a session, and roles the operation does not list', async () => {
    const anon = await c.call('case.list', {});
    expect(anon.ok ? null : anon.error.code).toBe('unauthenticated');
    await signInAdmin();
    await addUser('pingcha', 'inspector');
    await signIn('pingcha');
    const r = await c.call('case.create', sampleCase());
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    if (!r.ok) expect(r.error.messageZh).toContain('评查员');
    expect(ok(await c.call('case.list', {}))).toEqual([]); // inspectors read
    const users = await c.call('user.list', {});
    expect(users.ok ? null : users.error.code).toBe('forbidden');
  });

  it('registers a case and reads it back with parties, officers and dates', async () => {
    await signInAdmin();
    const created = ok(await c.call('case.create', sampleCase()));
    expect(created.caseNo).toBe('青石综执罚立〔2024〕99号');
    const got = ok(await c.call('case.get', { caseNo: created.caseNo }));
    expect(got.parties[0]).toMatchObject({ type: 'person', name: '张某某' });
    expect(got.officers.map((o) => o.certNo)).toEqual(['豫S11520210047', '豫S11520210051']);
    expect(got.dates).toMatchObject({ filed: '2024-03-12', closed: '2024-12-04' });
    const list = ok(await c.call('case.list', { query: '张某某' }));
    expect(list.map((x) => x.id)).toEqual([created.id]);
    expect(ok(await c.call('case.list', { query: '不存在的人' }))).toEqual([]);
  });

  it('rejects a duplicate 案号 and invalid fields with messages naming the field', async () => {
    await signInAdmin();
    ok(await c.call('case.create', sampleCase()));
    const dup = await c.call('case.create', sampleCase());
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'duplicate', messageZh: '案号 青石综执罚立〔2024〕99号 已登记，不能重复' });
    const bad = await c.call('case.create', {
      ...sampleCase({ caseNo: 'X-1' }),
      parties: [{ type: 'person', name: '李四', idNumber: '411599196803141234' }],
      dates: { closed: '2024-02-30' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input');
      const zh = (bad.error.details as { messageZh: string }[]).map((d) => d.messageZh);
      expect(zh).toContain('当事人 第1项 身份证号码：不是有效的居民身份证号码（18位，校验位不符）');
      expect(zh).toContain('日期 结案日期：不是有效日期（YYYY-MM-DD）');
    }
    expect(ok(await c.call('case.list', {}))).toHaveLength(1);
  });

  it('attaches JPEG, PNG, multi-page TIFF and PDF scans with page counts and thumbnails', async () => {
    await signInAdmin();
    const k = ok(await c.call('case.create', sampleCase()));
    const up = async (f: string) => ({ stagedId: ok(await c.upload(f)).stagedId });
    const jpg = await scanJpeg(path.join(files, '询问笔录-1.jpg'));
    const blank = await scanJpeg(path.join(files, '询问笔录-2.jpg'), { blank: true });
    const d1 = ok(
      await c.call('document.add', { caseId: k.id, kind: 'XWBL', title: '张某某询问笔录', date: '2024-03-13', files: [await up(jpg), await up(blank)] }),
    );
    expect(d1).toMatchObject({ kind: 'XWBL', kindName: '询问笔录', pageCount: 2 });
    expect(d1.pages.map((p) => p.blankSuggested)).toEqual([false, true]);
    expect(d1.pages.every((p) => p.hasThumb && p.side === 'front')).toBe(true);

    const tif = await scanTiff(path.join(files, 'scan.tif'), 3);
    const png = await scanPng(path.join(files, 'photo.png'));
    const d2 = ok(await c.call('document.add', { caseId: k.id, kind: '现场照片', title: '现场照片', files: [await up(tif), await up(png)] }));
    expect(d2.kind).toBe('XCZP');
    expect(d2.pageCount).toBe(4);
    expect(d2.pages.map((p) => p.sourcePage)).toEqual([0, 1, 2, 0]);

    const pdf = await scanPdf(files, '决定书.pdf', 2);
    const d3 = ok(
      await c.call('document.add', { caseId: k.id, kind: 'CFJDS', title: '行政处罚决定书', docNo: '青石综执罚决〔2024〕99号', files: [await up(pdf)] }),
    );
    expect(d3.pageCount).toBe(2);
    expect(d3.pages[0]).toMatchObject({ mediaType: 'application/pdf', hasThumb: false });

    // The original is stored content-addressed, read-only, byte for byte.
    const f = d3.files[0]!;
    const stored = objectPath(archiveLayout(dir), f.sha256);
    expect(execFileSync('sha256sum', [stored]).toString().split(' ')[0]).toBe(f.sha256);
    expect(statSync(stored).mode & 0o222).toBe(0);

    const page = ok(await c.call('page.update', { id: d1.pages[1]!.id, side: 'back', blank: true }));
    expect(page).toMatchObject({ side: 'back', blank: true });
    const detail = ok(await c.call('case.get', { id: k.id }));
    expect(detail.documents.map((d) => d.pageCount)).toEqual([2, 4, 2]);
    expect(detail.pageCount).toBe(8);
  });

  it('refuses bad files with the file named, and writes nothing', async () => {
    await signInAdmin();
    const k = ok(await c.call('case.create', sampleCase()));
    const good = await scanJpeg(path.join(files, 'good.jpg'));
    const cases: [string, string, RegExp][] = [
      [writeText(path.join(files, 'notes.jpg'), 'this is not an image at all'), 'notes.jpg', /不是 JPEG、PNG、TIFF 或 PDF 文件/],
      [
        writeText(path.join(files, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'),
        'broken.pdf',
        /PDF 文件已损坏|PDF 没有页面|PDF 页面结构已损坏/,
      ],
      [writeText(path.join(files, 'cut.jpg'), ''), 'cut.jpg', /文件为空/],
    ];
    const truncated = path.join(files, 'truncated.png');
    const full = await scanPng(path.join(files, 'full.png'));
    writeFileSync(truncated, (await import('node:fs')).readFileSync(full).subarray(0, 200));
    cases.push([truncated, 'truncated.png', /图像无法解码/]);
    const encrypted = path.join(files, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', await scanPdf(files, 'plain.pdf', 1), encrypted]);
    cases.push([encrypted, 'locked.pdf', /PDF 已加密/]);

    for (const [file, name, zh] of cases) {
      const staged = await c.upload(file);
      if (!staged.ok) {
        expect(staged.error.messageZh, name).toMatch(zh);
        expect(staged.error.item).toBe(name);
        continue;
      }
      const goodStaged = ok(await c.upload(good));
      const r = await c.call('document.add', {
        caseId: k.id,
        kind: 'XWBL',
        title: 't',
        files: [{ stagedId: goodStaged.stagedId }, { stagedId: staged.value.stagedId }],
      });
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad_file');
        expect(r.error.item).toBe(name);
        expect(r.error.messageZh).toMatch(zh);
      }
    }
    const detail = ok(await c.call('case.get', { id: k.id }));
    expect(detail.documents).toEqual([]);
    const objects = path.join(dir, 'objects', 'sha256');
    expect(existsSync(objects) ? readdirSync(objects) : []).toEqual([]);
  });

  it('refuses file names with path separators or control characters', async () => {
    await signInAdmin();
    const good = await scanJpeg(path.join(files, 'good.jpg'));
    for (const name of ['a/b.jpg', '..\\x.jpg', 'bell\u0007.jpg']) {
      const r = await c.upload(good, name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.messageZh).toMatch(/路径分隔符|控制字符/);
    }
  });

  it('records every change in a verifiable audit chain', async () => {
    await signInAdmin();
    const k = ok(await c.call('case.create', sampleCase()));
    ok(await c.call('case.update', { id: k.id, case: sampleCase({ cause: '改正后的案由' }) }));
    const log = ok(await c.call('audit.list', { limit: 50 }));
    expect(log.map((e) => e.action)).toEqual(['case.update', 'case.create', 'user.create']);
    expect(log[0]!.beforeDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(log[0]!.afterDigest).not.toBe(log[0]!.beforeDigest);
    const v = ok(await c.call('audit.verify', {}));
    expect(v).toMatchObject({ ok: true, checked: 3, headSeq: 3, anchor: { seq: 3 } });
  });

  it('validates input before the handler runs', async () => {
    await signInAdmin();
    const r = await c.call('case.get', { id: -1 });
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
    const u = await c.call('no.such.op' as never, {});
    expect(u.ok ? null : u.error.code).toBe('not_found');
  });
});
