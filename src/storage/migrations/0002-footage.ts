import type { Migration } from '../migration.js';

/**
 * Body-camera footage: ingest runs, clips (one per distinct SHA-256) and every source path they were
 * found under, links to cases / officers / activities, the device register (设备台账), fixity runs and
 * their results, quarantined objects and approved disposals.
 *
 * Footage rows are never deleted; an ingested clip's digests, size and original name never change;
 * links and register entries are closed (removed_at / to_utc), not erased. Times are kept twice: as
 * recorded with the camera's offset (`*_local`, e.g. 2024-03-11T09:40:32+08:00) and in UTC for sorting
 * and comparison (`*_utc`, 2024-03-11T01:40:32Z).
 */
export const m0002Footage: Migration = {
  version: 2,
  name: '0002-footage',
  up(db) {
    db.exec(`
      CREATE TABLE footage_ingests (
        id INTEGER PRIMARY KEY,
        source_root TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running','done','cancelled','failed')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        files INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        new_clips INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        error_list TEXT,
        case_id INTEGER REFERENCES cases(id),
        officer_id INTEGER REFERENCES officers(id),
        sm3_backend TEXT NOT NULL,
        by_user INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE clips (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE REFERENCES objects(sha256) CHECK (length(sha256) = 64),
        sm3 TEXT NOT NULL CHECK (length(sm3) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        kind TEXT NOT NULL CHECK (kind IN ('video','audio','photo')),
        media_type TEXT NOT NULL,
        original_name TEXT NOT NULL,
        name_pattern TEXT,
        device_serial TEXT,
        user_no TEXT,
        unit_code TEXT,
        file_seq TEXT,
        important INTEGER NOT NULL DEFAULT 0 CHECK (important IN (0,1)),
        timezone TEXT NOT NULL,
        start_local TEXT,
        start_utc TEXT,
        end_local TEXT,
        end_utc TEXT,
        duration_sec REAL,
        field_sources TEXT NOT NULL,
        container TEXT,
        video_codec TEXT,
        audio_codec TEXT,
        width INTEGER,
        height INTEGER,
        frame_rate REAL,
        creation_time TEXT,
        probe TEXT,
        file_mtime TEXT,
        thumb_sha256 TEXT REFERENCES objects(sha256),
        sheet_sha256 TEXT REFERENCES objects(sha256),
        derived_state TEXT NOT NULL DEFAULT 'pending' CHECK (derived_state IN ('pending','done','failed','none')),
        derived_error TEXT,
        disposal_id INTEGER,
        ingest_id INTEGER REFERENCES footage_ingests(id),
        ingested_at TEXT NOT NULL,
        ingested_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX clips_start ON clips(start_utc);
      CREATE INDEX clips_device ON clips(device_serial, start_utc);
      CREATE INDEX clips_derived ON clips(derived_state) WHERE derived_state = 'pending';

      CREATE TABLE clip_sources (
        id INTEGER PRIMARY KEY,
        clip_id INTEGER NOT NULL REFERENCES clips(id),
        ingest_id INTEGER REFERENCES footage_ingests(id),
        source_root TEXT NOT NULL,
        rel_path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime TEXT,
        first_seen_at TEXT NOT NULL,
        UNIQUE (clip_id, source_root, rel_path)
      ) STRICT;

      CREATE TABLE clip_links (
        id INTEGER PRIMARY KEY,
        clip_id INTEGER NOT NULL REFERENCES clips(id),
        case_id INTEGER REFERENCES cases(id),
        officer_id INTEGER REFERENCES officers(id),
        activity TEXT,
        linked_at TEXT NOT NULL,
        linked_by INTEGER REFERENCES users(id),
        removed_at TEXT,
        removed_by INTEGER REFERENCES users(id),
        removed_reason TEXT,
        CHECK ((case_id IS NOT NULL AND officer_id IS NULL)
            OR (officer_id IS NOT NULL AND case_id IS NULL AND activity IS NULL)
            OR (case_id IS NULL AND officer_id IS NULL AND activity IS NOT NULL))
      ) STRICT;
      CREATE INDEX clip_links_clip ON clip_links(clip_id);
      CREATE INDEX clip_links_case ON clip_links(case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX clip_links_officer ON clip_links(officer_id) WHERE officer_id IS NOT NULL;
      CREATE UNIQUE INDEX clip_links_active ON clip_links(clip_id, coalesce(case_id, 0), coalesce(officer_id, 0), coalesce(activity, ''))
        WHERE removed_at IS NULL;

      CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        serial TEXT NOT NULL UNIQUE,
        model TEXT,
        unit_code TEXT,
        note TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE device_assignments (
        id INTEGER PRIMARY KEY,
        device_id INTEGER NOT NULL REFERENCES devices(id),
        officer_id INTEGER NOT NULL REFERENCES officers(id),
        user_no TEXT,
        from_local TEXT NOT NULL,
        from_utc TEXT NOT NULL,
        to_local TEXT,
        to_utc TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        CHECK (to_utc IS NULL OR to_utc > from_utc)
      ) STRICT;
      CREATE INDEX device_assignments_device ON device_assignments(device_id, from_utc);
      CREATE INDEX device_assignments_officer ON device_assignments(officer_id);

      CREATE TABLE fixity_runs (
        id INTEGER PRIMARY KEY,
        mode TEXT NOT NULL CHECK (mode IN ('full','incremental')),
        state TEXT NOT NULL CHECK (state IN ('running','done','cancelled','failed','interrupted')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        older_than_days INTEGER,
        byte_budget INTEGER,
        resumed_run INTEGER REFERENCES fixity_runs(id),
        objects_planned INTEGER NOT NULL DEFAULT 0,
        objects_checked INTEGER NOT NULL DEFAULT 0,
        bytes_checked INTEGER NOT NULL DEFAULT 0,
        ok INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        vanished INTEGER NOT NULL DEFAULT 0,
        appeared INTEGER NOT NULL DEFAULT 0,
        by_user INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE fixity_results (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES fixity_runs(id),
        sha256 TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok','changed','vanished','appeared')),
        actual_sha256 TEXT,
        actual_sm3 TEXT,
        actual_size INTEGER,
        detail TEXT
      ) STRICT;
      CREATE INDEX fixity_results_object ON fixity_results(sha256, checked_at);
      CREATE INDEX fixity_results_run ON fixity_results(run_id, outcome);

      CREATE TABLE quarantined_objects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        found_at TEXT NOT NULL,
        moved_to TEXT NOT NULL,
        run_id INTEGER REFERENCES fixity_runs(id)
      ) STRICT;

      CREATE TABLE footage_disposals (
        id INTEGER PRIMARY KEY,
        clip_id INTEGER NOT NULL REFERENCES clips(id),
        reason TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('requested','approved','rejected')),
        requested_at TEXT NOT NULL,
        requested_by INTEGER NOT NULL REFERENCES users(id),
        decided_at TEXT,
        decided_by INTEGER REFERENCES users(id),
        decision_note TEXT,
        CHECK (state = 'requested' OR (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
        CHECK (decided_by IS NULL OR decided_by <> requested_by)
      ) STRICT;
      CREATE INDEX footage_disposals_clip ON footage_disposals(clip_id);

      CREATE TRIGGER clips_no_delete BEFORE DELETE ON clips
        BEGIN SELECT RAISE(ABORT, 'footage rows are never deleted (dispose with an approved record)'); END;
      CREATE TRIGGER clips_fixed BEFORE UPDATE OF sha256, sm3, size, kind, media_type, original_name, ingested_at, ingest_id ON clips
        BEGIN SELECT RAISE(ABORT, 'an ingested clip''s digests and identity never change'); END;
      CREATE TRIGGER clip_sources_no_update BEFORE UPDATE ON clip_sources
        BEGIN SELECT RAISE(ABORT, 'clip sources are append-only'); END;
      CREATE TRIGGER clip_sources_no_delete BEFORE DELETE ON clip_sources
        BEGIN SELECT RAISE(ABORT, 'clip sources are append-only'); END;
      CREATE TRIGGER clip_links_no_delete BEFORE DELETE ON clip_links
        BEGIN SELECT RAISE(ABORT, 'clip links are closed, never deleted'); END;
      CREATE TRIGGER clip_links_close_only BEFORE UPDATE ON clip_links
        WHEN OLD.removed_at IS NOT NULL OR NEW.clip_id IS NOT OLD.clip_id OR NEW.case_id IS NOT OLD.case_id
          OR NEW.officer_id IS NOT OLD.officer_id OR NEW.activity IS NOT OLD.activity
          OR NEW.linked_at IS NOT OLD.linked_at OR NEW.linked_by IS NOT OLD.linked_by
        BEGIN SELECT RAISE(ABORT, 'a clip link can only be closed, once'); END;
      CREATE TRIGGER devices_no_delete BEFORE DELETE ON devices
        BEGIN SELECT RAISE(ABORT, 'the device register is append-only'); END;
      CREATE TRIGGER device_assignments_no_delete BEFORE DELETE ON device_assignments
        BEGIN SELECT RAISE(ABORT, 'the device register is append-only'); END;
      CREATE TRIGGER device_assignments_close_only BEFORE UPDATE ON device_assignments
        WHEN OLD.to_utc IS NOT NULL OR NEW.device_id IS NOT OLD.device_id OR NEW.officer_id IS NOT OLD.officer_id
          OR NEW.from_utc IS NOT OLD.from_utc OR NEW.from_local IS NOT OLD.from_local OR NEW.user_no IS NOT OLD.user_no
        BEGIN SELECT RAISE(ABORT, 'a register entry can only be closed, once'); END;
      CREATE TRIGGER fixity_results_no_update BEFORE UPDATE ON fixity_results
        BEGIN SELECT RAISE(ABORT, 'fixity results are append-only'); END;
      CREATE TRIGGER fixity_results_no_delete BEFORE DELETE ON fixity_results
        BEGIN SELECT RAISE(ABORT, 'fixity results are append-only'); END;
      CREATE TRIGGER fixity_runs_no_delete BEFORE DELETE ON fixity_runs
        BEGIN SELECT RAISE(ABORT, 'fixity runs are never deleted'); END;
      CREATE TRIGGER quarantined_objects_no_delete BEFORE DELETE ON quarantined_objects
        BEGIN SELECT RAISE(ABORT, 'quarantine records are never deleted'); END;
      CREATE TRIGGER footage_disposals_no_delete BEFORE DELETE ON footage_disposals
        BEGIN SELECT RAISE(ABORT, 'disposal records are never deleted'); END;
      CREATE TRIGGER footage_disposals_decide_once BEFORE UPDATE ON footage_disposals
        WHEN OLD.state <> 'requested' OR NEW.clip_id IS NOT OLD.clip_id OR NEW.reason IS NOT OLD.reason
          OR NEW.requested_by IS NOT OLD.requested_by OR NEW.requested_at IS NOT OLD.requested_at
        BEGIN SELECT RAISE(ABORT, 'a disposal is decided once'); END;
      CREATE TRIGGER footage_ingests_no_delete BEFORE DELETE ON footage_ingests
        BEGIN SELECT RAISE(ABORT, 'ingest runs are never deleted'); END;
    `);
  },
};
