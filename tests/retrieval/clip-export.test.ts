import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.js';
import type { UserInfo } from '../../src/api/types.js';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import { type ClipExportDeps, exportClip } from '../../src/retrieval/clip-export.js';
import { createGrant } from '../../src/retrieval/grants.js';
import type { FootageClient } from '../footage/helpers/footage-core.js';
import { tmpDir } from '../helpers/tmp.js';
import { archiveWithClip, ffprobeJson, makeGopVideo } from './clip-export-helpers.js';

const open: FootageClient[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function setup(): Promise<{ root: string; c: FootageClient; clipId: number; admin: UserInfo; deps: (o?: Partial<ClipExportDeps>) => ClipExportDeps }> {
  const root = tmpDir();
  const { c, clipId } = await archiveWithClip(root);
  open.push(c);
  const admin = (await c.call('auth.me' as never, {})) as unknown as UserInfo;
  const deps = (o: Partial<ClipExportDeps> = {}): ClipExportDeps => ({
    archive: c.core.archive,
    files: nodeFilePort,
    pool: c.core.footage.pool,
    timezone: 'Asia/Shanghai',
    ...o,
  });
  return { root, c, clipId, admin, deps };
}

const sha256 = (f: string) => execFileSync('sha256sum', [f], { encoding: 'utf8' }).split(' ')[0];
const errOf = async (p: Promise<unknown>): Promise<AppError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

describe('clip export (复制/提取)', () => {
  it('stream copy: snaps in to the key frame before it, writes the cut, 提取说明.pdf and manifests that sha256sum -c and openssl SM3 check; the original is untouched; audited', async () => {
    const { root, c, clipId, admin, deps } = await setup();
    const clip = c.core.archive.db.prepare('SELECT sha256, sm3 FROM clips WHERE id = ?').get(clipId) as { sha256: string; sm3: string };
    const stored = c.core.archive.store.pathOf(clip.sha256);
    const before = sha256(stored);
    const target = path.join(root, 'out');
    const r = await exportClip(deps(), admin, { clipId, inSec: 3, outSec: 5, target, reason: '投诉核查需要' });

    expect(r.method).toBe('copy');
    expect(r.actual.inSec).toBeCloseTo(2, 2); // key frames at 0, 2, 4 s
    expect(r.actual.outSec).toBeGreaterThan(4.8);
    expect(r.actual.outSec).toBeLessThan(5.2);
    expect(readdirSync(target)).toEqual([path.basename(r.folder)]);
    const names = readdirSync(r.folder).sort();
    const cut = r.files.find((f) => f.role === 'copy')!;
    expect(names).toEqual([cut.name, 'manifest-sha256.txt', 'manifest-sm3.txt', '提取说明.pdf'].sort());
    expect(execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: r.folder, encoding: 'utf8' })).toMatch(/: OK\n.*: OK\n$/);
    for (const line of readFileSync(path.join(r.folder, 'manifest-sm3.txt'), 'utf8').trim().split('\n')) {
      const [h, f] = line.split('  ');
      const got = execFileSync('openssl', ['dgst', '-sm3', '-r', f!], { cwd: r.folder, encoding: 'utf8' }).split(' ')[0];
      expect(got).toBe(h);
    }
    const probed = ffprobeJson(path.join(r.folder, cut.name));
    expect(Number(probed.format.duration)).toBeCloseTo(r.actual.outSec - r.actual.inSec, 0);
    expect(probed.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

    const note = execFileSync('pdftotext', [path.join(r.folder, '提取说明.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of [
      '视听资料复制件说明',
      '制作方法',
      '制作人',
      '管理员（admin）',
      '投诉核查需要',
      clip.sha256,
      clip.sm3,
      cut.sha256,
      '00:00:03.000',
      '00:00:02.000',
      '实时调阅',
    ])
      expect(note).toContain(s);

    expect(sha256(stored)).toBe(before);
    expect(before).toBe(clip.sha256);
    const audit = c.core.archive.db.prepare("SELECT target_id AS t, detail FROM audit_log WHERE action = 'clip.export'").all() as {
      t: string;
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.t).toBe(String(clipId));
    const detail = JSON.parse(audit[0]!.detail) as { files: { sha256: string; sm3: string }[]; actual: { inSec: number } };
    expect(detail.files.map((f) => f.sha256)).toEqual(r.files.map((f) => f.sha256));
    expect(detail.actual.inSec).toBeCloseTo(2, 2);
  });

  it('re-encode is frame-exact with the watermark; --whole adds the original, identical to the stored one', async () => {
    const { root, c, clipId, admin, deps } = await setup();
    const clip = c.core.archive.db.prepare('SELECT sha256, original_name AS name FROM clips WHERE id = ?').get(clipId) as { sha256: string; name: string };
    const r = await exportClip(deps(), admin, { clipId, inSec: 3, outSec: 5, target: path.join(root, 'out'), reencode: true, whole: true, reason: '复议诉讼' });
    expect(r.method).toBe('reencode');
    expect(r.actual.inSec).toBe(3);
    const cut = r.files.find((f) => f.role === 'copy')!;
    expect(cut.name).toMatch(/_水印\.mp4$/);
    const probed = ffprobeJson(path.join(r.folder, cut.name));
    expect(Number(probed.format.duration)).toBeGreaterThan(1.9);
    expect(Number(probed.format.duration)).toBeLessThan(2.2);
    // The watermark is burned in: the bottom strip differs from the original's same frame far more than the middle does.
    const gray = (file: string, at: number) =>
      execFileSync('ffmpeg', ['-v', 'error', '-ss', String(at), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], {
        maxBuffer: 1 << 22,
      });
    const a = gray(path.join(r.folder, cut.name), 0.5);
    const b = gray(c.core.archive.store.pathOf(clip.sha256), 3.5);
    const diff = (y0: number, y1: number) => {
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = 8; x < 160; x++) sum += Math.abs(a[y * 320 + x]! - b[y * 320 + x]!);
      return sum / ((y1 - y0) * 152);
    };
    expect(a.length).toBe(320 * 240);
    expect(diff(215, 232)).toBeGreaterThan(4 * diff(100, 140) + 5);
    const original = r.files.find((f) => f.role === 'original')!;
    expect(original.name).toBe(clip.name);
    expect(original.sha256).toBe(clip.sha256);
    expect(sha256(path.join(r.folder, clip.name))).toBe(clip.sha256);
    expect(execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: r.folder, encoding: 'utf8' }).match(/: OK/g)).toHaveLength(3);
  });

  it('in/out outside the clip or reversed, and a relative target, are refused with nothing written', async () => {
    const { root, clipId, admin, deps } = await setup();
    const target = path.join(root, 'out');
    const cases: [number, number, RegExp][] = [
      [4, 2, /出点 00:00:02.000 必须晚于入点 00:00:04.000/],
      [3, 3, /必须晚于入点/],
      [-1, 2, /入点 .* 早于记录开始/],
      [1, 60, /出点 00:01:00.000 超出记录时长/],
    ];
    for (const [inSec, outSec, zh] of cases) {
      const e = await errOf(exportClip(deps(), admin, { clipId, inSec, outSec, target, reason: '核查' }));
      expect(e.code).toBe('invalid_input');
      expect(e.messageZh).toMatch(zh);
      expect(e.messageZh).toContain('20260115_093000_0001.mp4');
    }
    const rel = await errOf(exportClip(deps(), admin, { clipId, inSec: 1, outSec: 2, target: 'out', reason: '核查' }));
    expect(rel.messageZh).toContain('不是完整（绝对）的文件夹路径');
    const missing = await errOf(exportClip(deps(), admin, { clipId: 999, inSec: 1, outSec: 2, target, reason: '核查' }));
    expect(missing.code).toBe('not_found');
    expect(existsSync(target)).toBe(false);
  });

  it('a full disk, a read-only folder or a cancel half-way leave nothing in the target, and the original is untouched', async () => {
    const { root, c, clipId, admin, deps } = await setup();
    const target = path.join(root, 'out');
    const stored = c.core.archive.store.pathOf((c.core.archive.db.prepare('SELECT sha256 FROM clips WHERE id = ?').get(clipId) as { sha256: string }).sha256);
    const before = sha256(stored);
    const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
    // Writes into the export folder fail after 50 KB (the cut is ~100 KB): the disk fills.
    let written = 0;
    const fullDisk: FilePort = {
      ...nodeFilePort,
      async open(p, flags, mode) {
        const h = await nodeFilePort.open(p, flags, mode);
        if (!p.startsWith(target) || flags === 'r') return h;
        const write = h.write.bind(h) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
        (h as unknown as Record<string, unknown>).write = async (...a: unknown[]) => {
          const len = typeof a[2] === 'number' ? a[2] : (a[0] as Uint8Array).byteLength;
          if (written + len > 50_000) throw errno('ENOSPC');
          written += len;
          return write(...a);
        };
        return h as FileHandle;
      },
    };
    const full = await errOf(exportClip(deps({ files: fullDisk }), admin, { clipId, inSec: 0, outSec: 6, target, reason: '核查' }));
    expect(full.code).toBe('io_error');
    expect(full.messageZh).toContain('磁盘空间已满');
    expect(readdirSync(target)).toEqual([]);

    const readOnly: FilePort = { ...nodeFilePort, mkdir: (p, o) => (p.startsWith(target) ? Promise.reject(errno('EROFS')) : nodeFilePort.mkdir(p, o)) };
    const ro = await errOf(exportClip(deps({ files: readOnly }), admin, { clipId, inSec: 0, outSec: 6, target: path.join(target, 'ro'), reason: '核查' }));
    expect(ro.code).toBe('io_error');
    expect(readdirSync(target)).toEqual([]);

    const ac = new AbortController();
    const cancelled = await errOf(
      exportClip(deps({ signal: ac.signal, onStep: (s) => s === 'note' && ac.abort() }), admin, {
        clipId,
        inSec: 0,
        outSec: 6,
        target,
        whole: true,
        reason: '核查',
      }),
    );
    expect(cancelled.code).toBe('cancelled');
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(c.core.archive.layout.tmp).filter((n) => !n.startsWith('uploads'))).toEqual([]);
    expect(sha256(stored)).toBe(before);
    expect(c.core.archive.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'clip.export'").get()).toEqual({ n: 0 });
  });

  it('an inspector without a grant that allows copying is refused, and the refusal is recorded', async () => {
    const { root, c, clipId, deps } = await setup();
    const inspector = (await c.call(
      'user.create' as never,
      { username: 'pingcha', displayName: '评查员甲', role: 'inspector', password: 'secret-pass-2' } as never,
    )) as unknown as UserInfo;
    const e = await errOf(exportClip(deps(), inspector, { clipId, inSec: 1, outSec: 2, target: path.join(root, 'out'), reason: '核查' }));
    expect(e.code).toBe('forbidden');
    expect(e.messageZh).toContain('无权复制该音像记录');
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    expect(c.core.archive.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'retrieval.refused'").get()).toEqual({ n: 1 });
  });

  it('clip.export through the contract runs as a job with progress per step, and job.cancel stops it leaving nothing', async () => {
    const { root, c, clipId } = await setup();
    const events: { op: string; state: string; item: string | null; itemsDone: number; itemsTotal: number }[] = [];
    const off = c.core.subscribe((e) => void (e.type === 'job.progress' && e.op === 'clip.export' && events.push(e)));
    const target = path.join(root, 'via-contract');
    const r = (await c.call(
      'clip.export' as never,
      { clipId, inSec: 1, outSec: 3, target, reason: '案卷评查', jobId: 'clip-job-0001' } as never,
    )) as unknown as {
      folder: string;
    };
    expect(readdirSync(r.folder)).toHaveLength(4);
    expect(events.map((e) => e.item).filter((x, i, all) => x && all.indexOf(x) === i)).toEqual(['cut', 'note', 'manifests']);
    expect(events.at(-1)).toMatchObject({ state: 'done', itemsDone: 3, itemsTotal: 3 });

    const t2 = path.join(root, 'cancelled');
    const p = c.call('clip.export' as never, { clipId, inSec: 0, outSec: 6, target: t2, whole: true, reason: '案卷评查', jobId: 'clip-job-0002' } as never);
    const stop = c.core.subscribe((e) => {
      if (e.type === 'job.progress' && e.jobId === 'clip-job-0002' && e.item === 'note')
        void c.call('job.cancel' as never, { jobId: 'clip-job-0002' } as never);
    });
    const e = (await p.then(
      () => null,
      (x: unknown) => x,
    )) as { payload?: { code: string } } | null;
    stop();
    off();
    expect(e?.payload?.code).toBe('cancelled');
    expect(readdirSync(t2)).toEqual([]);
  });

  it('an MPEG-TS clip (its timestamps start at 1.4 s) snaps to the key frame counted from the start of the recording', async () => {
    const root = tmpDir();
    const { c, clipId } = await archiveWithClip(root, (d) => makeGopVideo(d, '20260115_120000_0004.ts'));
    open.push(c);
    const admin = (await c.call('auth.me' as never, {})) as unknown as UserInfo;
    const deps: ClipExportDeps = { archive: c.core.archive, files: nodeFilePort, pool: c.core.footage.pool, timezone: 'Asia/Shanghai' };
    const r = await exportClip(deps, admin, { clipId, inSec: 3, outSec: 5, target: path.join(root, 'out'), reason: '监督检查' });
    // The key frame at 2 s of video (the audio's priming makes the container start ~0.06 s earlier), not 3.4 s.
    expect(r.actual.inSec).toBeGreaterThan(1.95);
    expect(r.actual.inSec).toBeLessThan(2.2);
    const cut = r.files.find((f) => f.role === 'copy')!;
    expect(cut.name).toMatch(/\.ts$/);
    expect(Number(ffprobeJson(path.join(r.folder, cut.name)).format.duration)).toBeCloseTo(3, 0);
  });

  it('an archivist copies under a grant that allows copying; the note names the grant, a view-only grant is refused', async () => {
    const { root, c, clipId, admin, deps } = await setup();
    const make = (username: string) =>
      c.call(
        'user.create' as never,
        { username, displayName: `档案员${username}`, role: 'archivist', password: 'secret-pass-2' } as never,
      ) as unknown as Promise<UserInfo>;
    const copier = await make('dangan1');
    const viewer = await make('dangan2');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const grant = (userId: number, allowCopy: boolean) =>
      createGrant(c.core.archive, admin, {
        userId,
        scope: { clipIds: [clipId] },
        until,
        allowCopy,
        purpose: 'complaint',
        reason: '投诉核查',
        source: 'review-assignment',
      });
    const g = grant(copier.id, true);
    grant(viewer.id, false);
    const r = await exportClip(deps(), copier, { clipId, inSec: 0, outSec: 2, target: path.join(root, 'out'), reason: '投诉核查' });
    expect(r.grantId).toBe(g);
    const note = execFileSync('pdftotext', [path.join(r.folder, '提取说明.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(note).toContain(`调阅授权第${g}号（允许复制`);
    const e = await errOf(exportClip(deps(), viewer, { clipId, inSec: 0, outSec: 2, target: path.join(root, 'out2'), reason: '投诉核查' }));
    expect(e.code).toBe('forbidden');
    expect(e.messageZh).toContain('只允许观看，不允许复制');
  });
});
