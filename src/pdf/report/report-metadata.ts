import { buildPDFAMetadata } from '@cantoo/pdf-lib';
import { PRODUCER } from '../metadata.js';
import { dict, pdfDate, textString, toSecond } from '../pdf-syntax.js';
import type { ReportDoc } from './report-model.js';

/**
 * Info dictionary and XMP packet of a report, saying the same things as PDF/A requires (pdfaid
 * part 2 / B, dc, xmp and pdf schemas from pdf-lib's buildPDFAMetadata). Reports have no custom
 * properties, so unlike a dossier volume they need no extension schema.
 */
export function reportMetadata(r: ReportDoc): { info: string; xmp: Uint8Array } {
  const created = toSecond(r.createdAt);
  const keywords = (r.keywords ?? []).join('; ');
  const xml = buildPDFAMetadata({
    conformance: { part: 2, level: 'B' },
    title: r.title,
    author: r.author,
    subject: r.subject,
    keywords,
    creator: 'Juanzong',
    producer: PRODUCER,
    creationDate: created,
    modificationDate: created,
  });
  const padded = xml.replace('<?xpacket end="w"?>', `${`${' '.repeat(99)}\n`.repeat(20)}<?xpacket end="w"?>`);
  const info = dict({
    Title: textString(r.title),
    Author: textString(r.author),
    Subject: textString(r.subject),
    Keywords: textString(keywords),
    Creator: textString('Juanzong'),
    Producer: textString(PRODUCER),
    CreationDate: pdfDate(created),
    ModDate: pdfDate(created),
  });
  return { info, xmp: Buffer.from(padded, 'utf8') };
}
