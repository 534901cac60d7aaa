import type { Db } from '../db.js';

/** Finds a case or document already filed with the same content, so a re-run after a crash files nothing twice. */
export class RefilingRepo {
  constructor(private readonly db: Db) {}

  /** The live document of `caseId` with this kind and 题名 whose files are exactly these objects, in this order. */
  sameDocument(caseId: number, kind: string, title: string, sha256s: readonly string[]): number | undefined {
    const candidates = this.db
      .prepare('SELECT id FROM documents WHERE case_id = ? AND kind = ? AND title = ? AND removed_at IS NULL ORDER BY id')
      .all(caseId, kind, title) as { id: number }[];
    const files = this.db.prepare('SELECT object_sha256 AS s FROM document_files WHERE document_id = ? ORDER BY seq');
    for (const c of candidates) {
      const have = (files.all(c.id) as { s: string }[]).map((r) => r.s);
      if (have.length === sha256s.length && have.every((s, i) => s === sha256s[i])) return c.id;
    }
    return undefined;
  }

  /** The state digest the `case.create` entry recorded for a case, and whether it was edited since. */
  caseAsCreated(caseId: number): { afterDigest: string | null; edited: boolean } | undefined {
    const created = this.db
      .prepare("SELECT after_digest AS d FROM audit_log WHERE action = 'case.create' AND target_type = 'case' AND target_id = ? ORDER BY seq LIMIT 1")
      .get(String(caseId)) as { d: string | null } | undefined;
    if (!created) return undefined;
    const edited = this.db
      .prepare("SELECT 1 FROM audit_log WHERE action = 'case.update' AND target_type = 'case' AND target_id = ? LIMIT 1")
      .get(String(caseId));
    return { afterDigest: created.d, edited: edited !== undefined };
  }
}
