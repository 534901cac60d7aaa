import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindCase } from '../../src/binding/bind.js';
import { pageModel, type PageModel } from '../../src/binding/page-model.js';
import { renderVolumes } from '../../src/pdf/from-page-model.js';
import { writeVolumePdf } from '../../src/pdf/write-volume.js';
import { CTX, profile, sampleInputs } from '../dossier/helpers/sample-input.js';
import { tmpDir } from '../helpers/tmp.js';
import { run, squash } from './helpers/tools.js';
import { scanJpeg } from './helpers/volume.js';

/** A single-volume dossier has no volume label: its cover, 卷底 and file must show no empty "（）". */
describe('the cover of a single-volume dossier', () => {
  it('prints no "（）" whatever blank the label is (empty, blanks, missing in an older sealed record)', async () => {
    const dir = tmpDir();
    const bound = bindCase(profile('henan-township-2016'), sampleInputs()[1]!, CTX);
    expect(bound.volumes).toHaveLength(1);
    const scan = await scanJpeg(path.join(dir, 's.jpg'), { dpi: 75 });
    for (const [i, label] of (['', '\u3000 ', undefined] as (string | undefined)[]).entries()) {
      const model: PageModel = pageModel(bound);
      const v = model.volumes[0]!;
      (v as { label: string | undefined }).label = label;
      for (const p of v.pages) {
        if (p.kind === 'cover') (p.cover as { volumeLabel: string | undefined }).volumeLabel = label;
        if (p.kind === 'back-cover') (p.backCover as { volumeLabel: string | undefined }).volumeLabel = label;
      }
      const [rv] = renderVolumes(model, {
        author: '青石镇综合行政执法大队',
        createdAt: new Date('2024-12-10T10:00:00+08:00'),
        archiveNo: null,
        retention: bound.retention.label,
        resolvePage: () => ({ image: { file: scan } }),
      });
      expect(rv!.meta.volumeLabel).toBe('');
      const out = path.join(dir, `v${i}.pdf`);
      await writeVolumePdf(rv!, { out, poppler: 'off' });
      const text = squash(run('pdftotext', [out, '-']));
      expect(text, JSON.stringify(label)).not.toContain('（）');
      expect(text).not.toContain('卷别');
      expect(run('pdfinfo', [out])).not.toMatch(/Subject:.*（/);
    }
  }, 60_000);
});
