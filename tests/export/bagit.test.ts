import { createHash, randomFillSync } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.js';
import { SM3_TAG_FILE, writeBag, type WriteBagOptions } from '../../src/export/bagit.js';
import type { BagMetadata } from '../../src/export/metadata-xml.js';
import { verifyBag } from '../../src/export/verify-bag.js';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import { tmpDir } from '../helpers/tmp.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const sm3 = (b: Uint8Array) => createHash('sm3').update(b).digest('hex');

/** A "clip" of pseudo-random bytes (incompressible, like video). */
function clip(file: string, mb: number): string {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < mb; i++) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
  return file;
}

function metadata(): BagMetadata {
  return {
    case: { caseNo: '青石综执罚立〔2024〕99号', title: '张某某未取得乡村建设规划许可证进行建设案', fields: [{ name: '当事人', value: '张某某' }] },
    dossier: {
      title: '张某某未取得乡村建设规划许可证进行建设案',
      archiveCode: 'Z109-WS·2024-Y-ZF-0001',
      archiveNo: '20240001',
      retention: '永久',
      profile: 'henan-township-2016',
      fields: [],
      volumes: [
        { label: '正卷', payloadPath: 'volumes/正卷.pdf', pages: 12 },
        { label: '副卷', payloadPath: 'volumes/副卷.pdf', pages: 4 },
      ],
    },
    av: [
      {
        id: 'clip-1',
        fileName: 'ZFY5130047_20240312093000_0001.MP4',
        payloadPath: 'footage/ZFY5130047_20240312093000_0001.MP4',
        size: null,
        sha256: '',
        sm3: null,
        fields: [{ name: '拍摄时间', value: '2024-03-12T09:30:00+08:00' }],
      },
    ],
    audit: [{ seq: 7, at: '2024-12-10T10:00:00+08:00', actor: '李文静', action: 'dossier.seal', target: 'dossier 3', detail: 'a <b> & "c"', hash: 'ab12' }],
  };
}

function bagInput(dir: string, o: Partial<WriteBagOptions> = {}): WriteBagOptions {
  const src = path.join(dir, 'src');
  execFileSync('mkdir', ['-p', src]);
  const main = path.join(src, 'main.pdf');
  const sub = path.join(src, 'sub.pdf');
  writeFileSync(main, '%PDF-1.7\nmain volume\n');
  writeFileSync(sub, '%PDF-1.7\nsecondary volume\n');
  const video = clip(path.join(src, 'clip.mp4'), 3);
  const v = readFileSync(video);
  const m = metadata();
  m.av[0]!.sha256 = sha256(v);
  m.av[0]!.sm3 = sm3(v);
  m.av[0]!.size = v.length;
  return {
    dir: path.join(dir, 'out', 'Z109-WS·2024-Y-ZF-0001'),
    info: { sourceOrganization: '青石镇综合行政执法大队', externalIdentifier: 'Z109-WS·2024-Y-ZF-0001', baggingDate: '2024-12-11' },
    payload: [
      { path: 'volumes/正卷.pdf', source: main, label: '正卷.pdf' },
      { path: 'volumes/副卷.pdf', source: sub, label: '副卷.pdf' },
      {
        path: 'footage/ZFY5130047_20240312093000_0001.MP4',
        source: video,
        label: 'ZFY5130047_20240312093000_0001.MP4',
        expect: { size: v.length, sha256: sha256(v), sm3: sm3(v) },
      },
    ],
    metadata: m,
    now: () => new Date('2024-12-11T02:00:00Z'),
    ...o,
  };
}

