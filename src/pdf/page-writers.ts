import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFObject, type PDFPageLeaf, PDFRef } from '@cantoo/pdf-lib';
import type { ObjectCopier } from './copy-objects.js';
import type { PdfObjectWriter } from './object-writer.js';
import { DROPPED_PAGE_KEYS } from './pdfa-checks.js';
import { placeImage, type StampFont, stampOperators } from './placement.js';
import { dict, num, ref } from './pdf-syntax.js';
import type { PageStamp } from './render-model.js';
import type { PreparedImage } from './scan-image.js';
import { GLYPHLESS_RESOURCE } from './glyphless-font.js';
import { rectOfMatrix, textLayerOperators } from './text-layer.js';
import type { OcrPageText } from '../domain/ocr-text.js';

/** The page-number font as the writer knows it: its output object and how to set text in it. */
export interface StampContext {
  fontObject: number;
  font: StampFont;
}

/** The recognised text of a scan and the glyphless font object that carries it. */
export interface TextLayer {
  text: OcrPageText;
  fontObject: number;
}

/**
 * A scan page: the image XObject (written as prepared, JPEG bytes untouched), a content stream, the
 * page; with OCR text, an invisible text layer over the picture (render mode 3).
 */
export async function writeImagePage(
  w: PdfObjectWriter,
  pageObj: number,
  parent: number,
  img: PreparedImage,
  stamp: PageStamp | null,
  sc: StampContext,
  layer: TextLayer | null = null,
): Promise<void> {
  const place = placeImage(img.width, img.height, img.orientation, img.dpi);
  const imageObj = w.alloc();
  const contentObj = w.alloc();
  await w.stream(imageObj, img.dict, img.data);
  let ops = `q ${place.matrix.map(num).join(' ')} cm /Im0 Do Q`;
  const textOps = layer ? textLayerOperators(layer.text, rectOfMatrix(place.matrix)) : '';
  if (textOps) ops += `\n${textOps}`;
  if (stamp) ops += `\n${stampOperators(stamp, [0, 0, place.pageWidth, place.pageHeight], 0, sc.font)}`;
  await w.stream(contentObj, '', Buffer.from(ops, 'latin1'));
  const fontEntries = [
    ...(stamp ? [`/${sc.font.resource} ${ref(sc.fontObject)}`] : []),
    ...(textOps && layer ? [`/${GLYPHLESS_RESOURCE} ${ref(layer.fontObject)}`] : []),
  ];
  const fonts = fontEntries.length ? `/Font<<${fontEntries.join('')}>>` : '';
  await w.object(
    pageObj,
    dict({
      Type: '/Page',
      Parent: ref(parent),
      MediaBox: `[0 0 ${num(place.pageWidth)} ${num(place.pageHeight)}]`,
      Resources: `<</XObject<</Im0 ${ref(imageObj)}>>${fonts}>>`,
      Contents: ref(contentObj),
    }),
  );
}

/**
 * A page that lives in a pdf-lib context (one of our sheets, or a page of an imported PDF): its
 * dictionary is written with the inherited attributes made explicit (its parent changes), actions
 * and annotations dropped, and — when numbered — the original content wrapped in q/Q with the stamp
 * drawn after it, so nothing the page left in the graphics state can move or hide the number.
 */
export async function writeLeafPage(
  w: PdfObjectWriter,
  copier: ObjectCopier,
  leaf: PDFPageLeaf,
  pageObj: number,
  parent: number,
  stamp: PageStamp | null,
  sc: StampContext,
): Promise<void> {
  const ctx = copier.context;
  const inherited = (k: string) => leaf.getInheritableAttribute(PDFName.of(k));
  const mediaBox = inherited('MediaBox');
  const cropBox = inherited('CropBox');
  const rotate = inherited('Rotate');
  const resources = ctx.lookup(inherited('Resources'));
  const overrides: Record<string, string | null> = { Parent: ref(parent) };
  for (const k of DROPPED_PAGE_KEYS) overrides[k] = null;
  overrides.MediaBox = mediaBox ? copier.serialize(mediaBox) : '[0 0 595.28 841.89]';
  if (cropBox) overrides.CropBox = copier.serialize(cropBox);
  if (rotate) overrides.Rotate = copier.serialize(rotate);
  overrides.Resources = resources instanceof PDFDict ? copier.serialize(resources) : '<<>>';
  if (stamp) {
    const fontDict = resources instanceof PDFDict ? ctx.lookup(resources.get(PDFName.of('Font'))) : undefined;
    let res = sc.font.resource;
    for (let i = 2; fontDict instanceof PDFDict && fontDict.has(PDFName.of(res)); i++) res = `${sc.font.resource}${i}`;
    const fontEntries = fontDict instanceof PDFDict ? copier.serializeDict(fontDict).slice(2, -2) : '';
    const newFonts = `<<${fontEntries}/${res} ${ref(sc.fontObject)}>>`;
    overrides.Resources = resources instanceof PDFDict ? copier.serializeDict(resources, { Font: newFonts }) : `<</Font${newFonts}>>`;
    const box = numbers(ctx, cropBox ?? mediaBox) ?? [0, 0, 595.28, 841.89];
    const r = numbers(ctx, rotate)?.[0] ?? 0;
    const open = w.alloc();
    const close = w.alloc();
    await w.stream(open, '', Buffer.from('q\n', 'latin1'));
    await w.stream(
      close,
      '',
      Buffer.from(`\nQ\n${stampOperators(stamp, box as [number, number, number, number], r, { ...sc.font, resource: res })}\n`, 'latin1'),
    );
    const contents = leaf.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
    const inner = resolved instanceof PDFArray ? resolved.asArray().map((x) => copier.serialize(x)) : contents ? [copier.serialize(contents)] : [];
    overrides.Contents = `[${[ref(open), ...inner, ref(close)].join(' ')}]`;
  }
  await w.object(pageObj, copier.serializeDict(leaf, overrides));
  await copier.drain();
}

/** A number or an array of numbers, references resolved. */
function numbers(ctx: ObjectCopier['context'], o: PDFObject | undefined): number[] | null {
  const v = o instanceof PDFRef ? ctx.lookup(o) : o;
  if (v instanceof PDFNumber) return [v.asNumber()];
  if (!(v instanceof PDFArray)) return null;
  const out = v.asArray().map((x) => {
    const y = x instanceof PDFRef ? ctx.lookup(x) : x;
    return y instanceof PDFNumber ? y.asNumber() : NaN;
  });
  return out.some(Number.isNaN) ? null : out;
}
