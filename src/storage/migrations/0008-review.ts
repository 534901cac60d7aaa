import type { Migration } from '../migration.js';

/**
 * 案卷评查: the score-sheet templates in use (each version stored as loaded, never changed), review
 * plans (评查计划: the sample drawn with its recorded seed), their assignments (one sealed case
 * dossier each, to one inspector), the reviews (a draft, then submitted and sealed; a correction is
 * a new version pointing at the submitted one), their findings (proposed from the automatic checks
 * or the inspector's own, pinned to a page or a clip second) and the archivist's 整改 answers.
 *
 * Triggers keep what submission promises: a submitted review and its findings never change, and
 * templates, plans and answers are append-only.
 */
const SUBMITTED = (reviewIdExpr: string) => `EXISTS (SELECT 1 FROM reviews r WHERE r.id = ${reviewIdExpr} AND r.status = 'submitted')`;
const MSG = 'a submitted review cannot change; open a correction (a new version) / 已提交的评查结果不能修改，请新建更正版本';

export const m0008Review: Migration = {
  version: 8,
  name: '0008-review',
  up(db) {
    db.exec(`
      CREATE TABLE review_templates (
        id INTEGER PRIMARY KEY,
        template_id TEXT NOT NULL,
        version TEXT NOT NULL,
        name TEXT NOT NULL,
        json TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        loaded_at TEXT NOT NULL,
        UNIQUE (template_id, version)
      ) STRICT;

      CREATE TABLE review_plans (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
        template_row INTEGER NOT NULL REFERENCES review_templates(id),
        mode TEXT NOT NULL CHECK (mode IN ('percent','count')),
        amount REAL NOT NULL CHECK (amount > 0),
        seed TEXT NOT NULL CHECK (length(seed) > 0),
        draw_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      CREATE TABLE review_assignments (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES review_plans(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        dossier_version_id INTEGER NOT NULL REFERENCES dossier_versions(id),
        stratum TEXT NOT NULL,
        draw_rank INTEGER NOT NULL CHECK (draw_rank >= 1),
        inspector_id INTEGER REFERENCES users(id),
        assigned_at TEXT,
        assigned_by INTEGER REFERENCES users(id),
        grant_id INTEGER,
        grant_note TEXT,
        UNIQUE (plan_id, case_id)
      ) STRICT;
      CREATE INDEX review_assignments_inspector ON review_assignments(inspector_id);
      CREATE INDEX review_assignments_case ON review_assignments(case_id);

      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        assignment_id INTEGER NOT NULL REFERENCES review_assignments(id),
        version_no INTEGER NOT NULL CHECK (version_no >= 1),
        status TEXT NOT NULL CHECK (status IN ('draft','submitted')),
        supersedes_id INTEGER REFERENCES reviews(id),
        correction_reason TEXT,
        inspector_id INTEGER NOT NULL REFERENCES users(id),
        opened_at TEXT NOT NULL,
        submitted_at TEXT,
        total REAL,
        grade TEXT,
        vetoed INTEGER CHECK (vetoed IN (0,1)),
        sheet_json TEXT,
        sheet_sha256 TEXT,
        UNIQUE (assignment_id, version_no),
        CHECK ((version_no = 1) = (supersedes_id IS NULL)),
        CHECK (supersedes_id IS NULL OR length(correction_reason) > 0),
        CHECK (status = 'draft' OR (submitted_at IS NOT NULL AND total IS NOT NULL AND grade IS NOT NULL AND sheet_json IS NOT NULL))
      ) STRICT;

      CREATE TABLE review_findings (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        seq INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('auto','own')),
        rule_id TEXT,
        item_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('proposed','accepted','rejected')),
        points REAL NOT NULL CHECK (points >= 0),
        title TEXT NOT NULL,
        comment TEXT,
        place_kind TEXT NOT NULL CHECK (place_kind IN ('document','clip','case')),
        document_id INTEGER REFERENCES documents(id),
        volume INTEGER,
        page INTEGER,
        clip_id INTEGER,
        second REAL,
        auto_json TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        UNIQUE (review_id, seq),
        CHECK ((source = 'auto') = (rule_id IS NOT NULL)),
        CHECK (place_kind <> 'clip' OR (clip_id IS NOT NULL AND second >= 0))
      ) STRICT;
      CREATE INDEX review_findings_review ON review_findings(review_id, seq);

      CREATE TABLE review_answers (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER NOT NULL REFERENCES review_findings(id),
        status TEXT NOT NULL CHECK (status IN ('mended','explained')),
        answer TEXT NOT NULL CHECK (length(answer) > 0),
        by_user INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_answers_finding ON review_answers(finding_id);

      CREATE TRIGGER review_templates_no_update BEFORE UPDATE ON review_templates
        BEGIN SELECT RAISE(ABORT, 'a stored review template version never changes'); END;
      CREATE TRIGGER review_templates_no_delete BEFORE DELETE ON review_templates
        BEGIN SELECT RAISE(ABORT, 'a stored review template version never changes'); END;
      CREATE TRIGGER review_plans_no_update BEFORE UPDATE ON review_plans
        BEGIN SELECT RAISE(ABORT, 'a review plan and its draw never change'); END;
      CREATE TRIGGER review_plans_no_delete BEFORE DELETE ON review_plans
        BEGIN SELECT RAISE(ABORT, 'a review plan and its draw never change'); END;
      CREATE TRIGGER review_assignments_no_delete BEFORE DELETE ON review_assignments
        BEGIN SELECT RAISE(ABORT, 'a drawn dossier stays in its plan'); END;
      CREATE TRIGGER review_assignments_fixed BEFORE UPDATE ON review_assignments
        WHEN NEW.plan_id <> OLD.plan_id OR NEW.case_id <> OLD.case_id OR NEW.dossier_version_id <> OLD.dossier_version_id
          OR NEW.draw_rank <> OLD.draw_rank OR NEW.stratum <> OLD.stratum
        BEGIN SELECT RAISE(ABORT, 'a drawn dossier stays as drawn'); END;
      CREATE TRIGGER reviews_submitted_no_update BEFORE UPDATE ON reviews
        WHEN OLD.status = 'submitted'
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
      CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
      CREATE TRIGGER reviews_not_inserted_submitted BEFORE INSERT ON reviews
        WHEN NEW.status = 'submitted'
        BEGIN SELECT RAISE(ABORT, 'a review is opened as a draft'); END;
      CREATE TRIGGER review_findings_sealed_no_insert BEFORE INSERT ON review_findings
        WHEN ${SUBMITTED('NEW.review_id')}
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
      CREATE TRIGGER review_findings_sealed_no_update BEFORE UPDATE ON review_findings
        WHEN ${SUBMITTED('OLD.review_id')}
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
      CREATE TRIGGER review_findings_sealed_no_delete BEFORE DELETE ON review_findings
        WHEN ${SUBMITTED('OLD.review_id')}
        BEGIN SELECT RAISE(ABORT, '${MSG}'); END;
      CREATE TRIGGER review_answers_no_update BEFORE UPDATE ON review_answers
        BEGIN SELECT RAISE(ABORT, 'review_answers is append-only'); END;
      CREATE TRIGGER review_answers_no_delete BEFORE DELETE ON review_answers
        BEGIN SELECT RAISE(ABORT, 'review_answers is append-only'); END;
      CREATE TRIGGER review_answers_submitted_only BEFORE INSERT ON review_answers
        WHEN NOT EXISTS (SELECT 1 FROM review_findings f JOIN reviews r ON r.id = f.review_id WHERE f.id = NEW.finding_id AND r.status = 'submitted')
        BEGIN SELECT RAISE(ABORT, 'only findings of a submitted review are answered'); END;
    `);
  },
};
