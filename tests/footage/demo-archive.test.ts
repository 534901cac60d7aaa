/**
 * The demo archive end to end, through the core: `buildDemo` generates the sample cases' body-cam
 * clips, ingests and links them, then seals four cases. Each sealed dossier carries one 视听资料证据
 * sheet per linked clip, with the catalogue's digests (which are the stored files' own); the links of
 * a sealed case are frozen (the contract says why, triggers hold even against direct SQL); the unsealed
 * case stays linkable.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract.js';
import { openCore } from '../../src/app-core.js';
import { buildDemo, type DemoReport } from '../../src/demo/build-demo.js';
import type { AvItem } from '../../src/binding/types.js';
import { resourcesDir } from '../../src/resources/paths.js';

const UNSEALED = '青石综执罚立〔2024〕44号';

let work: string;
let report: DemoReport;
let core: Awaited<ReturnType<typeof openCore>>;
let token: string;

async function raw<N extends OpName>(name: N, input: OpInput<N>) {
  return core.invoke(name, input, { transport: 'direct', sessionToken: token });
}
async function call<N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const r = await raw(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as OpOutput<N>;
}

describe('the demo archive', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'jz-demo-archive-'));
    report = await buildDemo({ archiveDir: path.join(work, 'archive'), resourcesDir: resourcesDir() });
    core = await openCore({ archiveDir: report.archive });
    const login = await core.invoke('auth.login', { username: 'dangan', password: report.password }, { transport: 'direct' });
    if (!login.ok) throw new Error(login.error.message);
    token = login.value.token;
  }, 300_000);

  afterAll(async () => {
    await core?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('seals each case with one 视听资料证据 sheet per linked clip, carrying the stored file’s digests', async () => {
    expect(report.footage).toMatchObject({ clips: 24, linked: 24, errors: 0 });
    expect(report.archived).toHaveLength(4);
    let sheets = 0;
    for (const a of report.archived) {
      const clips = await call('footage.list', { caseNo: a.caseNo, limit: 1000 });
      const dossier = await call('dossier.get', { caseId: (await call('case.get', { caseNo: a.caseNo })).id });
      expect(dossier.status).toBe('sealed');
      const av: AvItem[] = dossier.bound.volumes.flatMap((v) => v.entries.flatMap((e) => e.parts.flatMap((p) => (p.av ? [p.av] : []))));
      expect(av.length, a.caseNo).toBe(clips.total);
      expect(a.avItems).toBe(clips.total);
      expect(new Set(av.map((x) => x.sha256))).toEqual(new Set(clips.items.map((c) => c.sha256)));
      for (const item of av) {
        const clip = clips.items.find((c) => String(c.id) === item.id)!;
        expect(item.fileName).toBe(clip.originalName);
        expect(item.sm3).toBe(clip.sm3);
        // The digest the dossier prints is the stored file's own.
        expect(
          createHash('sha256')
            .update(readFileSync(core.archive.store.pathOf(item.sha256)))
            .digest('hex'),
        ).toBe(item.sha256);
        // The officer comes from the link (or the device register), with the 执法证号.
        expect(item.officer).toMatch(/^\S+（豫S\d+）$/);
        expect(item.activity).toBeTruthy();
      }
      // Oldest recording first.
      expect(av.map((x) => x.recordedAt)).toEqual([...av.map((x) => x.recordedAt)].sort());
      const avPages = dossier.pages.volumes.flatMap((v) => v.pages.filter((p) => p.kind === 'av-sheet'));
      expect(avPages).toHaveLength(av.length);
      sheets += av.length;
    }
    expect(sheets).toBe(report.archived.reduce((n, a) => n + a.avItems, 0));
  });

  it('freezes the case links of a sealed case (contract and triggers); officer links and unsealed cases stay open', async () => {
    const sealedNo = report.archived[0]!.caseNo;
    const sealedId = (await call('case.get', { caseNo: sealedNo })).id;
    const open = await call('footage.list', { caseNo: UNSEALED, limit: 1000 });
    expect(open.total).toBeGreaterThan(0);
    const clip = open.items[0]!;

    const link = await raw('footage.link', { clipIds: [clip.id], caseNo: sealedNo, activity: '现场检查' });
    expect(link).toMatchObject({ ok: false, error: { code: 'sealed' } });
    expect(!link.ok && link.error.messageZh).toContain('已归档');
    const sealedClip = (await call('footage.list', { caseNo: sealedNo, limit: 1 })).items[0]!;
    const unlink = await raw('footage.unlink', { linkId: sealedClip.cases[0]!.linkId, reason: '关联错误' });
    expect(unlink).toMatchObject({ ok: false, error: { code: 'sealed' } });
    expect((await call('footage.get', { id: sealedClip.id })).links.filter((l) => l.removedAt === null && l.caseNo === sealedNo)).toHaveLength(1);

    const db = core.archive.db;
    expect(() =>
      db.prepare("INSERT INTO clip_links (clip_id, case_id, activity, linked_at) VALUES (?, ?, '询问', '2024-01-01T00:00:00Z')").run(clip.id, sealedId),
    ).toThrowError(/sealed/);
    expect(() => db.prepare("UPDATE clip_links SET removed_at = 'x' WHERE case_id = ?").run(sealedId)).toThrowError(/sealed/);
    expect(() => db.prepare('DELETE FROM clip_links WHERE case_id = ?').run(sealedId)).toThrowError(/sealed/);

    // Not frozen: an officer link on a sealed case's clip, and the unsealed case's links.
    const officer = sealedClip.officers[0]!;
    expect((await raw('footage.link', { clipIds: [sealedClip.id], certNo: officer.certNo })).ok).toBe(true);
    const unsealedLink = clip.cases.find((c) => c.caseNo === UNSEALED)!;
    expect((await raw('footage.unlink', { linkId: unsealedLink.linkId, reason: '测试解除关联' })).ok).toBe(true);
    expect((await raw('footage.link', { clipIds: [clip.id], caseNo: UNSEALED, activity: unsealedLink.activity ?? '现场检查' })).ok).toBe(true);
  });

  it('exports each sealed dossier as PDF/A with its AV sheets, and a 移交包 that sha256sum -c accepts', async () => {
    expect(report.exports?.dossiers).toHaveLength(report.archived.length);
    for (const d of report.exports!.dossiers) {
      const a = report.archived.find((x) => x.caseNo === d.caseNo)!;
      expect(path.basename(d.folder)).toBe(a.archiveCode);
      const pdf = path.join(d.folder, d.files[0]!);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(d.pages);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      // Each AV item's sheet carries the clip's SHA-256 and SM3 (the 目录 row repeats the heading, so count by digest).
      const clips = (await call('footage.list', { caseNo: d.caseNo, limit: 1000 })).items;
      expect(clips).toHaveLength(a.avItems);
      for (const c of clips) {
        expect(text, c.originalName).toContain(c.sha256);
        expect(text, c.originalName).toContain(c.sm3);
      }
      const bag = d.package!;
      expect(execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' })).toBe('');
      expect(readdirSync(path.join(bag, 'data', 'footage'))).toHaveLength(a.avItems);
      const xml = readFileSync(path.join(bag, 'data', 'metadata.xml'), 'utf8');
      expect(xml).toContain(a.archiveCode);
      expect(xml).toContain('dossier.seal');
    }
  });

  it('shows every required recording present for the sealed cases that had a 查封扣押 or 强制拆除', async () => {
    let checked = 0;
    for (const a of report.archived) {
      const caseId = (await call('case.get', { caseNo: a.caseNo })).id;
      const cov = await call('footage.coverage', { caseId });
      expect(cov.missing, a.caseNo).toEqual([]);
      checked += cov.items.filter((i) => i.recording === 'full' && i.status === 'present').length;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lists the sealed dossiers from the catalogue as dossier.get shows them; an open correction drops one out', async () => {
    const list = await call('dossier.sealedSummaries', {});
    expect(list.map((d) => d.archiveNo).sort()).toEqual([...report.archived.map((a) => a.archiveNo), report.reviewProblem!.archiveNo].sort());
    for (const d of list) {
      const v = await call('dossier.get', { caseId: d.caseId });
      expect(d, v.caseNo ?? '').toMatchObject({
        dossierId: v.dossierId,
        scope: v.scope,
        versionNo: v.version!.versionNo,
        archiveNo: v.version!.archiveNo,
        archiveCode: v.version!.archiveCode,
        retention: v.bound.retention.label,
        volumes: v.bound.totals.volumes,
        pages: v.bound.totals.pages,
        sealedAt: v.version!.sealedAt,
      });
    }
    const unsealedId = (await call('case.get', { caseNo: UNSEALED })).id;
    expect(list.some((d) => d.caseId === unsealedId)).toBe(false);
    // Last in this file: it changes the archive.
    await call('dossier.correct', { dossierId: list[0]!.dossierId, reason: '测试：更正期间不再列为已归档' });
    expect((await call('dossier.sealedSummaries', {})).map((d) => d.dossierId)).not.toContain(list[0]!.dossierId);
  });
});
