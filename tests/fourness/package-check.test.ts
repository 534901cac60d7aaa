/**
 * 四性检测 of a 移交包 (DA/T 70) over a real exported package (SQLite archive, stored scans, ingested
 * ffmpeg footage): the clean package passes with its report inside; each way of breaking a copy of it
 * gives the named failing row naming the file, never an exception and never a silent pass.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FournessReport, FournessRow } from '../../src/api/types-fourness.js';
import { checkPackage } from '../../src/fourness/check-package.js';
import { REPORT_PDF, REPORT_XML } from '../../src/fourness/package-files.js';
import { buildExportArchive, type ExportFixture } from '../export/dossier-export-fixture.js';
import { run } from '../pdf/helpers/tools.js';
import { juanzongFromSource } from '../cli/run-cli.js';

let fx: ExportFixture;
let root: string;
let bag: string;
let n = 0;

beforeAll(async () => {
  root = execFileSync('mktemp', ['-d', '/tmp/jz-fourness-XXXXXX'], { encoding: 'utf8' }).trim();
  fx = await buildExportArchive(root, { footage: true });
  const r = await fx.call('dossier.export', { caseId: fx.caseId, out: path.join(root, 'out'), package: true });
  bag = r.package!.folder;
}, 300_000);

afterAll(async () => {
  await fx?.core.close();
  if (root) execFileSync('rm', ['-rf', root]);
});

/** A copy of the exported package in another folder (a receiver's disk). */
function copy(): string {
  const dir = path.join(root, `copy-${++n}`, path.basename(bag));
  cpSync(bag, dir, { recursive: true });
  return dir;
}

const rowOf = (r: FournessReport, key: string): FournessRow => {
  const found = r.rows.find((x) => x.key === key);
  if (!found) throw new Error(`no row ${key}: ${r.rows.map((x) => x.key).join(', ')}`);
  return found;
};
const failing = (r: FournessReport) => r.rows.filter((x) => x.outcome === 'fail').map((x) => `${x.code ?? x.key}: ${x.reason}`);
const firstVolume = (dir: string) => path.join(dir, 'data', 'volumes', readdirSync(path.join(dir, 'data', 'volumes'))[0]!);
const firstClip = (dir: string) => path.join(dir, 'data', 'footage', readdirSync(path.join(dir, 'data', 'footage')).sort()[0]!);
const rel = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

