import type { Db } from '../db.js';

/** The volumes and 目录 entries of a version, written at sealing (frozen by trigger afterwards). */
export interface VolumeInsert {
  seq: number;
  part: 'main' | 'secondary';
  partIndex: number;
  label: string;
  archiveCode: string | null;
  pageCount: number;
  entryCount: number;
}

export interface EntryInsert {
  rowSeq: number;
  partSeq: number;
  caseId: number;
  documentId: number | null;
  avId: string | null;
  kind: string;
  title: string;
  docNo: string | null;
  responsible: string | null;
  date: string | null;
  pageStart: number | null;
  pageEnd: number | null;
  pagesLabel: string;
  note: string;
  pagesJson: string;
}

export interface EntryRow extends EntryInsert {
  volumeSeq: number;
}

export class DossierVolumeRepo {
  constructor(private readonly db: Db) {}

  insertVolume(versionId: number, v: VolumeInsert): number {
    const r = this.db
      .prepare('INSERT INTO dossier_volumes (version_id, seq, part, part_index, label, archive_code, page_count, entry_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(versionId, v.seq, v.part, v.partIndex, v.label, v.archiveCode, v.pageCount, v.entryCount);
    return Number(r.lastInsertRowid);
  }

  insertEntry(volumeId: number, e: EntryInsert): void {
    this.db
      .prepare(
        `INSERT INTO dossier_entries (volume_id, row_seq, part_seq, case_id, document_id, av_id, kind, title, doc_no, responsible, entry_date,
           page_start, page_end, pages_label, note, pages_json)
         VALUES (@volumeId, @rowSeq, @partSeq, @caseId, @documentId, @avId, @kind, @title, @docNo, @responsible, @date, @pageStart, @pageEnd, @pagesLabel, @note, @pagesJson)`,
      )
      .run({ ...e, volumeId });
  }

  entries(versionId: number): EntryRow[] {
    return this.db
      .prepare(
        `SELECT vo.seq AS volumeSeq, e.row_seq AS rowSeq, e.part_seq AS partSeq, e.case_id AS caseId, e.document_id AS documentId, e.av_id AS avId,
           e.kind, e.title, e.doc_no AS docNo, e.responsible, e.entry_date AS date, e.page_start AS pageStart, e.page_end AS pageEnd,
           e.pages_label AS pagesLabel, e.note, e.pages_json AS pagesJson
         FROM dossier_entries e JOIN dossier_volumes vo ON vo.id = e.volume_id WHERE vo.version_id = ? ORDER BY vo.seq, e.row_seq, e.part_seq`,
      )
      .all(versionId) as EntryRow[];
  }
}
