import { checkImportedPage, type Finding } from './pdfa-checks.js';
import { openSourcePdf, pageOf } from './pdf-source.js';
import { RASTER_DPI, RASTER_JPEG_QUALITY } from './rasterise.js';
import type { RenderPage, RenderVolume } from './render-model.js';

export interface RasterisedPage {
  /** 0-based index in the volume. */
  pageIndex: number;
  label: string;
  file: string;
  sourcePage: number;
  reasons: Finding[];
}

/**
 * Opens every imported PDF of the volume once, before anything is written: a PDF that is encrypted
 * or broken fails the export here (naming the document), and each imported page is checked against
 * PDF/A-2b. Pages that fail are rasterised later; knowing them now lets the 备考表 — drawn before the
 * writing starts — say so. Files are opened one at a time and released, so memory stays bounded by
 * the largest imported PDF.
 */
export async function planImports(pages: readonly RenderPage[], readBytes: (file: string, label: string) => Promise<Uint8Array>): Promise<RasterisedPage[]> {
  const byFile = new Map<string, { index: number; page: Extract<RenderPage, { kind: 'pdf' }> }[]>();
  pages.forEach((p, index) => {
    if (p.kind !== 'pdf') return;
    const list = byFile.get(p.file) ?? [];
    list.push({ index, page: p });
    byFile.set(p.file, list);
  });
  const out: RasterisedPage[] = [];
  for (const [file, list] of byFile) {
    const doc = await openSourcePdf(await readBytes(file, list[0]!.page.label), list[0]!.page.label);
    for (const { index, page } of list) {
      const reasons = checkImportedPage(pageOf(doc, page.pageIndex, page.label));
      if (reasons.length) out.push({ pageIndex: index, label: page.label, file, sourcePage: page.pageIndex, reasons });
    }
  }
  return out.sort((a, b) => a.pageIndex - b.pageIndex);
}

/** The 备考表 sentence for the rasterised pages, appended to 本卷情况说明. */
export function rasterNote(rasterised: readonly RasterisedPage[], pages: readonly RenderPage[]): string {
  const items = rasterised.map((r) => {
    const stamp = pages[r.pageIndex]?.stamp?.text;
    const where = stamp ? `第${stamp}页` : `卷内第${r.pageIndex + 1}面`;
    return `${where}（${r.label}，原 PDF 第${r.sourcePage + 1}页）因${r.reasons.map((x) => x.zh).join('、')}，已按 ${RASTER_DPI} dpi 转为图像（JPEG 质量 ${RASTER_JPEG_QUALITY}）`;
  });
  return `导入的 PDF 页面中，${items.join('；')}。`;
}

/** The volume with the rasterisation note added to every 备考表. */
export function withRasterNote(v: RenderVolume, rasterised: readonly RasterisedPage[]): RenderVolume {
  if (rasterised.length === 0) return v;
  return withBeikaoNote(v, rasterNote(rasterised, v.pages));
}

/** The volume with `note` added to the 本卷情况说明 of every 备考表 (each on its own line). */
export function withBeikaoNote(v: RenderVolume, note: string): RenderVolume {
  return {
    ...v,
    pages: v.pages.map((p) =>
      p.kind === 'sheet' && p.sheet.kind === 'beikao'
        ? { ...p, sheet: { ...p.sheet, statement: [p.sheet.statement, note].filter((s) => s.trim()).join('\n') } }
        : p,
    ),
  };
}
