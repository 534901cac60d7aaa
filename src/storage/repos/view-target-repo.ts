import type { Db } from '../db.js';

/** What a media id belongs to, for the audit entry of a view: the document (and its case) of a page or file. */
export class ViewTargetRepo {
  constructor(private readonly db: Db) {}

  ofPage(pageId: number): { documentId: number; caseId: number } | undefined {
    return this.db
      .prepare('SELECT d.id AS documentId, d.case_id AS caseId FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?')
      .get(pageId) as { documentId: number; caseId: number } | undefined;
  }

  ofFile(fileId: number): { documentId: number; caseId: number } | undefined {
    return this.db
      .prepare('SELECT d.id AS documentId, d.case_id AS caseId FROM document_files f JOIN documents d ON d.id = f.document_id WHERE f.id = ?')
      .get(fileId) as { documentId: number; caseId: number } | undefined;
  }
}
