import type { Migration } from '../migration.js';

/**
 * 调阅 (issue 10): requests (调阅申请) and their decisions, grants (from an approved request or a review
 * assignment), every playback session with the stretches watched, every refused attempt, and marks
 * (a second of a clip with a note). Also the playback-proxy columns on clips (helper R2b's proxies).
 *
 * Records are append-only: a decision is made once (pending → approved/rejected) and never changes;
 * a grant changes only once, when revoked; a view session's segments may grow while it is open and are
 * frozen once it is closed; refusals and marks never change. Nothing here is ever deleted.
 *
 * Scope: exactly one of a case (case_id), a list of clips (clip_ids, a JSON array of ids) or a recorded
 * time window (from_utc..to_utc, compared with clips.start_utc/end_utc, same `YYYY-MM-DDTHH:MM:SSZ` form).
 * Times written by the app (requested_at, until, …) are ISO-8601 UTC with milliseconds (Date#toISOString).
 */
const PURPOSES = `('supervision','complaint','litigation','case-review','other')`;
const SCOPE = `(scope_kind = 'case' AND case_id IS NOT NULL AND clip_ids IS NULL AND from_utc IS NULL AND to_utc IS NULL)
        OR (scope_kind = 'clips' AND case_id IS NULL AND clip_ids IS NOT NULL AND json_valid(clip_ids) AND json_array_length(clip_ids) > 0 AND from_utc IS NULL AND to_utc IS NULL)
        OR (scope_kind = 'window' AND case_id IS NULL AND clip_ids IS NULL AND from_utc IS NOT NULL AND to_utc IS NOT NULL AND to_utc > from_utc)`;

