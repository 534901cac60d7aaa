import type { Migration } from '../migration.js';

/**
 * Dossiers (立卷/归档): a dossier per case (or per 简易 batch volume) with numbered versions — a draft
 * that collects the archivist's manual order and acknowledged warnings, then sealed; a correction is
 * a new version pointing at the sealed one with who and why. Volumes and 目录 entries are written at
 * sealing. The 归档号 serial per year is gap-free (one step per issued number, inside the sealing
 * transaction) and never reused (issued numbers are append-only).
 *
 * Triggers freeze what sealing promises: a sealed version and everything under it, and the case
 * record, documents, files and pages of every case whose current dossier version is sealed.
 */
const FROZEN_CASE = (caseIdExpr: string) => `EXISTS (
  SELECT 1 FROM dossier_cases dc JOIN dossier_versions v ON v.id = dc.version_id
  WHERE dc.case_id = ${caseIdExpr} AND v.status = 'sealed'
    AND v.version_no = (SELECT max(w.version_no) FROM dossier_versions w WHERE w.dossier_id = v.dossier_id))`;

const SEALED_VERSION = (versionIdExpr: string) => `EXISTS (SELECT 1 FROM dossier_versions sv WHERE sv.id = ${versionIdExpr} AND sv.status = 'sealed')`;

const CASE_MSG = 'the case is sealed in a dossier (归档); open a correction first / 案件已归档封存，不能修改，请先提出更正';
const DOSSIER_MSG = 'a sealed dossier version cannot change / 已归档的案卷版本不能修改';

function freeze(table: string, caseIdOf: (row: 'OLD' | 'NEW') => string, ops: ('INSERT' | 'UPDATE' | 'DELETE')[]): string {
  return ops
    .map((op) => {
      const row = op === 'INSERT' ? 'NEW' : 'OLD';
      return `CREATE TRIGGER ${table}_sealed_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
        WHEN ${FROZEN_CASE(caseIdOf(row))}
        BEGIN SELECT RAISE(ABORT, '${CASE_MSG}'); END;`;
    })
    .join('\n');
}

