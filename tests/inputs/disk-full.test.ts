import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/app-core.js';
import { sampleCase, scanJpeg } from '../helpers/fixtures.js';

// A disk filled for real: the archive lives on a 6 MiB tmpfs (the tests run as root here, as in CI).
// A file too big for what is left is refused as "disk full" naming the file, and the catalogue
// stays whole: the next call that fits succeeds.

const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) {
    execFileSync('umount', ['-l', m]);
    rmSync(m, { recursive: true, force: true });
  }
});

function smallDisk(mib: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jz-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', dir]);
  } catch (e) {
    throw new Error(`this test mounts a small tmpfs and needs root (mount -t tmpfs): ${(e as Error).message}`, { cause: e });
  }
  mounts.push(dir);
  return dir;
}

describe('a full disk', () => {
  it('refuses an upload that does not fit naming the file, a catalogue write naming catalog.db, in Chinese, and the archive keeps working', async () => {
    const disk = smallDisk(6);
    const outside = mkdtempSync(path.join(tmpdir(), 'jz-big-'));
    try {
      const core = await openCore({ archiveDir: path.join(disk, 'archive'), createIfMissing: true });
      try {
        const s = await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' }, { transport: 'direct' });
        if (!s.ok) throw new Error(s.error.message);
        const ctx = { transport: 'direct' as const, sessionToken: s.value.token };
        const big = path.join(outside, '大扫描件.pdf');
        writeFileSync(big, Buffer.alloc(12 * 1024 * 1024, 0x25));
        const r = await core.invoke('upload.stagePath', { path: big }, ctx);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        // The object store names the file and the reason (its io_error, as the export fault tests expect).
        expect(r.error.code).toBe('io_error');
        expect(r.error.messageZh).toBe('大扫描件.pdf：磁盘空间已满');
        expect(r.error.item).toBe('大扫描件.pdf');
        // SQLite on a full disk (SQLITE_FULL, or a "disk I/O error" while extending the WAL): translated, naming the catalogue.
        const filler = path.join(disk, 'filler.bin');
        try {
          writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
        } catch {
          /* filled to the last byte */
        }
        const full = await core.invoke('case.create', sampleCase({ caseNo: '青石综执罚立〔2024〕98号', title: '案'.repeat(300) }), ctx);
        expect(full.ok).toBe(false);
        if (!full.ok) {
          expect(['disk_full', 'io_error']).toContain(full.error.code);
          expect(full.error.messageZh).toMatch(/catalog\.db/);
          expect(full.error.messageZh).not.toMatch(/内部错误|SqliteError/);
        }
        rmSync(filler, { force: true });
        // The catalogue is intact and still takes what fits.
        const c = await core.invoke('case.create', sampleCase(), ctx);
        expect(c.ok ? 'ok' : c.error.message).toBe('ok');
        mkdirSync(path.join(outside, 'scans'));
        const small = await scanJpeg(path.join(outside, 'scans', 'p1.jpg'));
        expect((await core.invoke('upload.stagePath', { path: small }, ctx)).ok).toBe(true);
      } finally {
        await core.close();
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
