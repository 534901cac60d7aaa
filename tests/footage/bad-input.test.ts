import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';
import { footageClient } from './helpers/footage-core.js';
import { makeVideo } from './helpers/media.js';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('bad input on a camera', () => {
  it('gives each bad file its own error naming it and the reason, and ingests the rest', async () => {
    const root = path.join(tmpDir(), 'cam');
    const p = (n: string) => path.join(root, n);
    makeVideo(p('ZFY5130047_115007_20240311094032_0001.MP4'), { tag: 'good' });
    makeVideo(p('现场 录像 #1 (副本) & 100%.mp4'), { tag: 'odd-but-fine' });
    // Cut off mid-recording: the moov index (at the end) never written.
    makeVideo(p('ZFY5130047_115007_20240311100000_0002.MP4'), { tag: 'cut', seconds: 3 });
    truncateSync(p('ZFY5130047_115007_20240311100000_0002.MP4'), Math.floor(readFileSync(p('ZFY5130047_115007_20240311100000_0002.MP4')).length / 2));
    // Index first (faststart), data cut off.
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x240:rate=15',
      '-t',
      '3',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-movflags',
      '+faststart',
      p('ZFY5130047_115007_20240311101000_0003.MP4'),
    ]);
    truncateSync(p('ZFY5130047_115007_20240311101000_0003.MP4'), Math.floor(readFileSync(p('ZFY5130047_115007_20240311101000_0003.MP4')).length * 0.7));
    // Corrupt: a real header, then noise.
    const good = readFileSync(p('ZFY5130047_115007_20240311094032_0001.MP4'));
    writeFileSync(p('ZFY5130047_115007_20240311102000_0004.MP4'), Buffer.concat([good.subarray(0, 32), randomBytes(200_000)]));
    writeFileSync(p('ZFY5130047_115007_20240311103000_0005.MP4'), '');
    writeFileSync(p('notes.mp4'), '巡查记录：这不是视频文件。\n');
    writeFileSync(p('bad\nname.mp4'), good);
    writeFileSync(Buffer.from(`${root}/\xb2\xe2\xca\xd4.mp4`, 'latin1'), Buffer.concat([good, Buffer.from('x')]));

    const c = await footageClient(path.join(tmpDir(), 'archive'));
    const r = await c.call('footage.ingest', { source: root, derive: 'skip' });
    expect(r.new).toBe(2);
    const byFile = Object.fromEntries(r.errors.map((e) => [e.relPath, e]));
    expect(Object.keys(byFile)).toHaveLength(7);
    expect(byFile['ZFY5130047_115007_20240311100000_0002.MP4']?.messageZh).toMatch(/^ZFY5130047_115007_20240311100000_0002\.MP4：文件不完整/);
    expect(byFile['ZFY5130047_115007_20240311101000_0003.MP4']?.messageZh).toMatch(/文件不完整：“mdat”结构需要 \d+ 字节/);
    expect(byFile['ZFY5130047_115007_20240311102000_0004.MP4']?.code).toBe('bad_file');
    expect(byFile['ZFY5130047_115007_20240311103000_0005.MP4']?.messageZh).toMatch(/文件为空（0 字节）/);
    expect(byFile['notes.mp4']?.messageZh).toMatch(/不是音视频或照片文件.*\.mp4/);
    expect(byFile['bad\nname.mp4']?.messageZh).toMatch(/控制字符/);
    const gbk = r.errors.find((e) => e.messageZh.includes('UTF-8'));
    expect(gbk?.code).toBe('bad_file');
    for (const e of r.errors) {
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.messageZh.length).toBeGreaterThan(5);
    }
    // Nothing half-stored: two objects, an empty tmp/.
    expect(files(path.join(c.core.archiveDir, 'objects'))).toHaveLength(2);
    expect(files(path.join(c.core.archiveDir, 'tmp'))).toEqual([]);
    const names = (await c.call('footage.list', {})).items.map((i) => i.originalName).sort();
    expect(names).toEqual(['ZFY5130047_115007_20240311094032_0001.MP4', '现场 录像 #1 (副本) & 100%.mp4']);
    await c.close();
  });

  it('refuses a folder that is not there, naming it', async () => {
    const c = await footageClient(path.join(tmpDir(), 'archive'));
    const r = await c.raw('footage.ingest', { source: path.join(tmpDir(), 'no-such-camera') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.messageZh).toMatch(/no-such-camera：文件不存在/);
    await c.close();
  });

  it('refuses a relative source folder (whose working folder would it be?), ingesting nothing', async () => {
    const c = await footageClient(path.join(tmpDir(), 'archive'));
    const r = await c.raw('footage.ingest', { source: 'DCIM/100MEDIA' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', item: 'source' } });
    if (!r.ok) expect(r.error.messageZh).toContain('DCIM/100MEDIA 不是完整（绝对）的文件夹路径');
    expect((await c.call('footage.list', {})).total).toBe(0);
    await c.close();
  });
});
