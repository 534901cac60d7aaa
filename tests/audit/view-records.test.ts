import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEW_WINDOW_MS } from '../../src/archive/view-audit.js';
import { startBridge } from '../../src/bridge/server.js';
import { scanJpeg } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { retrievalWorld } from '../retrieval/helpers.js';

type World = Awaited<ReturnType<typeof retrievalWorld>>;

/** The audit entries of view actions, oldest first. */
function views(w: World): { actor: string; action: string; targetType: string; targetId: string; detail: string | null }[] {
  return w.core.archive.db
    .prepare("SELECT actor, action, target_type AS targetType, target_id AS targetId, detail FROM audit_log WHERE action LIKE '%.view' ORDER BY seq")
    .all() as never;
}

/** A world with one two-page scanned document on the case. */
async function worldWithDocument(dir: string) {
  const w = await retrievalWorld(dir);
  const scans = [await scanJpeg(path.join(dir, 'p1.jpg')), await scanJpeg(path.join(dir, 'p2.jpg'))];
  const files = [];
  for (const f of scans) files.push({ stagedId: (await w.arch.call('upload.stagePath', { path: f })).stagedId });
  const doc = await w.arch.call('document.add', { caseId: w.caseId, kind: 'LASPB', title: '立案审批表', date: '2024-03-11', files });
  return { w, doc };
}

describe('views of evidence are audited', () => {
  it('through the core: a thumbnail, a document file, case.get and footage.get each leave an entry naming the user and the object', async () => {
    const dir = tmpDir();
    const { w, doc } = await worldWithDocument(dir);
    const insp = await w.login('insp');
    const before = views(w).length;

    expect(w.core.media('page-thumb', doc.pages[0]!.id, insp.token)).toMatchObject({ mediaType: 'image/jpeg' });
    expect(w.core.media('file', doc.files[0]!.id, insp.token)).toMatchObject({ size: doc.files[0]!.size });
    await insp.call('case.get', { id: w.caseId });
    await insp.call('footage.get', { id: w.clipA });

    const got = views(w).slice(before);
    expect(got.map((v) => [v.action, v.targetType, v.targetId])).toEqual([
      ['document.pages.view', 'document', String(doc.id)],
      ['document.file.view', 'document', String(doc.id)],
      ['case.view', 'case', String(w.caseId)],
      ['footage.view', 'clip', String(w.clipA)],
    ]);
    for (const v of got) expect(v.actor).toBe('李评查(insp)');
    expect(JSON.parse(got[0]!.detail!)).toMatchObject({ caseId: w.caseId });
    // No session: nothing served, nothing recorded.
    expect(w.core.media('file', doc.files[0]!.id, undefined)).toBeNull();
    expect(views(w)).toHaveLength(before + 4);
    expect(w.core.archive.audit.verify().ok).toBe(true);
    await w.core.close();
  });

  it('coalesces repeated fetches of the same object by the same user within the window, and records again after it', async () => {
    const dir = tmpDir();
    const { w, doc } = await worldWithDocument(dir);
    const lead = await w.login('lead');
    const before = views(w).length;
    // A case page: both thumbnails of the document, twice, and case.get three times.
    for (let i = 0; i < 2; i++) for (const p of doc.pages) w.core.media('page-thumb', p.id, lead.token);
    for (let i = 0; i < 3; i++) await lead.call('case.get', { id: w.caseId });
    expect(
      views(w)
        .slice(before)
        .map((v) => v.action),
    ).toEqual(['document.pages.view', 'case.view']);
    // Another user is recorded on their own.
    await w.arch.call('case.get', { id: w.caseId });
    expect(
      views(w)
        .slice(before)
        .map((v) => v.actor),
    ).toEqual(['赵领导(lead)', '赵领导(lead)', '孙档案(arch)']);
    w.clock.advance(VIEW_WINDOW_MS + 1);
    await lead.call('case.get', { id: w.caseId });
    expect(views(w).slice(before)).toHaveLength(4);
    // A failed read (no such case) records nothing.
    await lead.fail('case.get', { id: 987654 });
    expect(views(w).slice(before)).toHaveLength(4);
    await w.core.close();
  });

  it('through the bridge: GET /media/page-thumb and /media/file, POST case.get and footage.get are recorded', async () => {
    const dir = tmpDir();
    const { w, doc } = await worldWithDocument(dir);
    const bridge = await startBridge({ core: w.core, staticDir: dir, launchToken: 'launch-token-for-tests' });
    try {
      const insp = await w.login('insp');
      const headers = { 'x-juanzong-launch': 'launch-token-for-tests', authorization: `Bearer ${insp.token}` };
      const base = `http://127.0.0.1:${bridge.port}`;
      const before = views(w).length;
      expect((await fetch(`${base}/media/page-thumb/${doc.pages[1]!.id}`, { headers })).status).toBe(200);
      expect((await fetch(`${base}/media/file/${doc.files[1]!.id}`, { headers })).status).toBe(200);
      const post = (op: string, body: unknown) =>
        fetch(`${base}/api/${op}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(((await (await post('case.get', { id: w.caseId })).json()) as { ok: boolean }).ok).toBe(true);
      expect(((await (await post('footage.get', { id: w.clipB })).json()) as { ok: boolean }).ok).toBe(true);
      const got = views(w).slice(before);
      expect(got.map((v) => [v.actor, v.action, v.targetId])).toEqual([
        ['李评查(insp)', 'document.pages.view', String(doc.id)],
        ['李评查(insp)', 'document.file.view', String(doc.id)],
        ['李评查(insp)', 'case.view', String(w.caseId)],
        ['李评查(insp)', 'footage.view', String(w.clipB)],
      ]);
      // Without a session the bridge serves nothing and records nothing.
      expect((await fetch(`${base}/media/file/${doc.files[1]!.id}`, { headers: { 'x-juanzong-launch': 'launch-token-for-tests' } })).status).toBe(404);
      expect(views(w).slice(before)).toHaveLength(4);
    } finally {
      await bridge.close();
      await w.core.close();
    }
  });
});
