import type { Db } from '../db.js';

/** A clip row as stored (JSON columns still as text). */
export interface ClipRow {
  id: number;
  sha256: string;
  sm3: string;
  size: number;
  kind: 'video' | 'audio' | 'photo';
  mediaType: string;
  originalName: string;
  namePattern: string | null;
  deviceSerial: string | null;
  userNo: string | null;
  unitCode: string | null;
  fileSeq: string | null;
  important: number;
  timezone: string;
  startLocal: string | null;
  startUtc: string | null;
  endLocal: string | null;
  endUtc: string | null;
  durationSec: number | null;
  fieldSources: string;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  creationTime: string | null;
  probe: string | null;
  fileMtime: string | null;
  thumbSha256: string | null;
  sheetSha256: string | null;
  derivedState: 'pending' | 'done' | 'failed' | 'none';
  disposalId: number | null;
  ingestId: number | null;
  ingestedAt: string;
}

export type NewClip = Omit<ClipRow, 'id' | 'thumbSha256' | 'sheetSha256' | 'disposalId' | 'derivedState'> & {
  derivedState: 'pending' | 'none';
  ingestedBy: number | null;
};

const COLS = `c.id, c.sha256, c.sm3, c.size, c.kind, c.media_type AS mediaType, c.original_name AS originalName, c.name_pattern AS namePattern,
  c.device_serial AS deviceSerial, c.user_no AS userNo, c.unit_code AS unitCode, c.file_seq AS fileSeq, c.important, c.timezone,
  c.start_local AS startLocal, c.start_utc AS startUtc, c.end_local AS endLocal, c.end_utc AS endUtc, c.duration_sec AS durationSec,
  c.field_sources AS fieldSources, c.container, c.video_codec AS videoCodec, c.audio_codec AS audioCodec, c.width, c.height,
  c.frame_rate AS frameRate, c.creation_time AS creationTime, c.probe, c.file_mtime AS fileMtime, c.thumb_sha256 AS thumbSha256,
  c.sheet_sha256 AS sheetSha256, c.derived_state AS derivedState, c.disposal_id AS disposalId, c.ingest_id AS ingestId, c.ingested_at AS ingestedAt`;

export interface ClipFilter {
  caseId?: number;
  officerCertNo?: string;
  deviceSerial?: string;
  fromUtc?: string;
  toUtc?: string;
  activity?: string;
  unlinked?: boolean;
  kind?: string;
  /** Ordinary clips (no active case link) whose retention runs out before this UTC instant. */
  ordinaryStartedBefore?: string;
  includeDisposed?: boolean;
}

/** Clips: one row per distinct recording (SHA-256), never deleted; digests fixed by trigger. */
export class FootageRepo {
  constructor(private readonly db: Db) {}

  byId(id: number): ClipRow | undefined {
    return this.db.prepare(`SELECT ${COLS} FROM clips c WHERE c.id = ?`).get(id) as ClipRow | undefined;
  }

  bySha256(sha256: string): ClipRow | undefined {
    return this.db.prepare(`SELECT ${COLS} FROM clips c WHERE c.sha256 = ?`).get(sha256) as ClipRow | undefined;
  }

  hasSha256(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM clips WHERE sha256 = ?').get(sha256) !== undefined;
  }

  ensureObject(sha256: string, size: number, mediaType: string, now: string): void {
    this.db
      .prepare('INSERT INTO objects (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING')
      .run(sha256, size, mediaType, now);
  }

  insert(c: NewClip): number {
    const r = this.db
      .prepare(
        `INSERT INTO clips (sha256, sm3, size, kind, media_type, original_name, name_pattern, device_serial, user_no, unit_code, file_seq, important,
           timezone, start_local, start_utc, end_local, end_utc, duration_sec, field_sources, container, video_codec, audio_codec, width, height,
           frame_rate, creation_time, probe, file_mtime, derived_state, ingest_id, ingested_at, ingested_by)
         VALUES (@sha256, @sm3, @size, @kind, @mediaType, @originalName, @namePattern, @deviceSerial, @userNo, @unitCode, @fileSeq, @important,
           @timezone, @startLocal, @startUtc, @endLocal, @endUtc, @durationSec, @fieldSources, @container, @videoCodec, @audioCodec, @width, @height,
           @frameRate, @creationTime, @probe, @fileMtime, @derivedState, @ingestId, @ingestedAt, @ingestedBy)`,
      )
      .run(c);
    return Number(r.lastInsertRowid);
  }

