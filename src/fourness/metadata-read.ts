import { DOMParser, type Element } from '@xmldom/xmldom';
import { METADATA_NAMESPACE } from '../export/metadata-xml.js';

/**
 * data/metadata.xml read back into plain data (what src/export/metadata-xml.ts wrote), for the
 * checks that need no catalogue. Parsing never throws: a file that does not parse gives `errors`
 * and no model, and the 3-1 row says why.
 */
export interface PackageField {
  name: string;
  value: string;
}

export interface PackageEntry {
  seq: number;
  type: string;
  kind: string;
  start: number | null;
  end: number | null;
  avId: string | null;
  title: string;
  docNo: string | null;
  responsible: string | null;
  date: string | null;
}

export interface PackageVolume {
  label: string;
  path: string;
  pages: number;
  size: number | null;
  digests: Record<string, string>;
  cover: { field: string; label: string; value: string }[] | null;
  entries: PackageEntry[] | null;
}

export interface PackageAvItem {
  id: string;
  path: string | null;
  size: number | null;
  fileName: string;
  fields: PackageField[];
  digests: Record<string, string>;
}

export interface PackageEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  hash: string | null;
  prevHash: string | null;
  actorId: number | null;
  targetType: string | null;
  targetId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  target: string | null;
  detail: string | null;
}

export interface PackageMetadata {
  generatedAt: string;
  software: string;
  case: { caseNo: string; title: string; fields: PackageField[] };
  dossier: { title: string; archiveCode: string; archiveNo: string; retention: string; profile: string; fields: PackageField[]; volumes: PackageVolume[] };
  av: PackageAvItem[];
  audit: PackageEvent[];
}

export function parseMetadata(xml: string): { model: PackageMetadata | null; errors: string[] } {
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') errors.push(msg.replace(/\s+/g, ' ').trim());
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    // xmldom reports fatal errors through onError and then throws.
    return { model: null, errors: errors.length ? errors : [(e as Error).message] };
  }
  const root = doc.documentElement;
  if (errors.length || !root) return { model: null, errors: errors.length ? errors : ['no root element'] };
  if (root.localName !== 'transferPackage' || root.namespaceURI !== METADATA_NAMESPACE)
    return { model: null, errors: [`root element is {${root.namespaceURI ?? ''}}${root.localName ?? ''}, not {${METADATA_NAMESPACE}}transferPackage`] };
  const c = child(root, 'case');
  const d = child(root, 'dossier');
  return {
    model: {
      generatedAt: root.getAttribute('generatedAt') ?? '',
      software: root.getAttribute('software') ?? '',
      case: { caseNo: c?.getAttribute('caseNo') ?? '', title: textOf(c, 'title') ?? '', fields: fieldsOf(c) },
      dossier: {
        title: textOf(d, 'title') ?? '',
        archiveCode: textOf(d, 'archiveCode') ?? '',
        archiveNo: textOf(d, 'archiveNo') ?? '',
        retention: textOf(d, 'retention') ?? '',
        profile: textOf(d, 'profile') ?? '',
        fields: fieldsOf(d),
        volumes: children(child(d, 'volumes'), 'volume').map(volumeOf),
      },
      av: children(child(root, 'avItems'), 'avItem').map((a) => ({
        id: a.getAttribute('id') ?? '',
        path: a.getAttribute('path'),
        size: intAttr(a, 'size'),
        fileName: textOf(a, 'fileName') ?? '',
        fields: fieldsOf(a),
        digests: digestsOf(a),
      })),
      audit: children(child(root, 'auditEvents'), 'event').map((e) => ({
        seq: intAttr(e, 'seq') ?? 0,
        at: e.getAttribute('at') ?? '',
        actor: e.getAttribute('actor') ?? '',
        action: attrText(e, 'action'),
        hash: e.getAttribute('hash'),
        prevHash: e.getAttribute('prevHash'),
        actorId: intAttr(e, 'actorId'),
        targetType: e.getAttribute('targetType'),
        targetId: e.getAttribute('targetId'),
        beforeDigest: e.getAttribute('beforeDigest'),
        afterDigest: e.getAttribute('afterDigest'),
        target: textOf(e, 'target'),
        detail: textOf(e, 'detail'),
      })),
    },
    errors,
  };
}

function volumeOf(v: Element): PackageVolume {
  const cover = child(v, 'cover');
  const entries = child(v, 'entries');
  return {
    label: v.getAttribute('label') ?? '',
    path: v.getAttribute('path') ?? '',
    pages: intAttr(v, 'pages') ?? 0,
    size: intAttr(v, 'size'),
    digests: digestsOf(v),
    cover: cover
      ? children(cover, 'item').map((i) => ({ field: i.getAttribute('field') ?? '', label: i.getAttribute('label') ?? '', value: i.textContent ?? '' }))
      : null,
    entries: entries
      ? children(entries, 'entry').map((e) => ({
          seq: intAttr(e, 'seq') ?? 0,
          type: e.getAttribute('type') ?? '',
          kind: e.getAttribute('kind') ?? '',
          start: intAttr(e, 'start'),
          end: intAttr(e, 'end'),
          avId: e.getAttribute('avId'),
          title: textOf(e, 'title') ?? '',
          docNo: textOf(e, 'docNo'),
          responsible: textOf(e, 'responsible'),
          date: textOf(e, 'date'),
        }))
      : null,
  };
}

function children(el: Element | null | undefined, name: string): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
}

function child(el: Element | null | undefined, name: string): Element | null {
  return children(el, name)[0] ?? null;
}

function textOf(el: Element | null | undefined, name: string): string | null {
  const c = child(el, name);
  return c ? (c.textContent ?? '') : null;
}

function fieldsOf(el: Element | null | undefined): PackageField[] {
  return children(el, 'field').map((f) => ({ name: f.getAttribute('name') ?? '', value: f.textContent ?? '' }));
}

function digestsOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of children(el, 'digest')) out[g.getAttribute('algorithm') ?? ''] = (g.textContent ?? '').trim();
  return out;
}

function intAttr(el: Element, name: string): number | null {
  const v = el.getAttribute(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : null;
}

/** A field's value by name, or null. */
export function fieldValue(fields: readonly PackageField[], name: string): string | null {
  return fields.find((f) => f.name === name)?.value ?? null;
}

function attrText(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}
