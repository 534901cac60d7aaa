import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFName,
  type PDFObject,
  type PDFPage,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from '@cantoo/pdf-lib';

export interface Finding {
  en: string;
  zh: string;
}

/** Page keys the export drops rather than carries over (actions, annotations, structure). */
export const DROPPED_PAGE_KEYS = ['Annots', 'AA', 'B', 'StructParents', 'Tabs', 'Metadata', 'PieceInfo', 'Thumb', 'Trans'] as const;

const F = {
  lzw: { en: 'LZW compression', zh: '使用了 LZW 压缩' },
  js: { en: 'JavaScript', zh: '含有 JavaScript' },
  launch: { en: 'a launch or forbidden action', zh: '含有启动程序等禁止的动作' },
  embedded: { en: 'an embedded file', zh: '含有嵌入文件' },
  external: { en: 'an external stream', zh: '引用了外部文件数据' },
  postscript: { en: 'PostScript or reference XObjects', zh: '含有 PostScript 或引用型对象' },
  cmyk: { en: 'CMYK colour (the output intent is sRGB)', zh: '使用 CMYK 颜色（输出意图为 sRGB）' },
  transfer: { en: 'transfer functions or halftones', zh: '含有传递函数或半色调设置' },
  interpolate: { en: 'image interpolation or alternates', zh: '图像设置了插值或替代图像' },
  optional: { en: 'optional content (layers)', zh: '含有可选内容（图层）' },
  annots: { en: 'form fields or annotations other than links', zh: '含有表单域或非链接批注' },
  unreadable: { en: 'a content stream that cannot be inspected', zh: '内容流无法检查' },
} satisfies Record<string, Finding>;

const FORBIDDEN_ACTIONS = new Set([
  'Launch',
  'Sound',
  'Movie',
  'ResetForm',
  'ImportData',
  'Hide',
  'SetOCGState',
  'Rendition',
  'Trans',
  'GoTo3DView',
  'JavaScript',
  'GoToE',
]);

/**
 * Checks what a page taken over from an imported PDF would bring into a PDF/A-2b volume
 * (ISO 19005-2 §6): fonts embedded, no LZW, JavaScript, actions, embedded or external files,
 * PostScript, CMYK colour under our sRGB output intent, transfer functions, interpolation, optional
 * content, form fields. An empty list means the page is carried over as it is (minus the keys in
 * DROPPED_PAGE_KEYS); anything else means it is rasterised, and the 备考表 says why.
 */
export function checkImportedPage(page: PDFPage): Finding[] {
  const ctx = page.doc.context;
  const found = new Map<string, Finding>();
  const add = (f: Finding, detail?: string) => {
    const key = detail ? `${f.en}: ${detail}` : f.en;
    if (!found.has(key)) found.set(key, detail ? { en: `${f.en} (${detail})`, zh: `${f.zh}（${detail}）` } : f);
  };
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray) {
    for (const a of annots.asArray()) {
      const d = ctx.lookup(a);
      const sub = d instanceof PDFDict ? d.lookup(PDFName.of('Subtype')) : undefined;
      if (!(sub instanceof PDFName) || sub.decodeText() !== 'Link') add(F.annots);
    }
  }
  const seen = new Set<string>();
  const skip = new Set(['/Parent', ...DROPPED_PAGE_KEYS.map((k) => `/${k}`)]);
  const walk = (o: PDFObject | undefined, isRoot = false): void => {
    if (o instanceof PDFRef) {
      if (seen.has(o.tag)) return;
      seen.add(o.tag);
      walk(ctx.lookup(o));
      return;
    }
    if (o instanceof PDFArray) return o.asArray().forEach((x) => walk(x));
    if (o instanceof PDFName) {
      if (o.decodeText() === 'DeviceCMYK') add(F.cmyk);
      return;
    }
    const d = o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : null;
    if (!d) return;
    inspectDict(ctx, d, add);
    if (o instanceof PDFStream) inspectStream(o, d, add);
    for (const [k, v] of d.entries()) if (!(isRoot && skip.has(k.toString())) && k.toString() !== '/Parent') walk(v);
  };
  walk(page.node, true);
  for (const c of contentStreams(ctx, page.node.lookup(PDFName.of('Contents')))) inspectContent(c, add);
  return [...found.values()];
}

