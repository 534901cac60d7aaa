import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/app-core.js';
import { objectPath } from '../../src/archive/layout.js';
import { backupArchive } from '../../src/backup/backup-archive.js';
import { restoreArchive } from '../../src/backup/restore-archive.js';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { buildExportArchive, type ExportFixture } from '../export/dossier-export-fixture.js';
import { scanJpeg } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';

/** Registers a copy of the 简易程序 sample case under another 案号, with its documents, and seals it. */
async function sealCopy(call: ExportFixture['call'], dir: string, n: number): Promise<string> {
  const sample = loadSampleCases(resourcesDir())[1]!;
  const created = await call('case.create', { ...sample.case, caseNo: `青石综执简〔2024〕${200 + n}号` });
  const scratch = path.join(dir, `scratch-${n}`);
  mkdirSync(scratch, { recursive: true });
  let p = 0;
  for (const d of sample.documents) {
    const files = [];
    for (let i = 0; i < d.pages; i++)
      files.push({ stagedId: (await call('upload.stagePath', { path: await scanJpeg(path.join(scratch, `p${++p}.jpg`)) })).stagedId });
    await call('document.add', { caseId: created.id, kind: d.kind, title: d.title, docNo: d.docNo, responsible: d.responsible, date: d.date, files });
  }
  const preview = await call('dossier.preview', { caseId: created.id });
  for (const w of preview.blockers.filter((i) => i.severity === 'warning'))
    await call('dossier.acknowledge', { caseId: created.id, warning: w.key, reason: '测试数据' });
  const sealed = await call('dossier.seal', { caseId: created.id, checker: '周立新' });
  return sealed.version!.archiveNo!;
}

function archiveNos(dir: string): string[] {
  const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
  const rows = db.prepare('SELECT archive_no AS n FROM archive_numbers ORDER BY year, serial').all() as { n: string }[];
  db.close();
  return rows.map((r) => r.n);
}

describe('backup and restore', () => {
  it('drill: after a restore from an older backup no 归档号 is reused, and the audit chain says what was lost', async () => {
    const dir = tmpDir();
    const fx = await buildExportArchive(dir, { footage: false });
    const first = archiveNos(fx.core.archiveDir);
    expect(first).toHaveLength(1);

    const backupDir = path.join(dir, 'backup-1');
    const steps: string[] = [];
    const b = await backupArchive(fx.core.archive, null, backupDir, {
      signal: new AbortController().signal,
      startItem: (n) => steps.push(n),
      addBytes: () => undefined,
      finishItem: () => undefined,
    });
    expect(b.manifest.objects).toBeGreaterThan(5);
    expect(b.manifest.missing).toEqual([]);
    expect(steps[0]).toBe('catalog.db');
    expect(readdirSync(dir).filter((n) => n.includes('.part-'))).toEqual([]);
    // The copy is a catalogue SQLite accepts, with every object whose bytes match its name.
    expect(existsSync(path.join(backupDir, 'audit-anchor.log'))).toBe(true);
    expect(readdirSync(backupDir).some((n) => n.endsWith('.key'))).toBe(false);

    // Work goes on after the backup: another case sealed (归档号 #2), more entries.
    const second = await sealCopy(fx.call, dir, 1);
    expect(second).not.toBe(first[0]);
    const headAfter = fx.core.archive.audit.verify();
    expect(headAfter.ok).toBe(true);
    await fx.core.close();

    // The disk is lost; the archive comes back from backup-1 into a new folder.
    const restoredDir = path.join(dir, 'restored');
    const r = await restoreArchive(backupDir, restoredDir, { resourcesDir: resourcesDir() });
    r.archive.close();
    expect(r.macChecked).toBe(true);
    expect(r.knownFrom).toBe('witness');
    expect(r.lostEntries).toBe(headAfter.headSeq - b.manifest.headSeq);
    expect(r.lostEntries).toBeGreaterThan(3);
    expect(r.skipped).toEqual([{ year: expect.any(Number), from: 2, to: 2 }]);
    expect(archiveNos(restoredDir)).toEqual(first);

    const core = await openCore({ archiveDir: restoredDir });
    try {
      const login = await core.invoke('auth.login', { username: 'dangan', password: 'secret-pass-1' }, { transport: 'direct' });
      if (!login.ok) throw new Error(login.error.message);
      const call: ExportFixture['call'] = async (name, input) => {
        const x = await core.invoke(name, input, { transport: 'direct', sessionToken: login.value.token });
        if (!x.ok) throw new Error(`${name}: ${x.error.message}`);
        return x.value as never;
      };
      // The next seal skips past the number issued after the backup: never the same 归档号 twice.
      const third = await sealCopy(call, dir, 2);
      expect([first[0], second]).not.toContain(third);
      expect(Number(third.slice(-4))).toBe(Number(second.slice(-4)) + 1);

      const v = core.archive.audit.verify();
      expect(v).toMatchObject({ ok: true, firstBroken: null });
      const restoreEntry = core.archive.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'archive.restore'").get() as {
        actor: string;
        detail: string;
      };
      const detail = JSON.parse(restoreEntry.detail) as Record<string, unknown>;
      expect(detail).toMatchObject({ backupTakenAt: b.manifest.takenAt, backupHeadSeq: b.manifest.headSeq, lostEntries: r.lostEntries, knownFrom: 'witness' });
      expect(String(detail.note)).toMatch(/^restored from backup of .*; entries after it lost: \d+ known from witness$/);
    } finally {
      await core.close();
    }
  });

  it('refuses a non-empty target, and a backup whose object was altered, leaving nothing behind', async () => {
    const dir = tmpDir();
    const fx = await buildExportArchive(dir, { footage: false });
    const occupied = path.join(dir, 'occupied');
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, 'x.txt'), 'x');
    await expect(backupArchive(fx.core.archive, null, occupied)).rejects.toMatchObject({ code: 'archive_exists', messageZh: expect.stringMatching(/不为空/) });
    await expect(backupArchive(fx.core.archive, null, path.join(fx.core.archiveDir, 'inside'))).rejects.toMatchObject({ code: 'invalid_input' });

    const backupDir = path.join(dir, 'backup');
    const b = await backupArchive(fx.core.archive, null, backupDir);
    await fx.core.close();
    const db = new Database(path.join(backupDir, 'catalog.db'), { readonly: true });
    const sha = (db.prepare('SELECT sha256 FROM objects LIMIT 1').get() as { sha256: string }).sha256;
    db.close();
    const file = objectPath({ objects: path.join(backupDir, 'objects') } as never, sha);
    chmodSync(file, 0o644);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(file, bytes);
    const to = path.join(dir, 'restored');
    await expect(restoreArchive(backupDir, to, { resourcesDir: resourcesDir() })).rejects.toMatchObject({ code: 'bad_file', item: file });
    expect(existsSync(to)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.part-'))).toEqual([]);

    // A manifest edited by hand (its MAC no longer holds) is refused too.
    const m = JSON.parse(readFileSync(path.join(backupDir, 'backup.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(backupDir, 'backup.json'), JSON.stringify({ ...m, headSeq: b.manifest.headSeq + 100 }));
    await expect(restoreArchive(backupDir, to, { resourcesDir: resourcesDir() })).rejects.toMatchObject({
      code: 'bad_file',
      messageZh: expect.stringMatching(/密钥校验码不符/),
    });
  });
});
