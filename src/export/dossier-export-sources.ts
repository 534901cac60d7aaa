import { AppError } from '../api/errors.js';
import type { DossierView } from '../api/types-dossier.js';
import type { AuditRow } from '../storage/repos/audit-repo.js';
import type { AvItem, BoundDossier, Entry } from '../binding/types.js';
import type { BagMetadata, MetadataEntry, MetadataField } from './metadata-xml.js';
import type { PageSource } from '../pdf/from-page-model.js';
import { CaseRepo } from '../storage/repos/case-repo.js';
import { DocumentRepo } from '../storage/repos/document-repo.js';
import { OcrRepo } from '../storage/repos/ocr-repo.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import type { Archive } from '../archive/archive.js';

/** What reading the export's sources needs: the archive (catalogue and object store). */
export interface ExportSources {
  archive: Archive;
}

/**
 * What a dossier export reads from the catalogue: where each bound page's stored bytes are, each AV
 * item's contact sheet and original footage, the audit events of the dossier, and the package's
 * metadata. Read-only.
 */

/** A page id → the stored file (and page of a multi-page TIFF or PDF) it was scanned into. */
export function pageResolver(deps: ExportSources, titles: ReadonlyMap<number, string>): (pageId: number, documentId: number) => PageSource {
  const docs = new DocumentRepo(deps.archive.db);
  const ocr = new OcrRepo(deps.archive.db);
  const byDocument = new Map<number, Map<number, PageSource>>();
  return (pageId, documentId) => {
    let pages = byDocument.get(documentId);
    if (!pages) {
      pages = new Map();
      const files = new Map(docs.files(documentId).map((f) => [f.id, f]));
      for (const p of docs.pages(documentId)) {
        const f = files.get(p.fileId);
        if (!f) continue;
        const file = deps.archive.store.pathOf(f.sha256);
        pages.set(
          p.id,
          f.mediaType === 'application/pdf'
            ? { pdf: { file, pageIndex: p.sourcePage } }
            : // The OCR text layer when the page has been read; null: not yet (image-only, the 备考表 says so).
              { image: { file, ...(f.mediaType === 'image/tiff' ? { page: p.sourcePage } : {}), text: ocr.textOf(f.sha256, p.sourcePage) } },
        );
      }
      byDocument.set(documentId, pages);
    }
    const src = pages.get(pageId);
    if (src) return src;
    const title = titles.get(documentId) ?? `#${documentId}`;
    throw new AppError(
      'not_found',
      `《${title}》: page ${pageId} has no stored scan in the archive; the dossier cannot be exported`,
      `《${title}》：第 ${pageId} 号页面在档案库中没有存储的扫描件，无法导出`,
      { item: title },
    );
  };
}

/** Every AV item of the dossier, once each, in 目录 order. */
export function avItemsOf(bound: BoundDossier): AvItem[] {
  const seen = new Map<string, AvItem>();
  for (const v of bound.volumes) for (const e of v.entries) for (const p of e.parts) if (p.type === 'av' && p.av && !seen.has(p.av.id)) seen.set(p.av.id, p.av);
  return [...seen.values()];
}

/** Document id → title, for errors that name the document. */
export function documentTitles(bound: BoundDossier): Map<number, string> {
  const m = new Map<number, string>();
  for (const v of bound.volumes) for (const e of v.entries) for (const p of e.parts) if (p.documentId !== null) m.set(p.documentId, p.title);
  return m;
}

const clipId = (av: AvItem): number | null => (/^\d+$/.test(av.id) ? Number(av.id) : null);

/** The JPEG contact sheet of an AV item's clip, when one was made. */
export function contactSheetOf(deps: ExportSources): (av: AvItem) => string | null {
  const clips = new FootageRepo(deps.archive.db);
  return (av) => {
    const id = clipId(av);
    const obj = id === null ? undefined : clips.mediaObject('clip-sheet', id);
    return obj ? deps.archive.store.pathOf(obj.sha256) : null;
  };
}

/** The stored original of an AV item (null when the clip was disposed of or is unknown). */
export function footageOriginal(deps: ExportSources, av: AvItem): { file: string; size: number; sha256: string } | null {
  const id = clipId(av);
  const obj = id === null ? undefined : new FootageRepo(deps.archive.db).mediaObject('clip', id);
  return obj ? { file: deps.archive.store.pathOf(obj.sha256), size: obj.size, sha256: obj.sha256 } : null;
}

/**
 * The audit events of a dossier: those about the dossier itself, its cases, their documents and its
 * AV clips, oldest first (each target through the indexed target lookup).
 */
