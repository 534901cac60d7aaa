/**
 * Transfer-package names (issue 12): original clip names go into data/footage/ so that the package
 * unpacks on Windows and macOS — safe, unique without regard to case or Unicode normalisation, NFC,
 * no device names, no trailing dots or spaces, no bidi controls — and metadata.xml keeps the original.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldKey, safeFileName, uniqueFileNames } from '../../src/export/bag-paths.js';
import { writeBag } from '../../src/export/bagit.js';
import type { BagMetadata } from '../../src/export/metadata-xml.js';
import { verifyBag } from '../../src/export/verify-bag.js';
import { tmpDir } from '../helpers/tmp.js';

const NFC = 'caf\u00e9.mp4';
const NFD = 'cafe\u0301.mp4';
const RLO = 'ZFY\u202egpj.exe\u202c.mp4';

describe('safeFileName', () => {
  it.each([
    ['CON.mp4', '_CON.mp4'],
    ['con', '_con'],
    ['Lpt1.MP4', '_Lpt1.MP4'],
    ['COM¹.avi', '_COM¹.avi'],
    ['CONSOLE.mp4', 'CONSOLE.mp4'],
    ['clip.mp4.', 'clip.mp4'],
    ['clip.mp4 . ', 'clip.mp4'],
    [' lead.mp4', 'lead.mp4'],
    ['.hidden.mp4', '_hidden.mp4'],
    ['a<b>c:d"e|f?g*h.mp4', 'a_b_c_d_e_f_g_h.mp4'],
    ['50%.mp4', '50_.mp4'],
    [RLO, 'ZFYgpj.exe.mp4'],
    ['zero\u200bwidth\ufeff.mp4', 'zerowidth.mp4'],
    ['...', '_'],
    [NFD, NFC],
  ])('%j → %j', (original, safe) => {
    expect(safeFileName(original)).toBe(safe);
  });

  it('keeps a long CJK name within 255 UTF-8 bytes and keeps its extension', () => {
    const s = safeFileName(`${'执法记录'.repeat(40)}.MP4`);
    expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(255);
    expect(s.endsWith('.MP4')).toBe(true);
    expect(s.startsWith('执法记录')).toBe(true);
  });
});

describe('uniqueFileNames', () => {
  it('gives names that differ only by case, normalisation or a trailing dot a number each, in order', () => {
    const names = uniqueFileNames(['clip.mp4', 'Clip.MP4', 'clip.mp4.', NFC, NFD, 'CON.mp4', '_CON.mp4']);
    expect(names).toEqual(['clip.mp4', 'Clip (2).MP4', 'clip (3).mp4', NFC, `caf\u00e9 (2).mp4`, '_CON.mp4', '_CON (2).mp4']);
    expect(new Set(names.map(foldKey)).size).toBe(names.length);
    for (const n of names) expect(n).toBe(n.normalize('NFC'));
  });

  it('keeps the number when a long name has to be cut', () => {
    const long = `${'长'.repeat(120)}.mp4`;
    const [a, b] = uniqueFileNames([long, long]);
    expect(b).toMatch(/ \(2\)\.mp4$/);
    expect(new TextEncoder().encode(b!).length).toBeLessThanOrEqual(255);
    expect(foldKey(a!)).not.toBe(foldKey(b!));
  });
});

describe('a 移交包 with the awkward names', () => {
  it('writes every clip under its safe name, verifies, and metadata.xml keeps each original name verbatim', async () => {
    const dir = tmpDir();
    const originals = ['CON.mp4', 'clip.mp4.', 'Clip.MP4', 'clip.mp4', NFC, NFD, RLO];
    const safe = uniqueFileNames(originals);
    const payload = originals.map((o, i) => {
      const src = path.join(dir, `src-${i}.bin`);
      writeFileSync(src, `clip ${i}`);
      return { path: `footage/${safe[i]!}`, source: src, label: o };
    });
    const metadata: BagMetadata = {
      case: { caseNo: '测试〔2024〕1号', title: '测试案', fields: [] },
      dossier: { title: '测试案', archiveCode: null, archiveNo: '20240001', retention: '永久', profile: 'henan-township-2016 1', fields: [], volumes: [] },
      av: originals.map((o, i) => ({
        id: String(i + 1),
        fileName: o,
        payloadPath: `footage/${safe[i]!}`,
        size: 6,
        sha256: '0'.repeat(64),
        sm3: null,
        fields: [],
      })),
      audit: [],
    };
    const bagDir = path.join(dir, 'bag');
    await writeBag({ dir: bagDir, info: { sourceOrganization: '测试', externalIdentifier: '20240001' }, payload, metadata });
    const onDisk = readdirSync(path.join(bagDir, 'data', 'footage')).sort();
    expect(onDisk).toEqual([...safe].sort());
    expect(new Set(onDisk.map(foldKey)).size).toBe(originals.length);
    expect(await verifyBag(bagDir)).toMatchObject({ ok: true });
    const xml = readFileSync(path.join(bagDir, 'data', 'metadata.xml'), 'utf8');
    for (const o of originals) expect(xml).toContain(`<fileName>${o}</fileName>`);
    for (const s of safe) expect(xml).toContain(`path="data/footage/${s}"`);
  });
});
