import { buildPDFAMetadata } from '@cantoo/pdf-lib';
import { dict, pdfDate, textString, toSecond } from './pdf-syntax.js';
import type { VolumeMeta } from './render-model.js';

export const PRODUCER = 'Juanzong PDF/A writer 1 (@cantoo/pdf-lib 2.11)';
export const JZ_NAMESPACE = 'https://juanzong.invalid/ns/dossier/1.0/';

/** The document's metadata as both PDF/A requires it to say the same things: Info and XMP. */
export interface VolumeMetadata {
  /** Inside of the Info dictionary. */
  info: string;
  xmp: Uint8Array;
  /** What was written, for the read-back comparison. */
  fields: { title: string; author: string; subject: string; keywords: string; creator: string; producer: string; created: Date; modified: Date };
}

const CUSTOM: { name: string; description: string; pick: (m: VolumeMeta) => string | null }[] = [
  { name: 'archiveCode', description: '档号 (archive reference code, DA/T 13)', pick: (m) => m.archiveCode },
  { name: 'archiveNo', description: '归档号 (filing number: year + serial)', pick: (m) => m.archiveNo },
  { name: 'retention', description: '保管期限 (retention period)', pick: (m) => m.retention },
  { name: 'volume', description: '卷别 (正卷 / 副卷 / volume of a multi-volume dossier)', pick: (m) => m.volumeLabel },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Info dictionary and XMP packet for a volume. The packet comes from pdf-lib's buildPDFAMetadata
 * (pdfaid part 2 / B, dc, xmp, pdf schemas); what it has no builder for we add here: the PDF/A
 * extension schema (ISO 19005-1 §6.7.8, unchanged in part 2) declaring the jz: properties for 档号,
 * 归档号, 保管期限 and 卷别, which PDF/A forbids using undeclared. Info is written by our writer, so
 * pdf-lib never rewrites Producer or ModDate behind our back.
 */
export function volumeMetadata(meta: VolumeMeta): VolumeMetadata {
  const created = toSecond(meta.createdAt);
  const modified = toSecond(meta.modifiedAt ?? meta.createdAt);
  const fields = {
    title: meta.title,
    author: meta.author,
    subject: meta.volumeLabel.trim() ? `${meta.title}（${meta.volumeLabel}）` : meta.title,
    keywords: [meta.archiveCode ? `档号 ${meta.archiveCode}` : null, meta.archiveNo ? `归档号 ${meta.archiveNo}` : null, ...(meta.keywords ?? [])]
      .filter((x): x is string => !!x)
      .join('; '),
    creator: meta.creatorTool ?? 'Juanzong',
    producer: PRODUCER,
    created,
    modified,
  };
  const custom = CUSTOM.map((c) => ({ ...c, value: c.pick(meta) })).filter((c) => c.value !== null && c.value !== '');
  const xml = buildPDFAMetadata({
    conformance: { part: 2, level: 'B' },
    title: fields.title,
    author: fields.author,
    subject: fields.subject,
    keywords: fields.keywords,
    creator: fields.creator,
    producer: fields.producer,
    creationDate: created,
    modificationDate: modified,
    extensions: [
      extensionSchema(),
      `<rdf:Description rdf:about="" xmlns:jz="${JZ_NAMESPACE}">${custom.map((c) => `<jz:${c.name}>${esc(c.value!)}</jz:${c.name}>`).join('')}</rdf:Description>`,
    ],
  });
  // Padding lets a later tool update the packet in place (XMP spec part 1 §7.3.2).
  const padded = xml.replace('<?xpacket end="w"?>', `${`${' '.repeat(99)}\n`.repeat(20)}<?xpacket end="w"?>`);
  const info = dict({
    Title: textString(fields.title),
    Author: textString(fields.author),
    Subject: textString(fields.subject),
    Keywords: textString(fields.keywords),
    Creator: textString(fields.creator),
    Producer: textString(fields.producer),
    CreationDate: pdfDate(created),
    ModDate: pdfDate(modified),
  }).slice(2, -2);
  return { info, xmp: Buffer.from(padded, 'utf8'), fields };
}

function extensionSchema(): string {
  const props = CUSTOM.map(
    (c) =>
      `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${c.name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>` +
      `<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${esc(c.description)}</pdfaProperty:description></rdf:li>`,
  ).join('');
  return (
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" ' +
    'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"><pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
    `<pdfaSchema:schema>Juanzong dossier volume</pdfaSchema:schema><pdfaSchema:namespaceURI>${JZ_NAMESPACE}</pdfaSchema:namespaceURI>` +
    `<pdfaSchema:prefix>jz</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq>${props}</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>`
  );
}