export const m0006Retrieval: Migration = {
  version: 6,
  name: '0006-retrieval',
  up(db) {
    db.exec(`
      ALTER TABLE clips ADD COLUMN proxy_sha256 TEXT REFERENCES objects(sha256);
      ALTER TABLE clips ADD COLUMN proxy_state TEXT NOT NULL DEFAULT 'none' CHECK (proxy_state IN ('none','pending','done','failed'));
      ALTER TABLE clips ADD COLUMN proxy_error TEXT;

      CREATE TABLE retrieval_requests (
        id INTEGER PRIMARY KEY,
        requester_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL CHECK (length(reason) >= 2),
        purpose TEXT NOT NULL CHECK (purpose IN ${PURPOSES}),
        scope_kind TEXT NOT NULL CHECK (scope_kind IN ('case','clips','window')),
        case_id INTEGER REFERENCES cases(id),
        clip_ids TEXT,
        from_utc TEXT,
        to_utc TEXT,
        until TEXT NOT NULL,
        allow_copy INTEGER NOT NULL DEFAULT 0 CHECK (allow_copy IN (0,1)),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        decision_comment TEXT,
        CHECK (${SCOPE}),
        CHECK (until > requested_at),
        CHECK ((status = 'pending' AND decided_by IS NULL AND decided_at IS NULL)
            OR (status <> 'pending' AND decided_by IS NOT NULL AND decided_at IS NOT NULL AND decision_comment IS NOT NULL)),
        CHECK (decided_by IS NULL OR decided_by <> requester_id)
      ) STRICT;
      CREATE INDEX retrieval_requests_status ON retrieval_requests(status, requested_at);
      CREATE INDEX retrieval_requests_requester ON retrieval_requests(requester_id, requested_at);

      CREATE TABLE retrieval_grants (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        scope_kind TEXT NOT NULL CHECK (scope_kind IN ('case','clips','window')),
        case_id INTEGER REFERENCES cases(id),
        clip_ids TEXT,
        from_utc TEXT,
        to_utc TEXT,
        until TEXT NOT NULL,
        allow_copy INTEGER NOT NULL CHECK (allow_copy IN (0,1)),
        purpose TEXT NOT NULL CHECK (purpose IN ${PURPOSES}),
        reason TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('request','review-assignment')),
        request_id INTEGER UNIQUE REFERENCES retrieval_requests(id),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        revoked_at TEXT,
        revoked_by INTEGER REFERENCES users(id),
        revoke_reason TEXT,
        CHECK (${SCOPE}),
        CHECK (source <> 'request' OR request_id IS NOT NULL),
        CHECK ((revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)
            OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoke_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX retrieval_grants_user ON retrieval_grants(user_id, until);

      CREATE TABLE retrieval_views (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        clip_id INTEGER NOT NULL REFERENCES clips(id),
        grant_id INTEGER REFERENCES retrieval_grants(id),
        via_proxy INTEGER NOT NULL DEFAULT 0 CHECK (via_proxy IN (0,1)),
        started_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        ended_at TEXT,
        segments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(segments)),
        total_sec REAL NOT NULL DEFAULT 0 CHECK (total_sec >= 0)
      ) STRICT;
      CREATE INDEX retrieval_views_clip ON retrieval_views(clip_id, started_at);
      CREATE INDEX retrieval_views_user ON retrieval_views(user_id, started_at);
      CREATE INDEX retrieval_views_started ON retrieval_views(started_at);

      CREATE TABLE retrieval_refusals (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        clip_id INTEGER NOT NULL,
        need TEXT NOT NULL CHECK (need IN ('view','copy')),
        at TEXT NOT NULL,
        why TEXT NOT NULL
      ) STRICT;
      CREATE INDEX retrieval_refusals_at ON retrieval_refusals(at);
      CREATE INDEX retrieval_refusals_clip ON retrieval_refusals(clip_id, at);

      CREATE TABLE clip_marks (
        id INTEGER PRIMARY KEY,
        clip_id INTEGER NOT NULL REFERENCES clips(id),
        second REAL NOT NULL CHECK (second >= 0),
        note TEXT NOT NULL CHECK (length(note) >= 1),
        by_user INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clip_marks_clip ON clip_marks(clip_id, second);

      CREATE TRIGGER retrieval_requests_no_delete BEFORE DELETE ON retrieval_requests
        BEGIN SELECT RAISE(ABORT, 'retrieval requests are records and are never deleted'); END;
      CREATE TRIGGER retrieval_requests_decided_once BEFORE UPDATE ON retrieval_requests
        WHEN OLD.status <> 'pending'
          OR NEW.requester_id IS NOT OLD.requester_id OR NEW.reason IS NOT OLD.reason OR NEW.purpose IS NOT OLD.purpose
          OR NEW.scope_kind IS NOT OLD.scope_kind OR NEW.case_id IS NOT OLD.case_id OR NEW.clip_ids IS NOT OLD.clip_ids
          OR NEW.from_utc IS NOT OLD.from_utc OR NEW.to_utc IS NOT OLD.to_utc OR NEW.until IS NOT OLD.until
          OR NEW.allow_copy IS NOT OLD.allow_copy OR NEW.requested_at IS NOT OLD.requested_at
        BEGIN SELECT RAISE(ABORT, 'a retrieval request is decided once and never changed'); END;

      CREATE TRIGGER retrieval_grants_no_delete BEFORE DELETE ON retrieval_grants
        BEGIN SELECT RAISE(ABORT, 'retrieval grants are records and are never deleted'); END;
      CREATE TRIGGER retrieval_grants_revoke_only BEFORE UPDATE ON retrieval_grants
        WHEN OLD.revoked_at IS NOT NULL
          OR NEW.user_id IS NOT OLD.user_id OR NEW.scope_kind IS NOT OLD.scope_kind OR NEW.case_id IS NOT OLD.case_id
          OR NEW.clip_ids IS NOT OLD.clip_ids OR NEW.from_utc IS NOT OLD.from_utc OR NEW.to_utc IS NOT OLD.to_utc
          OR NEW.until IS NOT OLD.until OR NEW.allow_copy IS NOT OLD.allow_copy OR NEW.purpose IS NOT OLD.purpose
          OR NEW.reason IS NOT OLD.reason OR NEW.source IS NOT OLD.source OR NEW.request_id IS NOT OLD.request_id
          OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        BEGIN SELECT RAISE(ABORT, 'a retrieval grant only changes once, when it is revoked'); END;

      CREATE TRIGGER retrieval_views_no_delete BEFORE DELETE ON retrieval_views
        BEGIN SELECT RAISE(ABORT, 'view sessions are records and are never deleted'); END;
      CREATE TRIGGER retrieval_views_frozen BEFORE UPDATE ON retrieval_views
        WHEN OLD.ended_at IS NOT NULL
          OR NEW.user_id IS NOT OLD.user_id OR NEW.clip_id IS NOT OLD.clip_id OR NEW.grant_id IS NOT OLD.grant_id
          OR NEW.started_at IS NOT OLD.started_at OR NEW.via_proxy IS NOT OLD.via_proxy
        BEGIN SELECT RAISE(ABORT, 'a closed view session never changes'); END;

      CREATE TRIGGER retrieval_refusals_no_update BEFORE UPDATE ON retrieval_refusals
        BEGIN SELECT RAISE(ABORT, 'refused attempts are records and never change'); END;
      CREATE TRIGGER retrieval_refusals_no_delete BEFORE DELETE ON retrieval_refusals
        BEGIN SELECT RAISE(ABORT, 'refused attempts are records and are never deleted'); END;

      CREATE TRIGGER clip_marks_no_update BEFORE UPDATE ON clip_marks
        BEGIN SELECT RAISE(ABORT, 'marks are records and never change'); END;
      CREATE TRIGGER clip_marks_no_delete BEFORE DELETE ON clip_marks
        BEGIN SELECT RAISE(ABORT, 'marks are records and are never deleted'); END;
    `);
  },
};
