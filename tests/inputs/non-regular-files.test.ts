import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/app-core.js';
import { tmpDir } from '../helpers/tmp.js';

// A FIFO named as a scan used to hang `doc add` for ever (the open waits for a writer).
describe('non-regular files handed over as documents', () => {
  let core: Awaited<ReturnType<typeof openCore>>;
  let token: string;
  beforeEach(async () => {
    core = await openCore({ archiveDir: path.join(tmpDir(), 'a'), createIfMissing: true });
    const s = await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' }, { transport: 'direct' });
    if (!s.ok) throw new Error(s.error.message);
    token = s.value.token;
  });
  afterEach(async () => core.close());

  it('a FIFO, a folder and /dev/zero are refused at once, naming the file', async () => {
    const dir = tmpDir();
    const fifo = path.join(dir, '扫描件.jpg');
    execFileSync('mkfifo', [fifo]);
    for (const p of [fifo, dir, '/dev/zero']) {
      const started = Date.now();
      const r = await core.invoke('upload.stagePath', { path: p }, { transport: 'direct', sessionToken: token });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(r.ok ? '' : r.error.code, p).toBe('bad_file');
      if (!r.ok) expect(r.error.messageZh).toBe(`${path.basename(p)}：不是普通文件（文件夹、管道或设备）`);
    }
  });
});
