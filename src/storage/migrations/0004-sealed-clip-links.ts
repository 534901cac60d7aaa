import type { Migration } from '../migration.js';

/**
 * A sealed dossier holds the AV evidence its cases had when it was sealed (one 视听资料证据 sheet per
 * linked clip). Linking a clip to a sealed case, or closing such a link, would make the case differ
 * from its dossier: refused by trigger, like every other change to a sealed case (0003). Officer and
 * activity-only links stay free. A correction reopens the case (its latest version is a draft again).
 */
const FROZEN_CASE = (caseIdExpr: string) => `${caseIdExpr} IS NOT NULL AND EXISTS (
  SELECT 1 FROM dossier_cases dc JOIN dossier_versions v ON v.id = dc.version_id
  WHERE dc.case_id = ${caseIdExpr} AND v.status = 'sealed'
    AND v.version_no = (SELECT max(w.version_no) FROM dossier_versions w WHERE w.dossier_id = v.dossier_id))`;

const MSG = 'the case is sealed in a dossier (归档); open a correction first / 案件已归档封存，不能修改，请先提出更正';

export const m0004SealedClipLinks: Migration = {
  version: 4,
  name: '0004-sealed-clip-links',
  up(db) {
    db.exec(`
      CREATE TRIGGER clip_links_sealed_no_insert BEFORE INSERT ON clip_links
        WHEN ${FROZEN_CASE('NEW.case_id')}
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
      CREATE TRIGGER clip_links_sealed_no_update BEFORE UPDATE ON clip_links
        WHEN ${FROZEN_CASE('OLD.case_id')}
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
      CREATE TRIGGER clip_links_sealed_no_delete BEFORE DELETE ON clip_links
        WHEN ${FROZEN_CASE('OLD.case_id')}
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
    `);
  },
};