describe('BagIt transfer package', () => {
  it('validates with sha256sum -c from inside the bag, and with our own verifier', async () => {
    const dir = tmpDir();
    const bag = await writeBag(bagInput(dir));
    expect(readdirSync(bag.dir).sort()).toEqual(['bag-info.txt', 'bagit.txt', SM3_TAG_FILE, 'data', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'].sort());
    const check = spawnSync('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], { cwd: bag.dir, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(4);
    const tags = spawnSync('sha256sum', ['-c', '--strict', 'tagmanifest-sha256.txt'], { cwd: bag.dir, encoding: 'utf8' });
    expect(tags.status, tags.stdout + tags.stderr).toBe(0);
    expect(await verifyBag(bag.dir)).toMatchObject({ ok: true, files: 4, problems: [] });
    expect(readdirSync(path.dirname(bag.dir))).toEqual([path.basename(bag.dir)]);
  });

  it('writes the bag declaration, bag-info (档号 as External-Identifier, Payload-Oxum) and SM3 digests in a tag file', async () => {
    const dir = tmpDir();
    const bag = await writeBag(bagInput(dir));
    expect(readFileSync(path.join(bag.dir, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = readFileSync(path.join(bag.dir, 'bag-info.txt'), 'utf8');
    const bytes = bag.payload.reduce((n, p) => n + p.size, 0);
    expect(info).toContain('Source-Organization: 青石镇综合行政执法大队\n');
    expect(info).toContain('Bagging-Date: 2024-12-11\n');
    expect(info).toContain(`Payload-Oxum: ${bytes}.4\n`);
    expect(info).toContain('External-Identifier: Z109-WS·2024-Y-ZF-0001\n');
    const lines = readFileSync(path.join(bag.dir, SM3_TAG_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) {
      const [digest, rel] = l.split(/ {2}/);
      expect(sm3(readFileSync(path.join(bag.dir, rel!)))).toBe(digest);
    }
    const tagList = readFileSync(path.join(bag.dir, 'tagmanifest-sha256.txt'), 'utf8');
    for (const t of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', SM3_TAG_FILE]) expect(tagList).toContain(`  ${t}\n`);
  });

  it('puts case, dossier, volumes, AV items (both digests) and audit events in data/metadata.xml', async () => {
    const dir = tmpDir();
    const input = bagInput(dir);
    const bag = await writeBag(input);
    const xml = readFileSync(path.join(bag.dir, 'data', 'metadata.xml'), 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<case caseNo="青石综执罚立〔2024〕99号">');
    expect(xml).toContain('<archiveCode>Z109-WS·2024-Y-ZF-0001</archiveCode>');
    const main = bag.payload.find((p) => p.path === 'data/volumes/正卷.pdf')!;
    expect(xml).toContain(`<volume label="正卷" path="data/volumes/正卷.pdf" pages="12" size="${main.size}">`);
    expect(xml).toContain(`<digest algorithm="SM3">${main.sm3}</digest>`);
    expect(xml).toContain(`<digest algorithm="SHA-256">${input.metadata.av[0]!.sha256}</digest>`);
    expect(xml).toContain(`<digest algorithm="SM3">${input.metadata.av[0]!.sm3}</digest>`);
    expect(xml).toContain('<detail>a &lt;b&gt; &amp; "c"</detail>');
    // Well-formed: every opened element is closed in order.
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w]*)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });

  it('a disk that fills while copying footage leaves no bag and no partial folder', async () => {
    const dir = tmpDir();
    let written = 0;
    const files: FilePort = {
      ...nodeFilePort,
      async open(p, flags, mode) {
        const h = await nodeFilePort.open(p, flags, mode);
        if (flags !== 'wx') return h;
        const write = h.write.bind(h) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
        (h as unknown as Record<string, unknown>).write = async (...a: unknown[]) => {
          if (written > 2_000_000) throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
          const r = await write(...a);
          written += r.bytesWritten;
          return r;
        };
        return h as FileHandle;
      },
    };
    const input = bagInput(dir, { files });
    const e = await writeBag(input).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toContain('ZFY5130047_20240312093000_0001.MP4');
    expect((e as AppError).messageZh).toContain('磁盘空间已满');
    expect(existsSync(input.dir)).toBe(false);
    expect(readdirSync(path.dirname(input.dir))).toEqual([]);
  });

  it('a footage file that no longer matches its recorded digest stops the package (fixity), naming the clip', async () => {
    const dir = tmpDir();
    const input = bagInput(dir);
    appendFileSync(input.payload[2]!.source, 'tampered');
    const e = await writeBag(input).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('io_error');
    expect((e as AppError).messageZh).toContain('完整性校验失败');
    expect(existsSync(input.dir)).toBe(false);
  });

  it('a payload file changed after bagging fails sha256sum -c and our verifier', async () => {
    const dir = tmpDir();
    const bag = await writeBag(bagInput(dir));
    appendFileSync(path.join(bag.dir, 'data', 'volumes', '副卷.pdf'), 'x');
    const check = spawnSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag.dir, encoding: 'utf8' });
    expect(check.status).not.toBe(0);
    const v = await verifyBag(bag.dir);
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toContain('data/volumes/副卷.pdf');
  });

  it('refuses unsafe payload paths and an existing target', async () => {
    const dir = tmpDir();
    for (const bad of ['../escape.pdf', '/abs.pdf', 'a/../b.pdf', 'x%y.pdf', 'new\nline.pdf', 'metadata.xml']) {
      const input = bagInput(dir);
      input.payload[0]!.path = bad;
      await expect(writeBag(input)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    const input = bagInput(dir);
    await writeBag(input);
    await expect(writeBag(input)).rejects.toMatchObject({ code: 'duplicate' });
  });

  it('streams footage: copying a 64 MB clip does not hold it in memory', async () => {
    const dir = tmpDir();
    const input = bagInput(dir);
    const big = clip(path.join(dir, 'src', 'big.mp4'), 64);
    input.payload[2] = { path: 'footage/big.mp4', source: big, label: 'big.mp4' };
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const bag = await writeBag({ ...input, onBytes: () => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)) });
    expect(bag.payload.find((p) => p.path === 'data/footage/big.mp4')!.size).toBe(64 << 20);
    expect(peak - before).toBeLessThan(16 << 20);
  }, 60_000);
});
