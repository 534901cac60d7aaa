/**
 * A 2,000-page dossier through the real operations: 20 imported 100-page PDFs plus a case's scans,
 * bound by the default profile (volumes split at 200 pages), sealed, and exported. Every volume comes
 * out as its own PDF/A file whose page count poppler confirms, and qpdf accepts them.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract.js';
import { openCore } from '../../src/app-core.js';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { scanJpeg } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';

const PASSWORD = 'secret-pass-1';

describe('a 2,000-page dossier', () => {
  it('binds into volumes of at most 200 pages and exports each as its own PDF/A file', { timeout: 600_000 }, async () => {
    const dir = tmpDir();
    const core = await openCore({ archiveDir: path.join(dir, 'archive'), createIfMissing: true });
    core.archive.meta.set('fonds_no', 'Z109');
    core.archive.meta.set('catalog_no', 'ZF');
    let token = '';
    const call = async <N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
      const r = await core.invoke(name, input, { transport: 'direct', ...(token ? { sessionToken: token } : {}) });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as OpOutput<N>;
    };
    try {
      token = (await call('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD })).token;
      const sample = loadSampleCases(resourcesDir())[1]!;
      const c = await call('case.create', sample.case);
      let n = 0;
      for (const d of sample.documents) {
        const files = [];
        for (let p = 0; p < d.pages; p++) {
          const f = await scanJpeg(path.join(dir, `p${++n}.jpg`), { width: 400 + n * 10 });
          files.push({ stagedId: (await call('upload.stagePath', { path: f })).stagedId });
        }
        await call('document.add', { caseId: c.id, kind: d.kind, title: d.title, docNo: d.docNo, responsible: d.responsible, date: d.date, files });
      }
      // Twenty 100-page PDFs (an imported 现场检查 attachment each), made with img2pdf from small scans.
      for (let i = 1; i <= 20; i++) {
        const page = await scanJpeg(path.join(dir, `att${i}.jpg`), { width: 300 + i });
        const pdf = path.join(dir, `attachment-${i}.pdf`);
        execFileSync('img2pdf', ['--pagesize', 'A4', '-o', pdf, ...Array.from({ length: 100 }, () => page)]);
        const staged = (await call('upload.stagePath', { path: pdf })).stagedId;
        await call('document.add', {
          caseId: c.id,
          kind: 'QT',
          title: `现场检查附件材料（第${i}部分）`,
          date: sample.case.dates.closed,
          files: [{ stagedId: staged }],
        });
      }
      const preview = await call('dossier.preview', { caseId: c.id });
      for (const w of preview.blockers.filter((x) => x.severity === 'warning'))
        await call('dossier.acknowledge', { caseId: c.id, warning: w.key, reason: '测试数据' });
      const sealed = await call('dossier.seal', { caseId: c.id, checker: '周立新' });
      const volumes = sealed.bound.volumes;
      expect(sealed.bound.totals.pages).toBeGreaterThanOrEqual(2006);
      expect(volumes.length).toBeGreaterThanOrEqual(10);
      for (const v of volumes) expect(v.pageCount, `volume ${v.index}`).toBeLessThanOrEqual(200);

      const out = path.join(dir, 'exports');
      const r = await call('dossier.export', { caseId: c.id, out, package: false });
      expect(r.volumes).toHaveLength(volumes.length);
      expect(new Set(r.volumes.map((v) => v.file)).size).toBe(volumes.length);
      for (const [i, v] of r.volumes.entries()) {
        const model = sealed.pages.volumes[i]!;
        expect(v.pages, v.file).toBe(model.pages.length);
        const info = execFileSync('pdfinfo', [v.path], { encoding: 'utf8' });
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), v.file).toBe(v.pages);
        expect(info).toMatch(/PDF version:\s+1\.7/);
      }
      // qpdf on the first and the last volume (each a few hundred pages of small images).
      for (const v of [r.volumes[0]!, r.volumes[r.volumes.length - 1]!]) execFileSync('qpdf', ['--check', v.path], { stdio: 'pipe' });
    } finally {
      await core.close();
    }
  });
});