describe('四性检测 of a 移交包', () => {
  it('the exported package carries a passing report (XML and PDF/A) listed in its tag manifest, and a copy elsewhere passes again', async () => {
    expect(existsSync(path.join(bag, REPORT_XML))).toBe(true);
    expect(existsSync(path.join(bag, REPORT_PDF))).toBe(true);
    const tags = readFileSync(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8');
    expect(tags).toContain(REPORT_XML);
    expect(tags).toContain(REPORT_PDF);
    execFileSync('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], { cwd: bag });
    const xml = readFileSync(path.join(bag, REPORT_XML), 'utf8');
    expect(xml).toContain('result="通过"');
    expect(xml).toContain('code="1-1"');
    expect(xml).toMatch(/总字节数 [\d,]+ = manifest/);
    const text = run('pdftotext', [path.join(bag, REPORT_PDF), '-']).replace(/\s+/g, '');
    expect(text).toContain('四性检测报告');
    expect(text).toContain('固化信息有效性检测');
    expect(run('pdfinfo', [path.join(bag, REPORT_PDF)])).toMatch(/Pages:\s+\d+/);

    const { report } = await checkPackage(copy());
    expect(failing(report)).toEqual([]);
    expect(report.passed).toBe(true);
    for (const key of [
      'fixity',
      'item-count',
      'byte-count',
      'required-items',
      'continuity',
      'content-complete',
      'metadata-readable',
      'content-format',
      'package-format',
      'package-consistency',
    ])
      expect(rowOf(report, key).outcome, key).toBe('pass');
    expect(rowOf(report, 'byte-count').evidence[0]).toMatch(/^总字节数 [\d,]+ = manifest/);
    // No scanner here: the rows say so, they do not pass.
    const virus = rowOf(report, 'virus');
    expect(virus.outcome === 'pass' ? virus.evidence.join('') : virus.reason).toMatch(virus.outcome === 'pass' ? /ClamAV/ : /clamscan/);
  }, 120_000);

  it('a file added to the payload fails 2-11 naming it', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'data', 'footage', 'extra.mp4'), 'not a clip');
    const { report } = await checkPackage(dir);
    expect(report.passed).toBe(false);
    expect(rowOf(report, 'package-content-complete')).toMatchObject({ outcome: 'fail', failing: expect.arrayContaining(['data/footage/extra.mp4']) });
  }, 60_000);

  it('a file removed fails 2-11 and 1-11 naming it', async () => {
    const dir = copy();
    const clip = firstClip(dir);
    rmSync(clip);
    const { report } = await checkPackage(dir);
    expect(rowOf(report, 'package-content-complete').failing).toContain(rel(dir, clip));
    expect(rowOf(report, 'metadata-content-link').failing).toContain(rel(dir, clip));
  }, 60_000);

  it('a file renamed fails 2-11 naming the old and the new name', async () => {
    const dir = copy();
    const clip = firstClip(dir);
    const moved = path.join(path.dirname(clip), `renamed-${path.basename(clip)}`);
    renameSync(clip, moved);
    const { report } = await checkPackage(dir);
    expect(rowOf(report, 'package-content-complete').failing).toEqual(expect.arrayContaining([rel(dir, clip), rel(dir, moved)]));
  }, 60_000);

  it('one byte changed in a volume fails 2-7 and 1-1 naming the volume, and 1-14 against the report inside', async () => {
    const dir = copy();
    const vol = firstVolume(dir);
    const b = readFileSync(vol);
    const at = Math.floor(b.length / 2);
    b[at] = b[at]! ^ 0x01;
    writeFileSync(vol, b);
    const { report } = await checkPackage(dir);
    expect(rowOf(report, 'content-complete')).toMatchObject({ outcome: 'fail', failing: [rel(dir, vol)] });
    expect(rowOf(report, 'fixity').failing).toContain(rel(dir, vol));
    expect(rowOf(report, 'package-consistency').outcome).toBe('pass'); // the manifests themselves are unchanged …
    writeFileSync(path.join(dir, 'manifest-sha256.txt'), readFileSync(path.join(dir, 'manifest-sha256.txt'), 'utf8').replace(/^[0-9a-f]{64}/, '0'.repeat(64)));
    const again = await checkPackage(dir);
    expect(rowOf(again.report, 'package-consistency')).toMatchObject({ outcome: 'fail', failing: ['manifest-sha256.txt'] }); // … until someone "fixes" them
  }, 60_000);

  it('a metadata.xml that does not parse fails 3-1, and the other rows still report', async () => {
    const dir = copy();
    const file = path.join(dir, 'data', 'metadata.xml');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 400));
    const { report } = await checkPackage(dir);
    expect(rowOf(report, 'metadata-readable')).toMatchObject({ outcome: 'fail', failing: ['data/metadata.xml'] });
    expect(rowOf(report, 'metadata-readable').reason).toMatch(/无法解析/);
    expect(rowOf(report, 'required-items').outcome).toBe('fail');
    expect(rowOf(report, 'content-complete').failing).toContain('data/metadata.xml');
  }, 60_000);

  it('a metadata.xml that violates the schema fails 3-1 with libxml2’s reason', async () => {
    const dir = copy();
    const file = path.join(dir, 'data', 'metadata.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/pages="(\d+)"/, 'pages="十二"'));
    const { report } = await checkPackage(dir);
    const r = rowOf(report, 'metadata-readable');
    expect(r.outcome).toBe('fail');
    expect(r.reason).toMatch(/Schema.*pages/);
  }, 60_000);

  it('a missing required 著录项 fails 2-4 naming the cover item', async () => {
    const dir = copy();
    const file = path.join(dir, 'data', 'metadata.xml');
    const xml = readFileSync(file, 'utf8');
    const m = /<item field="caseTitle" label="([^"]+)">[^<]+<\/item>/.exec(xml)!;
    expect(m).not.toBeNull();
    writeFileSync(file, xml.replace(m[0], `<item field="caseTitle" label="${m[1]}"></item>`));
    const { report } = await checkPackage(dir);
    expect(rowOf(report, 'required-items')).toMatchObject({ outcome: 'fail', failing: [`卷皮“${m[1]}”`] });
  }, 60_000);

  it('a gap in the 件号 (an entry taken out) fails 2-6 naming the entry, and 2-1', async () => {
    const dir = copy();
    const file = path.join(dir, 'data', 'metadata.xml');
    const xml = readFileSync(file, 'utf8');
    writeFileSync(file, xml.replace(/\s*<entry seq="2"[\s\S]*?<\/entry>/, ''));
    const { report } = await checkPackage(dir);
    const r = rowOf(report, 'continuity');
    expect(r.outcome).toBe('fail');
    expect(r.failing[0]).toBe('第 3 件');
    expect(r.reason).toMatch(/件号不连续|页号不连续/);
    expect(rowOf(report, 'item-count').failing).toContain('文件件数');
  }, 60_000);

  it('a volume with an unembedded font fails 3-3 naming the volume and the font', async () => {
    const dir = copy();
    const vol = firstVolume(dir);
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Replaced volume', { font: await doc.embedFont(StandardFonts.Helvetica), x: 50, y: 700 });
    writeFileSync(vol, await doc.save());
    const { report } = await checkPackage(dir);
    const r = rowOf(report, 'content-format');
    expect(r.outcome).toBe('fail');
    expect(r.failing).toContain(rel(dir, vol));
    expect(r.reason).toMatch(/字体未嵌入：Helvetica/);
  }, 60_000);

  it('an encrypted volume (qpdf --encrypt) fails 3-8 and 3-3 naming the volume', async () => {
    const dir = copy();
    const vol = firstVolume(dir);
    const enc = `${vol}.enc`;
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', vol, enc]);
    renameSync(enc, vol);
    const { report } = await checkPackage(dir);
    expect(rowOf(report, 'package-format')).toMatchObject({ outcome: 'fail', failing: [rel(dir, vol)] });
    expect(rowOf(report, 'package-format').reason).toMatch(/已加密/);
    expect(rowOf(report, 'content-format').failing).toContain(rel(dir, vol));
  }, 60_000);

  it('`juanzong package check` passes on a copy in another folder and fails naming the file after one byte of it changes', async () => {
    const dir = copy();
    const ok = await juanzongFromSource(['package', 'check', dir]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('通过 Passed');
    expect(ok.stdout).toContain('1-1');
    const clip = firstClip(dir);
    const b = readFileSync(clip);
    b[100] = b[100]! ^ 0xff;
    writeFileSync(clip, b);
    const bad = await juanzongFromSource(['package', 'check', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('未通过 Failed');
    expect(bad.stderr).toContain(rel(dir, clip));
    expect(bad.stderr).toMatch(/^juanzong: .*\/ 四性检测未通过/m);
  }, 120_000);

  it('fourness.checkPackage through invoke (the archivist) reports the same, and fourness.latest shows the export’s result on the dossier', async () => {
    const r = await fx.call('fourness.checkPackage', { dir: copy() });
    expect(r.passed).toBe(true);
    const view = await fx.call('dossier.get', { caseId: fx.caseId });
    const { latest } = await fx.call('fourness.latest', { dossierId: view.dossierId! });
    expect(latest).toMatchObject({ stage: 'transfer', passed: true, failures: [], checkedBy: '孙丽娟' });
    const refused = await fx.attempt('fourness.checkPackage', { dir: bag }, fx.tokens.inspector);
    expect(refused.ok).toBe(false);
  }, 120_000);

  it('a folder that is not there is a clear error naming it', async () => {
    await expect(checkPackage(path.join(root, 'nowhere'))).rejects.toMatchObject({ code: 'not_found', messageZh: expect.stringContaining('nowhere') });
  });
});
