import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDossierPdfs } from '../../src/pdf/write-dossier.js';
import { tmpDir } from '../helpers/tmp.js';
import { sampleVolume } from './helpers/volume.js';

describe('writing every volume of a dossier', () => {
  it('writes one PDF per volume with progress over the whole dossier', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const second = { ...v, meta: { ...v.meta, volumeLabel: '副卷' } };
    const seen: number[] = [];
    const out = path.join(dir, 'export');
    const w = await writeDossierPdfs([v, second], { dir: out, poppler: 'off', onPage: (n, total) => seen.push(n / total) });
    expect(readdirSync(out).sort()).toEqual(['Z109-WS·2024-Y-ZF-0001-副卷.pdf', 'Z109-WS·2024-Y-ZF-0001-正卷.pdf']);
    expect(w.map((x) => x.pages)).toEqual([v.pages.length, v.pages.length]);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('is all or nothing: a bad page in the second volume removes the first', async () => {
    const dir = tmpDir();
    const v = await sampleVolume(dir, { contactSheet: false });
    const bad = {
      ...v,
      meta: { ...v.meta, volumeLabel: '副卷' },
      outline: [],
      pages: [...v.pages.slice(0, 2), { kind: 'scan' as const, file: path.join(dir, 'missing.jpg'), label: '送达回证', stamp: null }],
    };
    const out = path.join(dir, 'export');
    await expect(writeDossierPdfs([v, bad], { dir: out, poppler: 'off' })).rejects.toMatchObject({ code: 'io_error', item: '送达回证' });
    expect(readdirSync(out)).toEqual([]);
  });
});
