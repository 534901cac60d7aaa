import { deflateSync } from 'node:zlib';
import type { PdfObjectWriter } from './object-writer.js';
import { ref } from './pdf-syntax.js';

/**
 * Tesseract's "GlyphLessFont" (tessdata/pdf.ttf, Apache License 2.0, © Google / the Tesseract
 * authors): a 572-byte TrueType font whose one glyph draws nothing. It carries the invisible OCR text
 * layer the way Tesseract's own PDF renderer does: a Type0 font, Identity-H, CID = the UTF-16 code
 * unit, every CID mapped to glyph 1, a ToUnicode map that is the identity. Any Chinese character can
 * be written without subsetting a CJK font, and text extraction and search read the real characters.
 * Kept inline so the writer needs no file at run time (the app ships without system tesseract).
 */
const GLYPHLESS_TTF = Buffer.from(
  'AAEAAAAKAIAAAwAgT1MvMlbeyJQAAAEoAAAAYGNtYXAACgA0AAABkAAAAB5nbHlmFSJBJAAAAbgAAAAYaGVhZAt48WUAAACsAAAANmhoZWEMAgQCAAAA5AAAACRobXR4BAAAAAAAAYgAAAAIbG9jYQAMAAAAAAGwAAAABm1heHAABAAFAAABCAAAACBuYW1l8usW2gAAAdAAAABLcG9zdAABAAEAAAIcAAAAIAABAAAAAQAAsJRxEF8PPPUEBwgAAAAAAM+a/G4AAAAA1MOn8gAAAAAEAAgAAAAAEAACAAAAAAAAAAEAAAgA//8AAAQAAAAAAAQAAAEAAAAAAAAAAAAAAAAAAAACAAEAAAACAAQAAQAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAwAAAZAABQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAUAAQABAAAAAAAAAAAAAAAAAAAAAAAAAAAAR09PRwBAAAAAAAAB//8AAAABAAGAAAAAAAAAAAAAAAAAAAABAAAAAAAABAAAAAAAAAIAAQAAAAAAFAADAAAAAAAUAAYACgAAAAAAAAAAAAAAAAAMAAAAAQAAAAAEAAgAAAMAADEhESEEAPwACAAAAAADACoAAAADAAAABQAWAAAAAQAAAAAABQALABYAAwABBAkABQAWAAAAVgBlAHIAcwBpAG8AbgAgADEALgAwVmVyc2lvbiAxLjAAAAEAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAA=',
  'base64',
);

const TO_UNICODE = [
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
  '/CMapName /Adobe-Identity-UCS def',
  '/CMapType 2 def',
  '1 begincodespacerange',
  '<0000> <FFFF>',
  'endcodespacerange',
  '1 beginbfrange',
  '<0000> <FFFF> <0000>',
  'endbfrange',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n');

/** The resource name pages use for it. */
export const GLYPHLESS_RESOURCE = 'FOcr';

/** Writes the font's objects; returns the Type0 font's object number. */
export async function writeGlyphlessFont(w: PdfObjectWriter): Promise<number> {
  const type0 = w.alloc();
  const cid = w.alloc();
  const descriptor = w.alloc();
  const fontFile = w.alloc();
  const cidToGid = w.alloc();
  const toUnicode = w.alloc();
  await w.object(type0, `<</Type/Font/Subtype/Type0/BaseFont/GlyphLessFont/Encoding/Identity-H/DescendantFonts[${ref(cid)}]/ToUnicode ${ref(toUnicode)}>>`);
  await w.object(
    cid,
    `<</Type/Font/Subtype/CIDFontType2/BaseFont/GlyphLessFont/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ${ref(descriptor)}/DW 1000/CIDToGIDMap ${ref(cidToGid)}>>`,
  );
  await w.object(
    descriptor,
    `<</Type/FontDescriptor/FontName/GlyphLessFont/Flags 5/FontBBox[0 0 1000 1000]/ItalicAngle 0/Ascent 1000/Descent 0/CapHeight 1000/StemV 80/FontFile2 ${ref(fontFile)}>>`,
  );
  await w.stream(fontFile, `/Length1 ${GLYPHLESS_TTF.length}`, GLYPHLESS_TTF);
  // Every one of the 65,536 CIDs → glyph 1 (two bytes each), compressed: 128 KB becomes a few hundred bytes.
  const map = Buffer.alloc(65536 * 2);
  for (let i = 0; i < 65536; i++) map.writeUInt16BE(1, i * 2);
  await w.stream(cidToGid, '/Filter/FlateDecode', deflateSync(map));
  await w.stream(toUnicode, '', Buffer.from(TO_UNICODE, 'latin1'));
  return type0;
}
