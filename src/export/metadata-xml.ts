/**
 * data/metadata.xml of a transfer package (移交包): the case, the dossier and its volumes, the AV
 * evidence items with both digests, and the audit events of the dossier — enough for a receiving
 * archive to check the package (DA/T 70 四性检测: digests, counts, process history) without Juanzong.
 */
export const METADATA_NAMESPACE = 'urn:juanzong:transfer-package:1';

export interface MetadataField {
  name: string;
  value: string | number | null;
}

export interface BagMetadata {
  case: { caseNo: string; title: string; fields: MetadataField[] };
  dossier: {
    title: string;
    archiveCode: string | null;
    archiveNo: string | null;
    retention: string | null;
    profile: string | null;
    fields: MetadataField[];
    volumes: { label: string; payloadPath: string; pages: number; cover?: CoverItem[]; entries?: MetadataEntry[] }[];
  };
  av: {
    id: string;
    fileName: string;
    /** Where the original is in the package (null when it is not included). */
    payloadPath: string | null;
    size: number | null;
    sha256: string;
    sm3: string | null;
    fields: MetadataField[];
  }[];
  audit: {
    seq: number;
    at: string;
    actor: string;
    action: string;
    target: string | null;
    detail: string | null;
    hash: string | null;
    /** What the entry's hash covers (src/audit/chain.ts), so a receiver can recompute it without the catalogue. */
    chain?: { prevHash: string; actorId: number | null; targetType: string; targetId: string; beforeDigest: string | null; afterDigest: string | null };
  }[];
}

/** One 著录项 of a volume's cover as the profile lists it (`field` is the profile's cover field id). */
export interface CoverItem {
  field: string;
  label: string;
  value: string;
}

/** One 件 of a volume's 卷内目录: its 件号, page range in the volume, and the 目录 columns. */
export interface MetadataEntry {
  seq: number;
  type: 'document' | 'av';
  kind: string;
  title: string;
  docNo: string | null;
  responsible: string | null;
  date: string | null;
  start: number | null;
  end: number | null;
  /** The AV item's id (avItem/@id) for a 视听资料 entry. */
  avId?: string | null;
}

/** Digests of payload files as the bag computed them (by `data/…` path). */
export type PayloadDigests = ReadonlyMap<string, { size: number; sha256: string; sm3: string }>;

export function metadataXml(m: BagMetadata, digests: PayloadDigests, generated: { at: string; software: string }): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<transferPackage xmlns="${METADATA_NAMESPACE}" generatedAt="${attr(generated.at)}" software="${attr(generated.software)}">`,
  ];
  out.push(`  <case caseNo="${attr(m.case.caseNo)}">`, el('title', m.case.title, 4), ...fields(m.case.fields, 4), '  </case>');
  const d = m.dossier;
  out.push(
    '  <dossier>',
    el('title', d.title, 4),
    el('archiveCode', d.archiveCode, 4),
    el('archiveNo', d.archiveNo, 4),
    el('retention', d.retention, 4),
    el('profile', d.profile, 4),
  );
  out.push(...fields(d.fields, 4), '    <volumes>');
  for (const v of d.volumes) {
    const dg = digests.get(`data/${v.payloadPath}`);
    out.push(`      <volume label="${attr(v.label)}" path="data/${attr(v.payloadPath)}" pages="${v.pages}"${dg ? ` size="${dg.size}"` : ''}>`);
    if (dg) out.push(digest('SHA-256', dg.sha256, 8), digest('SM3', dg.sm3, 8));
    if (v.cover) {
      out.push('        <cover>');
      for (const c of v.cover) out.push(`          <item field="${attr(c.field)}" label="${attr(c.label)}">${text(c.value)}</item>`);
      out.push('        </cover>');
    }
    if (v.entries) {
      out.push('        <entries>');
      for (const e of v.entries) {
        const range = `${e.start !== null ? ` start="${e.start}"` : ''}${e.end !== null ? ` end="${e.end}"` : ''}`;
        out.push(`          <entry seq="${e.seq}" type="${e.type}" kind="${attr(e.kind)}"${range}${e.avId ? ` avId="${attr(e.avId)}"` : ''}>`);
        out.push(el('title', e.title, 12));
        if (e.docNo) out.push(el('docNo', e.docNo, 12));
        if (e.responsible) out.push(el('responsible', e.responsible, 12));
        if (e.date) out.push(el('date', e.date, 12));
        out.push('          </entry>');
      }
      out.push('        </entries>');
    }
    out.push('      </volume>');
  }
  out.push('    </volumes>', '  </dossier>', '  <avItems>');
  for (const a of m.av) {
    const path = a.payloadPath ? ` path="data/${attr(a.payloadPath)}"` : '';
    out.push(`    <avItem id="${attr(a.id)}"${path}${a.size !== null ? ` size="${a.size}"` : ''}>`, el('fileName', a.fileName, 6), ...fields(a.fields, 6));
    out.push(digest('SHA-256', a.sha256, 6));
    if (a.sm3) out.push(digest('SM3', a.sm3, 6));
    out.push('    </avItem>');
  }
  out.push('  </avItems>', '  <auditEvents>');
  for (const e of m.audit) {
    const c = e.chain;
    const chain = c
      ? ` prevHash="${attr(c.prevHash)}"${c.actorId !== null ? ` actorId="${c.actorId}"` : ''} targetType="${attr(c.targetType)}" targetId="${attr(c.targetId)}"` +
        `${c.beforeDigest ? ` beforeDigest="${attr(c.beforeDigest)}"` : ''}${c.afterDigest ? ` afterDigest="${attr(c.afterDigest)}"` : ''}`
      : '';
    out.push(
      `    <event seq="${e.seq}" at="${attr(e.at)}" actor="${attr(e.actor)}" action="${attr(e.action)}"${e.hash ? ` hash="${attr(e.hash)}"` : ''}${chain}>`,
    );
    if (e.target) out.push(el('target', e.target, 6));
    if (e.detail) out.push(el('detail', e.detail, 6));
    out.push('    </event>');
  }
  out.push('  </auditEvents>', '</transferPackage>', '');
  return out.join('\n');
}

function fields(fs: MetadataField[], indent: number): string[] {
  return fs.map((f) => `${' '.repeat(indent)}<field name="${attr(f.name)}">${text(f.value === null ? '' : String(f.value))}</field>`);
}

function el(name: string, value: string | null, indent: number): string {
  return `${' '.repeat(indent)}<${name}>${text(value ?? '')}</${name}>`;
}

function digest(alg: string, value: string, indent: number): string {
  return `${' '.repeat(indent)}<digest algorithm="${alg}">${text(value)}</digest>`;
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Characters XML 1.0 cannot hold at all are dropped; markup characters are escaped. */
function clean(s: string): string {
  return s.replace(NOT_XML, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
