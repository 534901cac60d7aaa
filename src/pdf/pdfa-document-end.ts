import { createHash, randomBytes } from 'node:crypto';
import { OUTPUT_CONDITION, srgbProfile } from './icc.js';
import type { PdfObjectWriter } from './object-writer.js';
import { writeOutline } from './outline.js';
import { array, dict, ref, textString } from './pdf-syntax.js';
import type { OutlineEntry } from './render-model.js';

export interface PdfaDocumentEnd {
  pagesRoot: number;
  pageObjs: readonly number[];
  outline: readonly OutlineEntry[];
  /** The XMP packet (pdfaid part 2 / B) and the Info dictionary that agrees with it (`<<…>>`). */
  xmp: Uint8Array;
  infoDict: string;
  /** Seeds the file identifier (with 16 random bytes, so two exports of one thing differ). */
  idSeed: string;
}

/**
 * Everything a PDF/A-2b file needs after its pages, written once for dossier volumes and reports:
 * the bookmarks, the page tree, the sRGB OutputIntent, the XMP metadata, the catalogue (zh-CN,
 * DisplayDocTitle), the Info dictionary and the trailer with its ID.
 */
export async function writePdfaDocumentEnd(w: PdfObjectWriter, e: PdfaDocumentEnd): Promise<void> {
  const outline = await writeOutline(w, e.outline, e.pageObjs);
  await w.object(e.pagesRoot, dict({ Type: '/Pages', Kids: array(e.pageObjs.map(ref)), Count: String(e.pageObjs.length) }));
  const icc = await srgbProfile();
  const iccObj = w.alloc();
  await w.stream(iccObj, '/N 3/Filter/FlateDecode', icc.deflated);
  const metaObj = w.alloc();
  await w.stream(metaObj, '/Type/Metadata/Subtype/XML', e.xmp);
  const intent = dict({
    Type: '/OutputIntent',
    S: '/GTS_PDFA1',
    OutputConditionIdentifier: textString(OUTPUT_CONDITION),
    Info: textString(OUTPUT_CONDITION),
    RegistryName: textString('http://www.color.org'),
    DestOutputProfile: ref(iccObj),
  });
  const catalog = w.alloc();
  await w.object(
    catalog,
    dict({
      Type: '/Catalog',
      Pages: ref(e.pagesRoot),
      Metadata: ref(metaObj),
      OutputIntents: `[${intent}]`,
      Outlines: outline === null ? undefined : ref(outline),
      PageMode: outline === null ? undefined : '/UseOutlines',
      Lang: textString('zh-CN'),
      ViewerPreferences: '<</DisplayDocTitle true>>',
    }),
  );
  const info = w.alloc();
  await w.object(info, e.infoDict);
  const id = `<${createHash('md5').update(e.idSeed).update(randomBytes(16)).digest('hex').toUpperCase()}>`;
  await w.finish({ root: catalog, info, id });
}
