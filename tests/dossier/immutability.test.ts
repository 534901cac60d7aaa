import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';
import { openHarness, seedSamples, setupUsers } from './helpers/harness.js';

const SEALED = /sealed/;

describe('a sealed dossier', () => {
  it('cannot be changed by direct SQL: its rows, and the case’s record, documents, files and pages are frozen by triggers', async () => {
    const h = await openHarness(path.join(tmpDir(), 'archive'));
    await setupUsers(h);
    const [caseId, other] = await seedSamples(h);
    const sealed = await h.ok('dossier.seal', { caseId });
    const db = h.archive.db;
    const docId = (db.prepare('SELECT id FROM documents WHERE case_id = ? LIMIT 1').get(caseId) as { id: number }).id;
    const refuse = (sql: string, ...params: unknown[]) => expect(() => db.prepare(sql).run(...params), sql).toThrowError(SEALED);

    refuse("UPDATE documents SET title = '改过的题名' WHERE id = ?", docId);
    refuse('DELETE FROM documents WHERE id = ?', docId);
    refuse("INSERT INTO documents (case_id, seq, kind, title, created_at, created_by) VALUES (?, 99, 'QT', '补入', 't', 1)", caseId);
    refuse('UPDATE pages SET blank = 1 WHERE document_id = ?', docId);
    refuse('DELETE FROM pages WHERE document_id = ?', docId);
    refuse("UPDATE document_files SET original_name = 'x' WHERE document_id = ?", docId);
    refuse("UPDATE cases SET title = '改名' WHERE id = ?", caseId);
    refuse('DELETE FROM parties WHERE case_id = ?', caseId);
    refuse("UPDATE dossier_versions SET archive_no = '20249999' WHERE id = ?", sealed.version!.id);
    refuse('DELETE FROM dossier_versions WHERE id = ?', sealed.version!.id);
    refuse("UPDATE dossier_entries SET title = 'x'");
    refuse('DELETE FROM dossier_volumes');
    refuse(
      "INSERT INTO dossier_acknowledgements (version_id, case_id, warning_key, warning_text, reason, by_user, by_name, at) VALUES (?, ?, 'k', 't', 'r', 1, 'x', 't')",
      sealed.version!.id,
      caseId,
    );
    expect(() => db.prepare('UPDATE dossiers SET title = ?').run('x')).toThrowError(/never changes/);
    expect(() => db.prepare('DELETE FROM archive_numbers').run()).toThrowError(/never withdrawn/);
    expect(() => db.prepare('UPDATE archive_serials SET last_serial = 0').run()).toThrowError(/steps by one/);

    // Through the contract: a clear refusal, not a half-change.
    const r = await h.call('page.update', { id: (db.prepare('SELECT id FROM pages WHERE document_id = ?').get(docId) as { id: number }).id, blank: true });
    expect(r.ok).toBe(false);
    // Another, unsealed case is still editable.
    const otherDoc = (db.prepare('SELECT id FROM documents WHERE case_id = ? LIMIT 1').get(other) as { id: number }).id;
    expect((await h.call('document.update', { id: otherDoc, title: '新题名' })).ok).toBe(true);
    await h.close();
  });

  it('is corrected by a new version linked to it (who, why); the old one stays readable as sealed; the 归档号 is kept', async () => {
    const h = await openHarness(path.join(tmpDir(), 'archive'));
    await setupUsers(h);
    const [caseId] = await seedSamples(h);
    const v1 = await h.ok('dossier.seal', { caseId, fondsNo: 'Z109', catalogNo: '3' });
    const docId = v1.bound.volumes[0]!.entries[0]!.parts[0]!.documentId!;
    expect((await h.call('document.update', { id: docId, title: '更正后的立案审批表' })).ok).toBe(false);

    expect(await h.call('dossier.correct', { dossierId: v1.dossierId, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const draft = await h.ok('dossier.correct', { dossierId: v1.dossierId, reason: '档案部门更正全宗号，并补正立案审批表题名' });
    expect(draft.status).toBe('draft');
    expect(draft.versions.map((v) => [v.versionNo, v.status, v.supersedesId, v.correctionReason])).toEqual([
      [1, 'sealed', null, null],
      [2, 'draft', v1.version!.id, '档案部门更正全宗号，并补正立案审批表题名'],
    ]);
    expect(await h.call('dossier.correct', { dossierId: v1.dossierId, reason: '再次更正' })).toMatchObject({ ok: false });
    // While the correction is open the case can change.
    expect((await h.call('document.update', { id: docId, title: '更正后的立案审批表' })).ok).toBe(true);
    const v2 = await h.ok('dossier.seal', { caseId, fondsNo: 'Z110', catalogNo: '3' });
    expect(v2.version).toMatchObject({ versionNo: 2, archiveNo: v1.version!.archiveNo, archiveCode: 'Z110-3-0001' });
    expect(v2.bound.volumes[0]!.entries[0]!.title).toBe('更正后的立案审批表');

    const old = await h.ok('dossier.get', { dossierId: v1.dossierId, versionNo: 1 });
    expect(old.version).toMatchObject({ versionNo: 1, archiveCode: 'Z109-3-0001', status: 'sealed' });
    expect(old.bound.volumes[0]!.entries[0]!.title).toBe(v1.bound.volumes[0]!.entries[0]!.title);
    expect(old.bound).toEqual(v1.bound);
    const audit = await h.ok(
      'audit.list',
      { targetType: 'dossier', targetId: String(v1.dossierId) },
      (await h.ok('auth.login', { username: 'admin', password: 'secret-pass-1' })).token,
    );
    expect(audit.map((a) => a.action).reverse()).toEqual(['dossier.seal', 'dossier.correct', 'dossier.seal']);
    expect(audit.find((a) => a.action === 'dossier.correct')!.detail).toMatchObject({ reason: '档案部门更正全宗号，并补正立案审批表题名' });
    // Sealed again: frozen again.
    expect((await h.call('document.update', { id: docId, title: '第三次' })).ok).toBe(false);
    await h.close();
  });
});

describe('归档号 after a restore', () => {
  it('refuses a number the ledger shows was issued to another case, and gives the original case its number back', async () => {
    const dir = path.join(tmpDir(), 'archive');
    const h = await openHarness(dir);
    await setupUsers(h);
    const [a, b] = await seedSamples(h);
    const backup = path.join(tmpDir(), 'catalog-backup.db');
    await h.archive.db.backup(backup);
    const sa = await h.ok('dossier.seal', { caseId: a });
    expect(sa.version!.archiveNo).toBe('20240001');
    await h.close();
    expect(readFileSync(path.join(dir, 'archive-numbers.log'), 'utf8')).toContain('"archiveNo":"20240001"');

    // The catalogue goes back to the backup (taken before the seal); the ledger beside it stays.
    for (const f of ['catalog.db-wal', 'catalog.db-shm']) if (existsSync(path.join(dir, f))) rmSync(path.join(dir, f));
    copyFileSync(backup, path.join(dir, 'catalog.db'));
    const r = await openHarness(dir);
    // Restored by hand: the loss of the newer audit entries is recorded (the anchor's restore line, as
    // `juanzong restore` writes it, so the audit chain verifies again), but the yearly 归档号 counters
    // were not stepped past the numbers issued after the copy. The ledger beside the catalogue is what
    // must stop the number being issued twice.
    r.archive.audit.markRestored(r.archive.audit.keyOrNull()!.readWitness()!.witness.seq, {});
    r.token = (await r.ok('auth.login', { username: 'dangan', password: 'secret-pass-1' })).token;
    const clash = await r.call('dossier.seal', { caseId: b });
    expect(clash).toMatchObject({ ok: false, error: { code: 'duplicate', item: '20240001' } });
    expect(clash.ok || clash.error.messageZh).toContain('已于');
    expect(clash.ok || clash.error.messageZh).toContain('青石综执罚立〔2024〕15号');
    expect(clash.ok || clash.error.messageZh).toContain('从较早的备份恢复');
    // Nothing half-sealed: no number issued, the case is not frozen.
    expect((r.archive.db.prepare('SELECT count(*) AS n FROM archive_numbers').get() as { n: number }).n).toBe(0);
    expect((await r.ok('dossier.preview', { caseId: b })).status).not.toBe('sealed');
    // Re-sealing the case that held the number gets it back; then the other case gets the next one.
    expect((await r.ok('dossier.seal', { caseId: a })).version!.archiveNo).toBe('20240001');
    expect((await r.ok('dossier.seal', { caseId: b })).version!.archiveNo).toBe('20240002');
    await r.close();
  });
});
