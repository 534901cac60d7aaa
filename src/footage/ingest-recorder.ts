import type { Tx } from '../archive/audited-change.js';
import type { AuditRecord } from '../audit/audit-log.js';
import type { Db } from '../storage/db.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';
import type { IngestSink } from './ingest.js';

export interface IngestTarget {
  ingestId: number;
  sourceRoot: string;
  userId: number | null;
  tz: string;
  now: () => string;
  /** Links every ingested clip (new or already known) to these. */
  caseId: number | null;
  activity: string | null;
  officerId: number | null;
}

/**
 * Catalogues what the ingest prepared: for a new clip the object row, the clip, its source path and
 * the requested links; for a known clip the new source path (and links). One transaction and one
 * audit entry per file, so a crash keeps every file already recorded and nothing half-recorded.
 */
export function ingestRecorder(db: Db, tx: Tx, t: IngestTarget): IngestSink {
  const clips = new FootageRepo(db);
  const links = new FootageLinkRepo(db);
  const addLinks = (clipId: number, now: string): number[] => {
    const made: number[] = [];
    const add = (caseId: number | null, officerId: number | null, activity: string | null) => {
      const id = links.link({ clipId, caseId, officerId, activity, by: t.userId, now });
      if (id !== null) made.push(id);
    };
    if (t.caseId !== null) add(t.caseId, null, t.activity);
    else if (t.activity !== null) add(null, null, t.activity);
    if (t.officerId !== null) add(null, t.officerId, null);
    return made;
  };
  return {
    isKnown: (sha256) => clips.hasSha256(sha256),
    record(r) {
      return tx(() => {
        const now = t.now();
        const sha256 = r.kind === 'new' ? r.clip.sha256 : r.sha256;
        const entry = r.kind === 'new' ? r.clip.entry : r.entry;
        const existing = clips.bySha256(sha256);
        let clipId: number;
        const audit: AuditRecord[] = [];
        if (existing || r.kind === 'duplicate') {
          if (!existing) throw new Error(`clip ${sha256} vanished from the catalogue during the ingest`);
          clipId = existing.id;
        } else {
          const c = r.clip;
          const f = c.fields;
          clips.ensureObject(c.sha256, c.size, c.media.mediaType, now);
          clipId = clips.insert({
            sha256: c.sha256,
            sm3: c.sm3,
            size: c.size,
            kind: c.media.kind,
            mediaType: c.media.mediaType,
            originalName: c.entry.name,
            namePattern: c.name?.patternId ?? null,
            deviceSerial: f.deviceSerial,
            userNo: f.userNo,
            unitCode: f.unitCode,
            fileSeq: f.seq,
            important: f.important ? 1 : 0,
            timezone: t.tz,
            startLocal: f.start?.local ?? null,
            startUtc: f.start?.utc ?? null,
            endLocal: f.end?.local ?? null,
            endUtc: f.end?.utc ?? null,
            durationSec: f.durationSec,
            fieldSources: JSON.stringify({ sources: f.sources, conflicts: f.conflicts }),
            container: c.probe?.formatName ?? c.media.container,
            videoCodec: c.probe?.video?.codec ?? null,
            audioCodec: c.probe?.audio?.codec ?? null,
            width: c.probe?.video?.width ?? null,
            height: c.probe?.video?.height ?? null,
            frameRate: c.probe?.video?.frameRate ?? null,
            creationTime: c.probe?.creationTime ?? null,
            probe: c.probe ? JSON.stringify(c.probe) : null,
            fileMtime: new Date(c.entry.mtimeMs).toISOString(),
            derivedState: c.media.kind === 'audio' ? 'none' : 'pending',
            ingestId: t.ingestId,
            ingestedAt: now,
            ingestedBy: t.userId,
          });
          audit.push({
            action: 'footage.ingest',
            targetType: 'clip',
            targetId: clipId,
            after: { sha256: c.sha256, sm3: c.sm3, size: c.size, name: c.entry.name },
            detail: { ingestId: t.ingestId, source: entry.relPath, sourceRoot: t.sourceRoot, namePattern: c.name?.patternId ?? null },
          });
        }
        const newSource = clips.addSource({
          clipId,
          ingestId: t.ingestId,
          sourceRoot: t.sourceRoot,
          relPath: entry.relPath,
          fileName: entry.name,
          size: entry.size,
          mtime: new Date(entry.mtimeMs).toISOString(),
          now,
        });
        if (audit.length === 0 && newSource) {
          audit.push({
            action: 'footage.source',
            targetType: 'clip',
            targetId: clipId,
            detail: { ingestId: t.ingestId, source: entry.relPath, sourceRoot: t.sourceRoot, duplicateOf: sha256 },
          });
        }
        const linkIds = addLinks(clipId, now);
        if (linkIds.length)
          audit.push({
            action: 'footage.link',
            targetType: 'clip',
            targetId: clipId,
            detail: { links: linkIds, caseId: t.caseId, officerId: t.officerId, activity: t.activity, ingestId: t.ingestId },
          });
        return { value: { clipId, isNew: audit.some((a) => a.action === 'footage.ingest') }, audit };
      });
    },
  };
}
