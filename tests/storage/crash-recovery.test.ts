import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { directClient, ok } from '../contract/clients.js';
import { sampleCase, scanJpeg } from '../helpers/fixtures.js';
import { killAtMarker, walkFiles } from '../helpers/kill-at-marker.js';
import { tmpDir } from '../helpers/tmp.js';

const CHILD = path.join(import.meta.dirname, '..', 'fixtures', 'crash-child.ts');

async function killAt(archive: string, scan: string, point: 'stage' | 'commit'): Promise<void> {
  await killAtMarker(CHILD, (marker) => [archive, scan, marker, point]);
}

describe('a process killed mid-import (kill -9)', () => {
  it.each(['stage', 'commit'] as const)('at %s leaves no half record, and the next open cleans tmp/', async (point) => {
    const archive = path.join(tmpDir(), 'archive');
    const c = await directClient(archive);
    c.token = ok(await c.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
    ok(await c.call('case.create', sampleCase()));
    await c.close();
    const scan = await scanJpeg(path.join(tmpDir(), 'scan.jpg'), { width: 2400 });

    await killAt(archive, scan, point);
    expect(walkFiles(path.join(archive, 'tmp')).length + walkFiles(path.join(archive, 'objects')).length).toBeGreaterThan(0);

    const reopened = await directClient(archive);
    expect(walkFiles(path.join(archive, 'tmp'))).toEqual([]);
    reopened.token = ok(await reopened.call('auth.login', { username: 'admin', password: 'secret-pass-1' })).token;
    const detail = ok(await reopened.call('case.get', { caseNo: sampleCase().caseNo }));
    expect(detail.documents).toEqual([]);
    const db = new Database(path.join(archive, 'catalog.db'), { readonly: true });
    expect(db.prepare('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM pages) + (SELECT count(*) FROM document_files) AS n').get()).toEqual({
      n: 0,
    });
    db.close();
    expect(ok(await reopened.call('audit.verify', {})).ok).toBe(true);

    // Re-running the import after the crash files the document once.
    const staged = ok(await reopened.upload(scan));
    ok(await reopened.call('document.add', { caseId: detail.id, kind: 'XWBL', title: '询问笔录', files: [{ stagedId: staged.stagedId }] }));
    expect(ok(await reopened.call('case.get', { id: detail.id })).pageCount).toBe(1);
    await reopened.close();
  });
});