export function dossierAuditEvents(deps: ExportSources, dossierId: number, bound: BoundDossier): AuditRow[] {
  const targets: [string, string][] = [
    ['dossier', String(dossierId)],
    ...bound.caseIds.map((id): [string, string] => ['case', String(id)]),
    ...[...documentTitles(bound).keys()].map((id): [string, string] => ['document', String(id)]),
    ...avItemsOf(bound).map((a): [string, string] => ['clip', a.id]),
  ];
  const rows = new Map<number, AuditRow>();
  for (const [targetType, targetId] of targets) for (const r of deps.archive.audit.list({ targetType, targetId, limit: 1000 })) rows.set(r.seq, r);
  return [...rows.values()].sort((a, b) => a.seq - b.seq);
}

const field = (name: string, value: string | number | null | undefined): MetadataField[] =>
  value === null || value === undefined || value === '' ? [] : [{ name, value }];

/** data/metadata.xml of the 移交包: case, dossier, volumes, AV items with digests, audit events. */
export function bagMetadata(
  deps: ExportSources,
  view: DossierView,
  o: {
    volumes: { label: string; payloadPath: string; pages: number }[];
    av: { item: AvItem; payloadPath: string | null; size: number | null }[];
    audit: AuditRow[];
  },
): BagMetadata {
  const b = view.bound;
  const v = view.version;
  const cases = new CaseRepo(deps.archive.db);
  const rows = b.caseIds.map((id) => cases.row(id)).filter((r) => r !== undefined);
  const one = rows.length === 1 ? rows[0] : undefined;
  return {
    case: {
      caseNo: rows.map((r) => r.caseNo).join('、') || (view.caseNo ?? ''),
      title: one?.title ?? b.title,
      fields: one
        ? [
            ...field('案由', one.cause),
            ...field('程序', one.procedure === 'general' ? '一般程序' : '简易程序'),
            ...field(
              '当事人',
              cases
                .parties(one.id)
                .map((p) => p.name)
                .join('、'),
            ),
            ...field('执法机关', one.organ),
            ...field('办案机构', one.unit),
            ...field('处罚决定书文号', one.decisionNo),
            ...field('立案日期', one.filedOn),
            ...field('结案日期', one.closedOn),
          ]
        : rows.map((r) => ({ name: '案件', value: `${r.caseNo} ${r.title}` })),
    },
    dossier: {
      title: b.title,
      archiveCode: v?.archiveCode ?? b.volumes[0]?.archiveCode ?? null,
      archiveNo: v?.archiveNo ?? b.archiveNo,
      retention: b.retention.label,
      profile: `${b.profile.id} ${b.profile.version}`,
      fields: [
        ...field('版本', v?.versionNo),
        ...field('归档时间', v?.sealedAt),
        ...field('归档人', v?.sealedBy),
        ...field('检查人', v?.checker),
        ...field('立卷日期', b.preparedOn),
        ...field('卷数', b.totals.volumes),
        ...field('文件件数', b.totals.documents),
        ...field('视听资料件数', b.totals.avItems),
        ...field('页数', b.totals.pages),
        ...field('归档内容SHA-256', v?.boundSha256),
        ...field('更正原因', v?.correctionReason),
      ],
      volumes: o.volumes.map((x, i) => {
        const bv = b.volumes[i];
        return bv ? { ...x, cover: bv.cover.lines.map((l) => ({ field: l.id, label: l.label, value: l.value })), entries: bv.entries.map(metadataEntry) } : x;
      }),
    },
    av: o.av.map(({ item: a, payloadPath, size }) => ({
      id: a.id,
      fileName: a.fileName,
      payloadPath,
      size,
      sha256: a.sha256,
      sm3: a.sm3,
      fields: [
        ...field('时长（秒）', a.durationSec),
        ...field('拍摄时间', a.recordedAt),
        ...field('拍摄地点', a.place),
        ...field('拍摄人', a.officer),
        ...field('设备编号', a.device),
        ...field('摄制内容', a.activity),
        ...field('证明对象', a.proves),
        ...field('载体编号', a.carrier),
      ],
    })),
    audit: o.audit.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: `${r.targetType} ${r.targetId}`,
      detail: r.detail,
      hash: r.hash,
      chain: {
        prevHash: r.prevHash,
        actorId: r.actorId,
        targetType: r.targetType,
        targetId: r.targetId,
        beforeDigest: r.beforeDigest,
        afterDigest: r.afterDigest,
      },
    })),
  };
}

/** A 目录 entry as metadata.xml lists it (the 件号, its page range and the 目录 columns). */
function metadataEntry(e: Entry): MetadataEntry {
  const first = e.parts[0];
  return {
    seq: e.seq,
    type: first?.type ?? 'document',
    kind: first?.kind ?? '',
    title: e.title,
    docNo: e.docNo,
    responsible: e.responsible,
    date: e.date,
    start: e.start,
    end: e.end,
    avId: first?.type === 'av' ? (first.av?.id ?? null) : null,
  };
}
