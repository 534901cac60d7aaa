import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleCase } from '../helpers/fixtures.js';
import { killAtMarker, walkFiles } from '../helpers/kill-at-marker.js';
import { tmpDir } from '../helpers/tmp.js';
import { footageClient } from './helpers/footage-core.js';
import { makeVideo } from './helpers/media.js';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'ingest-child.ts');
const CERT = '豫S11520210047';

async function killAt(archive: string, source: string, point: 'copy' | 'commit'): Promise<void> {
  await killAtMarker(CHILD, (marker) => [archive, source, marker, point, sampleCase().caseNo, CERT]);
}

/** Everything that must match between an interrupted-then-resumed run and an uninterrupted one (ids, times and audit rows aside). */
function state(archive: string) {
  const db = new Database(path.join(archive, 'catalog.db'), { readonly: true });
  const q = (sql: string) => db.prepare(sql).all();
  const s = {
    objects: walkFiles(path.join(archive, 'objects'))
      .map((f) => path.basename(f))
      .sort(),
    clips: q('SELECT sha256, sm3, size, kind, original_name, device_serial, user_no, start_local, duration_sec FROM clips ORDER BY sha256'),
    sources: q('SELECT c.sha256, s.rel_path, s.size FROM clip_sources s JOIN clips c ON c.id = s.clip_id ORDER BY c.sha256, s.rel_path'),
    links: q(`SELECT c.sha256, k.case_no, o.cert_no, l.activity, l.removed_at FROM clip_links l JOIN clips c ON c.id = l.clip_id
              LEFT JOIN cases k ON k.id = l.case_id LEFT JOIN officers o ON o.id = l.officer_id ORDER BY c.sha256, k.case_no, o.cert_no`),
    catalogueObjects: q('SELECT sha256, size, media_type FROM objects ORDER BY sha256'),
  };
  db.close();
  return s;
}

async function newArchive(): Promise<string> {
  const archive = path.join(tmpDir(), 'archive');
  const c = await footageClient(archive);
  await c.call('case.create' as never, sampleCase());
  await c.close();
  return archive;
}

describe('an ingest killed with SIGKILL', () => {
  it.each(['copy', 'commit'] as const)(
    'at %s: the next open leaves no row without its object and no object without a row; re-running ends as an uninterrupted run',
    async (point) => {
      const source = path.join(tmpDir('jz-cam-'), 'cam');
      for (let i = 0; i < 4; i++) makeVideo(path.join(source, `ZFY5130041_115001_2024012910${i}100_000${i + 1}.MP4`), { seconds: 2, tag: `seizure-${i}` });
      const reference = await newArchive();
      const ref = await footageClient(reference);
      const first = await ref.call('footage.ingest', { source, caseNo: sampleCase().caseNo, certNo: CERT, activity: '查封扣押', derive: 'skip' });
      expect(first).toMatchObject({ new: 4, errors: [] });
      await ref.close();

      const archive = await newArchive();
      await killAt(archive, source, point);
      const mid = state(archive);
      expect(mid.clips.length).toBeLessThan(4);
      // Killed for real mid-way: a partial copy in tmp/, or an object the catalogue does not have yet.
      if (point === 'copy') expect(walkFiles(path.join(archive, 'tmp')).length).toBeGreaterThan(0);
      else expect(mid.objects.length).toBe(mid.catalogueObjects.length + 1);

      // The next open (and any ingest / verify): tmp/ emptied, an object without a row quarantined and reported.
      const c = await footageClient(archive);
      expect(walkFiles(path.join(archive, 'tmp'))).toEqual([]);
      // Opening the core (openCore) ran the in-flight recovery: what it quarantined is recorded and audited.
      const recovered = c.core.archive.db.prepare('SELECT name, moved_to FROM quarantined_objects').all();
      const audited = c.core.archive.db.prepare("SELECT target_id FROM audit_log WHERE action = 'footage.quarantine'").all();
      const after = state(archive);
      expect(after.objects.sort()).toEqual(after.catalogueObjects.map((o) => (o as { sha256: string }).sha256).sort());
      if (point === 'commit') {
        expect(recovered).toHaveLength(1);
        expect(audited).toHaveLength(1);
        expect(walkFiles(path.join(archive, 'quarantine'))).toHaveLength(1);
      }

      // Re-running the same ingest resumes and ends where the uninterrupted run ended.
      const again = await c.call('footage.ingest', { source, caseNo: sampleCase().caseNo, certNo: CERT, activity: '查封扣押', derive: 'skip' });
      expect(again.errors).toEqual([]);
      expect(again.new + again.duplicates).toBe(4);
      await c.close();
      expect(state(archive)).toEqual(state(reference));
      const v = await footageClient(archive);
      expect((await v.call('footage.verify', { mode: 'full' })).problems).toEqual([]);
      expect(((await v.raw('audit.verify', {})) as { ok: true; value: { ok: boolean } }).value.ok).toBe(true);
      await v.close();
    },
  );
});
