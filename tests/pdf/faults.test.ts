import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.js';
import { type FilePort, nodeFilePort } from '../../src/ports/file-port.js';
import type { RenderPage, RenderVolume } from '../../src/pdf/render-model.js';
import { writeVolumePdf } from '../../src/pdf/write-volume.js';
import { tmpDir } from '../helpers/tmp.js';
import { embeddedFontPdf, sampleVolume, scanJpeg } from './helpers/volume.js';

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** A file port whose writes to the .part file fail once `limit` bytes are written (a disk that fills). */
function fullDisk(limit: number, code = 'ENOSPC'): FilePort {
  return {
    ...nodeFilePort,
    async open(p, flags, mode) {
      const h = await nodeFilePort.open(p, flags, mode);
      if (!p.endsWith('.part')) return h;
      let written = 0;
      const write = h.write.bind(h) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
      (h as unknown as Record<string, unknown>).write = async (...a: unknown[]) => {
        const len = typeof a[2] === 'number' ? a[2] : (a[0] as Uint8Array).byteLength;
        if (written + len > limit) throw errno(code);
        const r = await write(...a);
        written += r.bytesWritten;
        return r;
      };
      return h as FileHandle;
    },
  };
}

async function expectError(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

function onlyOneVolume(v: RenderVolume, page: RenderPage): RenderVolume {
  return { ...v, outline: [], pages: [v.pages[0]!, page] };
}

describe('export faults leave no file under the final name', () => {
  it('a disk that fills mid-volume: io_error naming the output, no final file, no leftover part', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir);
    const out = path.join(dir, 'out', '正卷.pdf');
    const e = await expectError(writeVolumePdf(v, { out, files: fullDisk(150_000), poppler: 'off' }));
    expect(e.code).toBe('io_error');
    expect(e.message).toContain('正卷.pdf');
    expect(e.message).toContain('disk is full');
    expect(e.messageZh).toContain('磁盘空间已满');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
    // The same volume then writes fine: nothing was left half-done.
    await writeVolumePdf(v, { out, poppler: 'off' });
    expect(existsSync(out)).toBe(true);
  });

  it('an fsync that fails (device error) also leaves nothing', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const out = path.join(dir, 'out', 'v.pdf');
    const files: FilePort = {
      ...nodeFilePort,
      async open(p, flags, mode) {
        const h = await nodeFilePort.open(p, flags, mode);
        if (p.endsWith('.part')) (h as unknown as Record<string, unknown>).sync = async () => Promise.reject(errno('EIO'));
        return h;
      },
    };
    const e = await expectError(writeVolumePdf(v, { out, files, poppler: 'off' }));
    expect(e.code).toBe('io_error');
    expect(e.messageZh).toContain('读写错误');
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it('a scan that cannot be decoded: bad_file naming the document', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const good = readFileSync(await scanJpeg(path.join(dir, 'whole.jpg')));
    const truncated = path.join(dir, 'truncated.jpg');
    writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
    const garbage = path.join(dir, 'garbage.png');
    writeFileSync(garbage, Buffer.from('this is not an image at all'));
    for (const [file, label] of [
      [truncated, '询问笔录（第2页）'],
      [garbage, '现场检查笔录'],
    ] as const) {
      const out = path.join(dir, 'out', `${label}.pdf`);
      const e = await expectError(writeVolumePdf(onlyOneVolume(v, { kind: 'scan', file, label, stamp: null }), { out, poppler: 'off' }));
      expect(e.code).toBe('bad_file');
      expect(e.item).toBe(label);
      expect(e.message).toContain(label);
      expect(e.messageZh).toContain('无法解码');
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });

  it('an encrypted PDF, a broken xref, a missing page: bad_file naming the document, before anything is written', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const src = await embeddedFontPdf(path.join(dir, 'src.pdf'), 1);
    const encrypted = path.join(dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', src, encrypted]);
    const broken = path.join(dir, 'broken.pdf');
    // The last startxref (img2pdf's files are linearised: the first one sits near the top).
    writeFileSync(broken, Buffer.from(readFileSync(src, 'latin1').replace(/startxref\s+\d+\s+%%EOF\s*$/, 'startxref\n12\n%%EOF\n'), 'latin1'));
    const cases: [RenderPage, RegExp, RegExp][] = [
      [{ kind: 'pdf', file: encrypted, pageIndex: 0, label: '鉴定意见（加密）', stamp: null }, /encrypted/, /已加密/],
      [{ kind: 'pdf', file: broken, pageIndex: 0, label: '勘验笔录', stamp: null }, /cross-reference table is broken/, /交叉引用表已损坏/],
      [{ kind: 'pdf', file: src, pageIndex: 4, label: '现场照片', stamp: null }, /page 5 does not exist/, /第 5 页不存在/],
    ];
    for (const [page, en, zh] of cases) {
      const out = path.join(dir, 'out', 'v.pdf');
      const e = await expectError(writeVolumePdf(onlyOneVolume(v, page), { out, poppler: 'off' }));
      expect(e.code).toBe('bad_file');
      expect(e.item).toBe(page.label);
      expect(e.message).toMatch(en);
      expect(e.messageZh).toMatch(zh);
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    }
  });

  it('a scan that vanished (device unplugged): io_error naming the document', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const out = path.join(dir, 'out', 'v.pdf');
    const e = await expectError(
      writeVolumePdf(onlyOneVolume(v, { kind: 'scan', file: path.join(dir, 'gone.jpg'), label: '送达回证', stamp: null }), { out, poppler: 'off' }),
    );
    expect(e.code).toBe('io_error');
    expect(e.item).toBe('送达回证');
    expect(e.messageZh).toContain('文件不存在');
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });

  it('cancel mid-volume: cancelled, nothing left', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const out = path.join(dir, 'out', 'v.pdf');
    const ac = new AbortController();
    const e = await expectError(writeVolumePdf(v, { out, poppler: 'off', signal: ac.signal, onPage: (done) => done === 3 && ac.abort() }));
    expect(e.code).toBe('cancelled');
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });

  it('a bookmark past the last page is refused before any file is touched', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const out = path.join(dir, 'out', 'v.pdf');
    const e = await expectError(writeVolumePdf({ ...v, outline: [{ title: '送达回证', pageIndex: 99 }] }, { out }));
    expect(e.code).toBe('invalid_input');
    expect(e.messageZh).toContain('送达回证');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
