import type { Migration } from '../migration.js';

/** The archive core: accounts, officers, cases, documents, stored objects, pages, the audit log. */
export const m0001Initial: Migration = {
  version: 1,
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','archivist','supervisor','inspector')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE officers (
        id INTEGER PRIMARY KEY,
        cert_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        post TEXT
      ) STRICT;

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        cause TEXT NOT NULL,
        procedure TEXT NOT NULL CHECK (procedure IN ('general','summary')),
        decision_no TEXT,
        source TEXT,
        organ TEXT,
        unit TEXT,
        filed_on TEXT,
        investigation_concluded_on TEXT,
        notice_served_on TEXT,
        decided_on TEXT,
        served_on TEXT,
        executed_on TEXT,
        closed_on TEXT NOT NULL,
        extra TEXT,
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_closed ON cases(closed_on);

      CREATE TABLE parties (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('person','organisation')),
        name TEXT NOT NULL,
        id_number TEXT,
        credit_code TEXT,
        data TEXT NOT NULL,
        UNIQUE (case_id, seq)
      ) STRICT;
      CREATE INDEX parties_name ON parties(name);

      CREATE TABLE case_officers (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        officer_id INTEGER NOT NULL REFERENCES officers(id),
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        post TEXT,
        roles TEXT NOT NULL,
        PRIMARY KEY (case_id, officer_id)
      ) STRICT;
      CREATE INDEX case_officers_officer ON case_officers(officer_id);

      CREATE TABLE objects (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        media_type TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        doc_no TEXT,
        responsible TEXT,
        doc_date TEXT,
        removed_at TEXT,
        removed_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX documents_case ON documents(case_id, seq);

      CREATE TABLE document_files (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        seq INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        object_sha256 TEXT NOT NULL REFERENCES objects(sha256),
        media_type TEXT NOT NULL,
        page_count INTEGER NOT NULL CHECK (page_count > 0),
        UNIQUE (document_id, seq)
      ) STRICT;

      CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        seq INTEGER NOT NULL,
        file_id INTEGER NOT NULL REFERENCES document_files(id),
        source_page INTEGER NOT NULL CHECK (source_page >= 0),
        side TEXT NOT NULL DEFAULT 'front' CHECK (side IN ('front','back')),
        blank INTEGER NOT NULL DEFAULT 0 CHECK (blank IN (0,1)),
        blank_suggested INTEGER NOT NULL DEFAULT 0 CHECK (blank_suggested IN (0,1)),
        width INTEGER,
        height INTEGER,
        thumb_sha256 TEXT REFERENCES objects(sha256),
        UNIQUE (document_id, seq)
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        before_digest TEXT,
        after_digest TEXT,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_target ON audit_log(target_type, target_id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER objects_no_delete BEFORE DELETE ON objects
        BEGIN SELECT RAISE(ABORT, 'stored objects are never deleted'); END;
      CREATE TRIGGER objects_no_update BEFORE UPDATE ON objects
        BEGIN SELECT RAISE(ABORT, 'stored objects are immutable'); END;
      CREATE TRIGGER document_files_no_update BEFORE UPDATE OF object_sha256 ON document_files
        BEGIN SELECT RAISE(ABORT, 'a document file points at one object for good'); END;
    `);
  },
};