function sealedChildren(table: string, versionIdOf: (row: 'OLD' | 'NEW') => string): string {
  return (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((op) => {
      const row = op === 'INSERT' ? 'NEW' : 'OLD';
      return `CREATE TRIGGER ${table}_sealed_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
        WHEN ${SEALED_VERSION(versionIdOf(row))}
        BEGIN SELECT RAISE(ABORT, '${DOSSIER_MSG}'); END;`;
    })
    .join('\n');
}

export const m0003Dossier: Migration = {
  version: 3,
  name: '0003-dossier',
  up(db) {
    db.exec(`
      CREATE TABLE dossiers (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('case','batch')),
        case_id INTEGER UNIQUE REFERENCES cases(id),
        batch_key TEXT UNIQUE,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        CHECK ((scope = 'case') = (case_id IS NOT NULL)),
        CHECK ((scope = 'batch') = (batch_key IS NOT NULL))
      ) STRICT;

      CREATE TABLE dossier_versions (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        version_no INTEGER NOT NULL CHECK (version_no >= 1),
        status TEXT NOT NULL CHECK (status IN ('draft','sealed')),
        supersedes_id INTEGER REFERENCES dossier_versions(id),
        correction_reason TEXT,
        opened_at TEXT NOT NULL,
        opened_by INTEGER NOT NULL REFERENCES users(id),
        manual_order TEXT,
        profile_id TEXT,
        profile_version TEXT,
        profile_json TEXT,
        archive_year INTEGER,
        archive_serial INTEGER,
        archive_no TEXT,
        archive_code TEXT,
        fonds_no TEXT,
        catalog_no TEXT,
        retention TEXT,
        appraisal_due TEXT,
        checker TEXT,
        sealed_at TEXT,
        sealed_by INTEGER REFERENCES users(id),
        bound_json TEXT,
        bound_sha256 TEXT,
        UNIQUE (dossier_id, version_no),
        CHECK (status = 'draft' OR (archive_no IS NOT NULL AND bound_json IS NOT NULL AND sealed_at IS NOT NULL AND sealed_by IS NOT NULL)),
        CHECK ((version_no = 1) = (supersedes_id IS NULL)),
        CHECK (supersedes_id IS NULL OR length(correction_reason) > 0)
      ) STRICT;

      CREATE TABLE dossier_cases (
        version_id INTEGER NOT NULL REFERENCES dossier_versions(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        seq INTEGER NOT NULL,
        PRIMARY KEY (version_id, case_id)
      ) STRICT;
      CREATE INDEX dossier_cases_case ON dossier_cases(case_id);

      CREATE TABLE dossier_volumes (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES dossier_versions(id),
        seq INTEGER NOT NULL,
        part TEXT NOT NULL CHECK (part IN ('main','secondary')),
        part_index INTEGER NOT NULL,
        label TEXT NOT NULL,
        archive_code TEXT,
        page_count INTEGER NOT NULL CHECK (page_count >= 0),
        entry_count INTEGER NOT NULL CHECK (entry_count >= 0),
        UNIQUE (version_id, seq)
      ) STRICT;

      CREATE TABLE dossier_entries (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES dossier_volumes(id),
        row_seq INTEGER NOT NULL,
        part_seq INTEGER NOT NULL,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        document_id INTEGER REFERENCES documents(id),
        av_id TEXT,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        doc_no TEXT,
        responsible TEXT,
        entry_date TEXT,
        page_start INTEGER,
        page_end INTEGER,
        pages_label TEXT NOT NULL,
        note TEXT NOT NULL,
        pages_json TEXT NOT NULL,
        UNIQUE (volume_id, row_seq, part_seq),
        CHECK ((document_id IS NULL) <> (av_id IS NULL))
      ) STRICT;
      CREATE INDEX dossier_entries_document ON dossier_entries(document_id);

      CREATE TABLE dossier_acknowledgements (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES dossier_versions(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        warning_key TEXT NOT NULL,
        warning_text TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        by_user INTEGER NOT NULL REFERENCES users(id),
        by_name TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (version_id, case_id, warning_key)
      ) STRICT;

      CREATE TABLE dossier_deviations (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES dossier_versions(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        document_id INTEGER NOT NULL REFERENCES documents(id),
        profile_position INTEGER NOT NULL,
        actual_position INTEGER NOT NULL,
        reason TEXT,
        by_user INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        UNIQUE (version_id, document_id)
      ) STRICT;

      CREATE TABLE archive_serials (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
        last_serial INTEGER NOT NULL CHECK (last_serial >= 0)
      ) STRICT;

      CREATE TABLE archive_numbers (
        year INTEGER NOT NULL,
        serial INTEGER NOT NULL CHECK (serial >= 1),
        archive_no TEXT NOT NULL UNIQUE,
        dossier_id INTEGER NOT NULL UNIQUE REFERENCES dossiers(id),
        subject TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        PRIMARY KEY (year, serial)
      ) STRICT;

      -- The serial only ever steps by one, and a number is issued at exactly the step that made it.
      CREATE TRIGGER archive_serials_step BEFORE UPDATE ON archive_serials
        WHEN NEW.year <> OLD.year OR NEW.last_serial <> OLD.last_serial + 1
        BEGIN SELECT RAISE(ABORT, 'the 归档号 serial only steps by one'); END;
      CREATE TRIGGER archive_serials_start BEFORE INSERT ON archive_serials
        WHEN NEW.last_serial <> 1
        BEGIN SELECT RAISE(ABORT, 'a yearly 归档号 serial starts at 1'); END;
      CREATE TRIGGER archive_serials_no_delete BEFORE DELETE ON archive_serials
        BEGIN SELECT RAISE(ABORT, 'the 归档号 serial is never reset'); END;
      CREATE TRIGGER archive_numbers_at_step BEFORE INSERT ON archive_numbers
        WHEN NEW.serial IS NOT (SELECT last_serial FROM archive_serials WHERE year = NEW.year)
        BEGIN SELECT RAISE(ABORT, 'a 归档号 is issued only at the serial just allocated'); END;
      CREATE TRIGGER archive_numbers_no_update BEFORE UPDATE ON archive_numbers
        BEGIN SELECT RAISE(ABORT, 'an issued 归档号 never changes'); END;
      CREATE TRIGGER archive_numbers_no_delete BEFORE DELETE ON archive_numbers
        BEGIN SELECT RAISE(ABORT, 'an issued 归档号 is never withdrawn'); END;

      CREATE TRIGGER dossiers_no_update BEFORE UPDATE ON dossiers
        BEGIN SELECT RAISE(ABORT, 'a dossier record never changes'); END;
      CREATE TRIGGER dossiers_sealed_no_delete BEFORE DELETE ON dossiers
        WHEN EXISTS (SELECT 1 FROM dossier_versions v WHERE v.dossier_id = OLD.id AND v.status = 'sealed')
        BEGIN SELECT RAISE(ABORT, '${DOSSIER_MSG}'); END;
      CREATE TRIGGER dossier_versions_sealed_no_update BEFORE UPDATE ON dossier_versions
        WHEN OLD.status = 'sealed'
        BEGIN SELECT RAISE(ABORT, '${DOSSIER_MSG}'); END;
      CREATE TRIGGER dossier_versions_sealed_no_delete BEFORE DELETE ON dossier_versions
        WHEN OLD.status = 'sealed'
        BEGIN SELECT RAISE(ABORT, '${DOSSIER_MSG}'); END;
      CREATE TRIGGER dossier_versions_insert_sealed BEFORE INSERT ON dossier_versions
        WHEN NEW.status = 'sealed'
        BEGIN SELECT RAISE(ABORT, 'a version is sealed by updating its draft, never inserted sealed'); END;

      ${sealedChildren('dossier_cases', (r) => `${r}.version_id`)}
      ${sealedChildren('dossier_volumes', (r) => `${r}.version_id`)}
      ${sealedChildren('dossier_acknowledgements', (r) => `${r}.version_id`)}
      ${sealedChildren('dossier_deviations', (r) => `${r}.version_id`)}
      ${sealedChildren('dossier_entries', (r) => `(SELECT version_id FROM dossier_volumes WHERE id = ${r}.volume_id)`)}

      ${freeze('cases', (r) => `${r}.id`, ['UPDATE', 'DELETE'])}
      ${freeze('parties', (r) => `${r}.case_id`, ['INSERT', 'UPDATE', 'DELETE'])}
      ${freeze('case_officers', (r) => `${r}.case_id`, ['INSERT', 'UPDATE', 'DELETE'])}
      ${freeze('documents', (r) => `${r}.case_id`, ['INSERT', 'UPDATE', 'DELETE'])}
      ${freeze('document_files', (r) => `(SELECT case_id FROM documents WHERE id = ${r}.document_id)`, ['INSERT', 'UPDATE', 'DELETE'])}
      ${freeze('pages', (r) => `(SELECT case_id FROM documents WHERE id = ${r}.document_id)`, ['INSERT', 'UPDATE', 'DELETE'])}
    `);
  },
};
