import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { bindCase } from '../../src/binding/bind.js';
import { pageModel } from '../../src/binding/page-model.js';
import { renderVolumes } from '../../src/pdf/from-page-model.js';
import { writeVolumePdf } from '../../src/pdf/write-volume.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { CTX, profile, sampleAv, sampleInputs } from '../dossier/helpers/sample-input.js';
import { tmpDir } from '../helpers/tmp.js';
import { qpdfCheck, qpdfJson, run, squash, wordsOnPage } from './helpers/tools.js';
import { scanJpeg } from './helpers/volume.js';

describe('binding’s page model → PDF/A volume', () => {
  it('renders every page of a bound sample case, numbered where binding numbers, one bookmark per 目录 row', async () => {
    const dir = tmpDir();
    const sample = loadSampleCases(resourcesDir())[2]!;
    const input = { ...sampleInputs()[2]!, av: sampleAv(sample) };
    const ctx = { ...CTX, checker: '周立新', archiveNo: '20240003', archiveCode: { fondsNo: 'Z109', catalogNo: '3', fileNo: null, year: 2024, serial: 3 } };
    const bound = bindCase(profile('henan-township-2016'), input, ctx);
    const model = pageModel(bound);
    const scans = await Promise.all([0, 1, 2].map((i) => scanJpeg(path.join(dir, `s${i}.jpg`), { seed: i, dpi: 75 })));
    const contact = await scanJpeg(path.join(dir, 'contact.jpg'), { width: 480, height: 270 });
    const volumes = renderVolumes(model, {
      author: '青石镇综合行政执法大队',
      createdAt: new Date('2024-12-10T10:00:00+08:00'),
      archiveNo: bound.archiveNo,
      retention: bound.retention.label,
      resolvePage: (pageId) => ({ image: { file: scans[pageId % scans.length]! } }),
      contactSheet: () => contact,
    });
    expect(volumes).toHaveLength(model.volumes.length);
    const v = volumes[0]!;
    const mv = model.volumes[0]!;
    expect(v.pages).toHaveLength(mv.pages.length);
    const out = path.join(dir, 'v1.pdf');
    const w = await writeVolumePdf(v, { out, poppler: 'require' });
    expect(w.pages).toBe(mv.pages.length);
    expect(qpdfCheck(out).status).toBe(0);

    const text = squash(run('pdftotext', [out, '-']));
    expect(text).toContain(squash(bound.title));
    expect(text).toContain('ZFY5130042_115002_20240625151022_0002.MP4');
    expect(text).toContain('Z109-3-0003');

    const rows = mv.pages.flatMap((p) => (p.kind === 'toc' ? p.toc.rows : []));
    const { objects, trailer } = qpdfJson(out);
    const get = (r: unknown) => objects[`obj:${String(r)}`]!.value as Record<string, unknown>;
    const outlines = get(get(trailer['/Root'])['/Outlines']);
    expect(outlines['/Count']).toBe(rows.length);

    // Every numbered page carries its number where the profile puts it; unnumbered ones carry none.
    for (const p of mv.pages.filter((_, i) => i % 7 === 0 || mv.pages[i]!.kind === 'av-sheet')) {
      const words = wordsOnPage(out, p.index + 1);
      const hit = p.stamp ? words.find((x) => x.text === p.stamp!.text && x.yMin < 70 && x.xMax > x.pageWidth - 70) : undefined;
      if (p.stamp) expect(hit, `page ${p.index + 1}`).toBeDefined();
    }
  }, 120_000);
});
