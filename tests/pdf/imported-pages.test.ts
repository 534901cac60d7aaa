import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@cantoo/fontkit';
import { cmyk, degrees, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkImportedPage } from '../../src/pdf/pdfa-checks.js';
import type { RenderVolume } from '../../src/pdf/render-model.js';
import { writeVolumePdf } from '../../src/pdf/write-volume.js';
import { sansBold } from '../../src/resources/fonts.js';
import { tmpDir } from '../helpers/tmp.js';
import { qpdfCheck, run, squash, wordsOnPage } from './helpers/tools.js';

/** A born-digital PDF with an embedded (subset) font; options add what PDF/A forbids. */
async function bornDigital(file: string, o: { rotate?: number; cmyk?: boolean; form?: boolean; lzw?: boolean } = {}): Promise<string> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(sansBold), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('责令改正通知书', { x: 72, y: 720, size: 24, font });
  if (o.rotate) page.setRotation(degrees(o.rotate));
  if (o.cmyk) page.drawRectangle({ x: 72, y: 600, width: 200, height: 40, color: cmyk(0, 0.5, 1, 0) });
  if (o.form) doc.getForm().createTextField('当事人').addToPage(page, { x: 72, y: 500, width: 200, height: 24 });
  if (o.lzw) {
    const s = doc.context.stream(new Uint8Array([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 1,
      Height: 1,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'LZWDecode',
    });
    page.node.setXObject(PDFName.of('Lzw'), doc.context.register(s));
  }
  writeFileSync(file, await doc.save());
  return file;
}

function volumeOf(file: string): RenderVolume {
  return {
    meta: {
      title: '导入测试',
      archiveCode: null,
      archiveNo: null,
      retention: null,
      volumeLabel: '正卷',
      author: '测试',
      createdAt: new Date('2024-05-01T00:00:00Z'),
    },
    outline: [{ title: '责令改正通知书', pageIndex: 0 }],
    pages: [{ kind: 'pdf', file, pageIndex: 0, label: '责令改正通知书', stamp: { text: '1234', position: 'top-right' } }],
  };
}

describe('pages taken over from imported PDFs', () => {
  it('a sound page is carried over with its own font and text, stamped upright at the displayed top-right even when rotated', async () => {
    const dir = tmpDir();
    for (const rotate of [0, 90, 180, 270]) {
      const src = await bornDigital(path.join(dir, `r${rotate}.pdf`), { rotate });
      const out = path.join(dir, `out-${rotate}.pdf`);
      const w = await writeVolumePdf(volumeOf(src), { out, poppler: 'require' });
      expect(w.rasterised).toEqual([]);
      expect(qpdfCheck(out).status).toBe(0);
      expect(squash(run('pdftotext', [out, '-']))).toContain('责令改正通知书');
      expect(run('pdfinfo', [out])).toMatch(new RegExp(`Page rot:\\s+${rotate}`));
      // pdftotext -bbox reports the page as displayed (rotation applied).
      const words = wordsOnPage(out, 1);
      const stamp = words.find((x) => x.text === '1234');
      expect(stamp, `rotate ${rotate}: ${JSON.stringify(words)}`).toBeDefined();
      expect(stamp!.xMax).toBeGreaterThan(stamp!.pageWidth - 60);
      expect(stamp!.yMin).toBeLessThan(60);
      // Upright as read: the four digits run across the page, not down it.
      expect(stamp!.xMax - stamp!.xMin).toBeGreaterThan(stamp!.yMax - stamp!.yMin);
    }
  }, 60_000);

  it.each([
    ['CMYK colour', { cmyk: true }, /CMYK/],
    ['a form field', { form: true }, /form fields/],
    ['LZW compression', { lzw: true }, /LZW/],
  ])(
    'a page with %s fails the checks and is rasterised',
    async (_name, opts, reason) => {
      const dir = tmpDir();
      const src = await bornDigital(path.join(dir, 'src.pdf'), opts);
      const doc = await PDFDocument.load(readFileSync(src));
      expect(
        checkImportedPage(doc.getPage(0))
          .map((f) => f.en)
          .join('; '),
      ).toMatch(reason);
      const out = path.join(dir, 'out.pdf');
      const w = await writeVolumePdf(volumeOf(src), { out, poppler: 'require' });
      expect(w.rasterised).toHaveLength(1);
      expect(w.rasterised[0]!.reasons.map((f) => f.en).join('; ')).toMatch(reason);
      expect(run('pdfimages', ['-list', out])).toMatch(/\bjpeg\b/);
      expect(w.check.fonts.every((f) => f.embedded && f.toUnicode)).toBe(true);
      expect(run('pdfinfo', [out])).toMatch(/Form:\s+none/);
    },
    60_000,
  );
});
