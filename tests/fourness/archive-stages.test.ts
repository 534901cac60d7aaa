/**
 * 四性检测 at the other two stages over a real archive: 归档环节 (the checks the seal runs; a failing
 * one refuses the seal with the item and reason) and 长期保存环节 (`fourness.checkArchive`: the whole
 * archive, recorded; a stored file changed behind the catalogue's back fails 1-1 naming it).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivingChecks, requireArchivingChecks } from '../../src/fourness/dossier-checks.js';
import { requireBinding, loadProfile } from '../../src/profiles/load-profile.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { buildExportArchive, type ExportFixture } from '../export/dossier-export-fixture.js';

let fx: ExportFixture;
let root: string;

beforeAll(async () => {
  root = execFileSync('mktemp', ['-d', '/tmp/jz-fourness-arch-XXXXXX'], { encoding: 'utf8' }).trim();
  fx = await buildExportArchive(root, { footage: false });
}, 300_000);

afterAll(async () => {
  await fx?.core.close();
  if (root) execFileSync('rm', ['-rf', root]);
});

describe('四性检测 归档环节 and 长期保存环节', () => {
  it('the whole-archive check passes on a sound archive and is recorded as the latest archive result', async () => {
    const r = await fx.call('fourness.checkArchive', { restart: true });
    expect(r.rows.filter((x) => x.outcome === 'fail').map((x) => `${x.code ?? x.key}: ${x.reason}`)).toEqual([]);
    expect(r).toMatchObject({ stage: 'preservation', passed: true, target: { kind: 'archive' } });
    for (const key of ['fixity', 'continuity', 'database-accessible', 'process-security']) expect(r.rows.find((x) => x.key === key)?.outcome, key).toBe('pass');
    const { latest } = await fx.call('fourness.latest', {});
    expect(latest).toMatchObject({ stage: 'preservation', passed: true });
  }, 120_000);

  it('the seal’s checks pass for the sealed dossier and fail, naming the file, when a stored scan is gone; the archive check fails 1-1 too', async () => {
    const view = await fx.call('dossier.get', { caseId: fx.caseId });
    const profile = requireBinding(loadProfile(resourcesDir(), view.bound.profile.id));
    const numbers = { archiveNo: view.version!.archiveNo!, archiveCode: view.version!.archiveCode };
    const ok = archivingChecks(fx.core.archive, view.bound, numbers, profile);
    expect(ok.filter((x) => x.outcome === 'fail')).toEqual([]);
    expect(() => requireArchivingChecks('测试', ok)).not.toThrow();

    const docId = view.bound.volumes[0]!.entries.find((e) => e.parts[0]?.documentId)!.parts[0]!.documentId!;
    const file = fx.core.archive.db.prepare('SELECT object_sha256 AS sha256, original_name AS name FROM document_files WHERE document_id = ?').get(docId) as {
      sha256: string;
      name: string;
    };
    const stored = fx.core.archive.store.pathOf(file.sha256);
    const aside = `${stored}.aside`;
    renameSync(stored, aside);
    try {
      const rows = archivingChecks(fx.core.archive, view.bound, numbers, profile);
      const fixity = rows.find((x) => x.key === 'fixity')!;
      expect(fixity.outcome).toBe('fail');
      expect(fixity.failing.some((f) => f.includes(file.name))).toBe(true);
      expect(() => requireArchivingChecks('测试案卷', rows)).toThrowError(
        expect.objectContaining({ code: 'invalid_input', messageZh: expect.stringMatching(/四性检测（归档环节）未通过 — 1-1/) }),
      );
    } finally {
      renameSync(aside, stored);
    }

    // One byte changed in the stored scan: the full fixity audit (resumable) finds it, 1-1 fails naming the file.
    chmodSync(stored, 0o644);
    const bytes = readFileSync(stored);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    writeFileSync(stored, bytes);
    const r = await fx.call('fourness.checkArchive', { restart: true });
    const fixity = r.rows.find((x) => x.key === 'fixity')!;
    expect(r.passed).toBe(false);
    expect(fixity.outcome).toBe('fail');
    expect(fixity.failing.join(' ')).toContain(file.name);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    writeFileSync(stored, bytes);
  }, 180_000);

  it('refuses the whole-archive check to an inspector', async () => {
    const r = await fx.attempt('fourness.checkArchive', { restart: false }, fx.tokens.inspector);
    expect(r.ok).toBe(false);
  });
});
