import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { caseInputSchema, CASE_DATE_KEYS } from '../../src/domain/case.js';
import { isIsoDate } from '../../src/domain/dates.js';
import { findKind, profileSchema } from '../../src/domain/profile.js';
import { loadSampleCases } from '../../src/demo/sample-cases.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resources = path.join(root, 'resources');
const profile = profileSchema.parse(JSON.parse(readFileSync(path.join(resources, 'profiles', 'henan-township-2016.json'), 'utf8')));
const samples = loadSampleCases(resources);
const tmpDirs: string[] = [];

afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

describe('resources/sample/cases.json', () => {
  it('holds the five sample cases, each valid against caseInputSchema', () => {
    expect(samples).toHaveLength(5);
    const raw = JSON.parse(readFileSync(path.join(resources, 'sample', 'cases.json'), 'utf8')) as { case: unknown }[];
    for (const entry of raw) {
      const r = caseInputSchema.safeParse(entry.case);
      expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
    }
    expect(new Set(samples.map((s) => s.case.caseNo)).size).toBe(5);
    expect(samples.map((s) => s.case.procedure).sort()).toEqual(['general', 'general', 'general', 'general', 'summary']);
  });

  it('resolves every document kind in the filing profile (and needs no 其他 fallback)', () => {
    for (const s of samples) {
      for (const d of s.documents) {
        const kind = findKind(profile, d.kind);
        expect(kind, `${s.case.caseNo}: ${d.kind}`).toBeDefined();
        expect(kind!.code).toBe(d.kind);
        expect(d.kind).not.toBe('QT');
      }
    }
  });

  it('has valid dates, with documents in date order and none after 结案', () => {
    for (const s of samples) {
      for (const key of CASE_DATE_KEYS) {
        const v = s.case.dates[key];
        if (v != null) expect(isIsoDate(v), `${s.case.caseNo} dates.${key}=${v}`).toBe(true);
      }
      const closed = s.case.dates.closed.slice(0, 10);
      let prev = '';
      for (const d of s.documents) {
        expect(d.date, `${s.case.caseNo} ${d.title}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(isIsoDate(d.date)).toBe(true);
        expect(d.date >= prev, `${s.case.caseNo}: ${d.title} (${d.date}) comes before ${prev}`).toBe(true);
        expect(d.date <= closed, `${s.case.caseNo}: ${d.title} after 结案 ${closed}`).toBe(true);
        prev = d.date;
      }
      // key dates are in order too
      const order = CASE_DATE_KEYS.map((k) => s.case.dates[k]).filter((v): v is string => v != null);
      expect([...order].sort()).toEqual(order);
    }
  });

  it('keeps the documents renderable: pages ≥ 1, body text present, 文号 only on kinds that carry one', () => {
    for (const s of samples) {
      expect(s.documents.length).toBeGreaterThan(0);
      for (const d of s.documents) {
        expect(d.pages).toBeGreaterThanOrEqual(1);
        expect(d.body.length).toBeGreaterThan(0);
        if (d.docNo) expect(findKind(profile, d.kind)!.hasDocNo, `${d.kind} ${d.docNo}`).toBe(true);
      }
      expect(s.bodycam.length).toBeGreaterThan(0);
    }
  });

  it('names the case and the field when a sample case is invalid', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'juanzong-samples-'));
    tmpDirs.push(dir);
    mkdirSync(path.join(dir, 'sample'));
    const raw = JSON.parse(readFileSync(path.join(resources, 'sample', 'cases.json'), 'utf8')) as { case: Record<string, unknown> }[];
    const broken = raw[2]!;
    (broken.case.dates as Record<string, unknown>).filed = null;
    writeFileSync(path.join(dir, 'sample', 'cases.json'), JSON.stringify(raw));
    expect(() => loadSampleCases(dir)).toThrow(/青石综执罚立〔2024〕31号.*dates\.filed: general_needs_filed/);
  });

  // The shared samples' source, as the repo keeps it (tests/fixtures/shared-samples/cases.json, a copy
  // of the demo data the team was handed); JUANZONG_SAMPLES_SRC points at another copy to compare with.
  const source = process.env.JUANZONG_SAMPLES_SRC ?? path.join(root, 'tests', 'fixtures', 'shared-samples', 'cases.json');
  it('is what scripts/convert-samples.mjs produces from the shared samples', () => {
    if (!existsSync(source)) throw new Error(`the shared samples' source is missing: ${source}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'juanzong-convert-'));
    tmpDirs.push(dir);
    const out = path.join(dir, 'cases.json');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'convert-samples.mjs'), source, out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(resources, 'sample', 'cases.json'), 'utf8'));
  });
});

describe('resources/sample/case-example.json (docs/case-json.md)', () => {
  const file = path.join(resources, 'sample', 'case-example.json');
  const example = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
    documents: { kind: string; title: string; docNo?: string; responsible?: string; date?: string; files: string[] }[];
  };

  it('is a valid case with one document whose kind resolves and whose file exists', async () => {
    const { documents, ...fields } = example;
    const r = caseInputSchema.safeParse(fields);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
    expect(documents).toHaveLength(1);
    const doc = documents[0]!;
    expect(findKind(profile, doc.kind)).toBeDefined();
    expect(doc.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.files).toEqual(['case-example-page1.jpg']);
    const meta = await sharp(path.join(path.dirname(file), doc.files[0]!)).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([827, 1169]);
  });
});