function nameOf(d: PDFDict, key: string): string | null {
  const v = d.lookup(PDFName.of(key));
  return v instanceof PDFName ? v.decodeText() : null;
}

function inspectDict(ctx: PDFContext, d: PDFDict, add: (f: Finding, detail?: string) => void): void {
  const has = (k: string) => d.has(PDFName.of(k));
  const type = nameOf(d, 'Type');
  const sub = nameOf(d, 'Subtype');
  const s = nameOf(d, 'S');
  if (has('JS') || s === 'JavaScript') add(F.js);
  if (s && FORBIDDEN_ACTIONS.has(s) && s !== 'JavaScript') add(F.launch, s);
  if (type === 'EmbeddedFile' || has('EF')) add(F.embedded);
  if (sub === 'PS' || has('PS') || (sub === 'Form' && has('Ref')) || has('OPI')) add(F.postscript);
  if (has('TR') || (has('TR2') && nameOf(d, 'TR2') !== 'Default') || has('HTO')) add(F.transfer);
  if (has('Alternates') || d.lookup(PDFName.of('Interpolate'))?.toString() === 'true') add(F.interpolate);
  if (has('OC')) add(F.optional);
  if (type === 'Font' && sub !== 'Type3') {
    const desc = sub === 'Type0' ? descendantDescriptor(ctx, d) : d.lookup(PDFName.of('FontDescriptor'));
    const embedded = desc instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => desc.has(PDFName.of(k)));
    if (!embedded) add({ en: 'a font that is not embedded', zh: '字体未嵌入' }, nameOf(d, 'BaseFont') ?? '?');
  }
}

function descendantDescriptor(ctx: PDFContext, d: PDFDict): PDFObject | undefined {
  const arr = d.lookup(PDFName.of('DescendantFonts'));
  const first = arr instanceof PDFArray ? ctx.lookup(arr.get(0)) : undefined;
  return first instanceof PDFDict ? first.lookup(PDFName.of('FontDescriptor')) : undefined;
}

function inspectStream(o: PDFStream, d: PDFDict, add: (f: Finding, detail?: string) => void): void {
  const filter = d.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (filters.some((f) => f instanceof PDFName && (f.decodeText() === 'LZWDecode' || f.decodeText() === 'LZW'))) add(F.lzw);
  if (d.has(PDFName.of('F')) || d.has(PDFName.of('FFilter'))) add(F.external);
  if (nameOf(d, 'Subtype') === 'Form' && o instanceof PDFRawStream) inspectContent(o, add);
}

function contentStreams(ctx: PDFContext, contents: PDFObject | undefined): PDFRawStream[] {
  const items = contents instanceof PDFArray ? contents.asArray().map((x) => ctx.lookup(x)) : [contents];
  return items.filter((x): x is PDFRawStream => x instanceof PDFRawStream);
}

/** Operators that paint in DeviceCMYK (k, K) or inline images that are CMYK or LZW-compressed. */
function inspectContent(s: PDFRawStream, add: (f: Finding, detail?: string) => void): void {
  let text: string;
  try {
    text = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
  } catch {
    add(F.unreadable);
    return;
  }
  // Strings may contain anything; drop them before looking for operators.
  const ops = text.replace(/\((?:\\.|[^\\)])*\)/gs, '()').replace(/<[0-9A-Fa-f\s]*>/g, '<>');
  const noImages = ops.replace(/\bID\b[\s\S]*?\bEI\b/g, 'ID EI');
  if (/(?:^|[\s\]])(?:-?[\d.]+\s+){4}[kK](?=[\s/[(<]|$)/m.test(noImages)) add(F.cmyk);
  for (const m of ops.matchAll(/\bBI\b([\s\S]*?)\bID\b/g)) {
    const head = m[1] ?? '';
    if (/\/(?:CMYK|DeviceCMYK)\b/.test(head)) add(F.cmyk);
    if (/\/(?:LZW|LZWDecode)\b/.test(head)) add(F.lzw);
  }
}