  /** Records where a clip was found; the same path of the same clip is recorded once. Returns true when new. */
  addSource(s: {
    clipId: number;
    ingestId: number | null;
    sourceRoot: string;
    relPath: string;
    fileName: string;
    size: number;
    mtime: string | null;
    now: string;
  }): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO clip_sources (clip_id, ingest_id, source_root, rel_path, file_name, size, mtime, first_seen_at)
         VALUES (@clipId, @ingestId, @sourceRoot, @relPath, @fileName, @size, @mtime, @now) ON CONFLICT(clip_id, source_root, rel_path) DO NOTHING`,
      )
      .run(s);
    return r.changes > 0;
  }

  sources(clipId: number) {
    return this.db
      .prepare(
        `SELECT source_root AS sourceRoot, rel_path AS relPath, file_name AS fileName, size, mtime, first_seen_at AS firstSeenAt, ingest_id AS ingestId
         FROM clip_sources WHERE clip_id = ? ORDER BY id`,
      )
      .all(clipId) as {
      sourceRoot: string;
      relPath: string;
      fileName: string;
      size: number;
      mtime: string | null;
      firstSeenAt: string;
      ingestId: number | null;
    }[];
  }

  list(f: ClipFilter, limit: number, offset: number): { total: number; rows: ClipRow[] } {
    const where: string[] = [];
    const p: Record<string, unknown> = {};
    if (!f.includeDisposed) where.push('c.disposal_id IS NULL');
    if (f.caseId !== undefined) {
      where.push('EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = c.id AND l.case_id = @caseId AND l.removed_at IS NULL)');
      p.caseId = f.caseId;
    }
    if (f.officerCertNo !== undefined) {
      where.push(`(EXISTS (SELECT 1 FROM clip_links l JOIN officers o ON o.id = l.officer_id WHERE l.clip_id = c.id AND o.cert_no = @certNo AND l.removed_at IS NULL)
        OR EXISTS (SELECT 1 FROM device_assignments a JOIN devices d ON d.id = a.device_id JOIN officers o ON o.id = a.officer_id
          WHERE d.serial = c.device_serial AND o.cert_no = @certNo AND a.from_utc <= c.start_utc AND (a.to_utc IS NULL OR a.to_utc > c.start_utc)))`);
      p.certNo = f.officerCertNo;
    }
    if (f.deviceSerial !== undefined) {
      where.push('c.device_serial = @serial');
      p.serial = f.deviceSerial;
    }
    if (f.fromUtc !== undefined) {
      where.push('c.start_utc >= @fromUtc');
      p.fromUtc = f.fromUtc;
    }
    if (f.toUtc !== undefined) {
      where.push('c.start_utc < @toUtc');
      p.toUtc = f.toUtc;
    }
    if (f.activity !== undefined) {
      where.push('EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = c.id AND l.activity = @activity AND l.removed_at IS NULL)');
      p.activity = f.activity;
    }
    if (f.unlinked) where.push('NOT EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = c.id AND l.case_id IS NOT NULL AND l.removed_at IS NULL)');
    if (f.kind !== undefined) {
      where.push('c.kind = @kind');
      p.kind = f.kind;
    }
    if (f.ordinaryStartedBefore !== undefined) {
      where.push(`NOT EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = c.id AND l.case_id IS NOT NULL AND l.removed_at IS NULL)
        AND coalesce(c.start_utc, c.ingested_at) < @before`);
      p.before = f.ordinaryStartedBefore;
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM clips c ${w}`).get(p) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT ${COLS} FROM clips c ${w} ORDER BY c.start_utc DESC NULLS LAST, c.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...p, limit, offset }) as ClipRow[];
    return { total, rows };
  }

  pendingDerived(): number[] {
    return (this.db.prepare("SELECT id FROM clips WHERE derived_state = 'pending' AND disposal_id IS NULL ORDER BY id").all() as { id: number }[]).map(
      (r) => r.id,
    );
  }

  setDerived(
    id: number,
    d: {
      thumb: { sha256: string; size: number } | null;
      sheet: { sha256: string; size: number } | null;
      state: 'done' | 'failed' | 'none';
      error: string | null;
      now: string;
    },
  ): void {
    if (d.thumb) this.ensureObject(d.thumb.sha256, d.thumb.size, 'image/jpeg', d.now);
    if (d.sheet) this.ensureObject(d.sheet.sha256, d.sheet.size, 'image/jpeg', d.now);
    this.db
      .prepare(
        'UPDATE clips SET thumb_sha256 = coalesce(?, thumb_sha256), sheet_sha256 = coalesce(?, sheet_sha256), derived_state = ?, derived_error = ? WHERE id = ?',
      )
      .run(d.thumb?.sha256 ?? null, d.sheet?.sha256 ?? null, d.state, d.error, id);
  }

  setDisposal(id: number, disposalId: number): void {
    this.db.prepare('UPDATE clips SET disposal_id = ? WHERE id = ?').run(disposalId, id);
  }

  /** The stored file behind a clip, its thumbnail or its contact sheet (for media requests). */
  mediaObject(kind: 'clip' | 'clip-thumb' | 'clip-sheet', id: number): { sha256: string; size: number; mediaType: string } | undefined {
    const col = kind === 'clip' ? 'c.sha256' : kind === 'clip-thumb' ? 'c.thumb_sha256' : 'c.sheet_sha256';
    const mt = kind === 'clip' ? 'c.media_type' : 'o.media_type';
    return this.db
      .prepare(`SELECT o.sha256, o.size, ${mt} AS mediaType FROM clips c JOIN objects o ON o.sha256 = ${col} WHERE c.id = ? AND c.disposal_id IS NULL`)
      .get(id) as { sha256: string; size: number; mediaType: string } | undefined;
  }
}
