import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract.js';
import { openCore } from '../../src/app-core.js';
import { renderScanPages } from '../../src/demo/scan-page.js';
import { sampleCase } from '../helpers/fixtures.js';

// The app (and `juanzong serve`) open the core with OCR in the background: an import is answered at
// once, and its scans become readable by themselves shortly after, with a job anyone can watch.
const dir = mkdtempSync(path.join(tmpdir(), 'jz-ocr-auto-'));
const PASSWORD = 'secret-pass-1';
let core: Awaited<ReturnType<typeof openCore>> | null = null;
afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('OCR in the background', () => {
  it('reads the scans of a new document without being asked, after the import has returned', async () => {
    core = await openCore({ archiveDir: path.join(dir, 'archive'), createIfMissing: true, ocr: { auto: true, workers: 1 } });
    const c = core;
    const setup = await c.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD }, { transport: 'direct' });
    if (!setup.ok) throw new Error(setup.error.message);
    const token = setup.value.token;
    const call = async <N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
      const r = await c.invoke(name, input, { transport: 'direct', sessionToken: token });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as OpOutput<N>;
    };
    const created = await call('case.create', sampleCase());
    const [jpeg] = await renderScanPages({ kindName: '询问笔录', title: '询问笔录', body: ['问：你叫什么名字？'], pages: 1, caseNo: created.caseNo });
    const file = path.join(dir, 'p1.jpg');
    writeFileSync(file, jpeg!);
    const ocrJobs: string[] = [];
    c.subscribe((e) => {
      if (e.type === 'job.progress' && e.op === 'ocr.run' && e.state === 'done') ocrJobs.push(e.jobId);
    });
    await call('document.add', {
      caseId: created.id,
      kind: 'XWBL',
      title: '询问笔录',
      files: [{ stagedId: (await call('upload.stagePath', { path: file })).stagedId }],
    });
    // Answered before the page was read.
    expect((await call('ocr.status', {})).pending).toBe(1);
    const deadline = Date.now() + 120_000;
    while ((await call('ocr.status', {})).pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const st = await call('ocr.status', {});
    expect(st.pending).toBe(0);
    expect(st.done).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(ocrJobs.length).toBe(1);
  }, 180_000);
});
