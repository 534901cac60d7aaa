/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit raw profile JSON */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfileFile, listProfiles, loadProfile, loadProfileFile, profileFiles, requireBinding } from '../../src/profiles/load-profile.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';

const HENAN = path.join(resourcesDir(), 'profiles', 'henan-township-2016.json');

/** Writes the Henan profile with `edit` applied and returns the check result. */
function checkEdited(edit: (p: any) => void) {
  const p = JSON.parse(readFileSync(HENAN, 'utf8'));
  edit(p);
  const file = path.join(tmpDir(), 'edited.json');
  writeFileSync(file, JSON.stringify(p));
  return { file, r: checkProfileFile(file) };
}

describe('filing profiles', () => {
  it('ship three profiles with binding rules, and list only <id>.json files', () => {
    const ids = listProfiles(resourcesDir()).map((p) => p.id);
    expect(ids).toEqual(['henan-township-2016', 'market-supervision-2021', 'shanghai-chengguan']);
    for (const id of ids) expect(requireBinding(loadProfile(resourcesDir(), id)).binding.order.general.length).toBeGreaterThan(0);
    expect(profileFiles(resourcesDir()).every((f) => /^[a-z0-9-]+\.json$/.test(path.basename(f)))).toBe(true);
  });

  it('keep the default profile’s document-kind codes the sample data uses', () => {
    const henan = loadProfile(resourcesDir(), 'henan-township-2016');
    const codes = new Set(henan.documentKinds.map((k) => k.code));
    const sample = JSON.parse(readFileSync(path.join(resourcesDir(), 'sample', 'cases.json'), 'utf8')) as { documents: { kind: string }[] }[];
    for (const c of sample) for (const d of c.documents) expect(codes.has(d.kind), d.kind).toBe(true);
  });

  it('differ where provinces differ: 副卷, batching, 目录 page column, 档号 pattern, 归档号 year rule', () => {
    const [henan, market, shanghai] = ['henan-township-2016', 'market-supervision-2021', 'shanghai-chengguan'].map(
      (id) => requireBinding(loadProfile(resourcesDir(), id)).binding,
    );
    expect([henan!.volumes.secondary.general, market!.volumes.secondary.general, shanghai!.volumes.secondary.general]).toEqual([false, true, false]);
    expect([henan!.batching.allowed, market!.batching.allowed, shanghai!.batching.allowed]).toEqual([false, false, true]);
    expect(shanghai!.batching.maxCasesPerVolume).toBe(50);
    expect([henan!.toc.pageColumn, market!.toc.pageColumn, shanghai!.toc.pageColumn]).toEqual(['range', 'start', 'start-last-range']);
    expect(shanghai!.archiveCode.pattern).toContain('{retention}');
    expect(market!.archiveNo.prefixYear).toBe('filed');
    expect(henan!.retention.byProcedure).toEqual({ general: 'Y', summary: 'D30' });
    expect(henan!.retention.vocabulary.map((v) => v.code)).toEqual(expect.arrayContaining(['Y', 'D30', 'D10']));
    expect(henan!.numbering).toMatchObject({ front: 'top-right', back: 'top-left', unnumberedSheets: ['cover', 'toc', 'beikao', 'backCover'] });
    expect(henan!.volumes.splitAtPages).toBe(200);
  });

  it('name the field of a bad profile: an unknown kind code in the order', () => {
    const { r } = checkEdited((p) => p.binding.order.general[1].kinds.push('NOPE'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.path).toBe('binding.order.general[1].kinds[20]');
    expect(r.issues[0]!.message).toMatch(/does not define \(NOPE\)/);
    expect(r.issues[0]!.messageZh).toContain('文书种类目录中没有');
  });

  it.each([
    ['a bad enum value', (p: any) => (p.binding.toc.pageColumn = 'middle'), 'binding.toc.pageColumn', /取值无效/],
    ['a missing section', (p: any) => delete p.binding.retention, 'binding.retention', /缺少此项/],
    ['an unknown group for AV sheets', (p: any) => (p.binding.avSheets.group.general = 'evidence-x'), 'binding.avSheets.group.general', /分组/],
    ['an unknown condition', (p: any) => (p.binding.kinds.TZBL.requiredWhen = [{ when: 'hearing-hel' }]), 'binding.kinds.TZBL.requiredWhen[0].when[0]', /条件/],
    [
      'a retention code outside the vocabulary',
      (p: any) => (p.binding.retention.byProcedure.summary = 'D15'),
      'binding.retention.byProcedure.summary',
      /保管期限/,
    ],
    ['an unknown placeholder', (p: any) => (p.binding.archiveCode.pattern = '{fonds}-{box}'), 'binding.archiveCode.pattern', /占位符/],
    ['an 归档号 without a serial', (p: any) => (p.binding.archiveNo.pattern = '{year}'), 'binding.archiveNo.pattern', /serial/],
    ['a kind listed twice', (p: any) => p.binding.order.general[0].kinds.push('XWBL'), 'binding.order.general[1].kinds[2]', /前面分组/],
    ['an unknown key (typo)', (p: any) => (p.binding.numbering.frnt = 'top-left'), 'binding.numbering', /未知字段/],
    [
      'a footage activity without a recording rule',
      (p: any) => (p.footage.activities[3].recording = 'sometimes'),
      'footage.activities[3].recording',
      /取值无效/,
    ],
    ['a footage activity listed twice', (p: any) => p.footage.activities.push({ ...p.footage.activities[0] }), 'footage.activities', /重复/],
    ['ordinary footage kept for 0 months', (p: any) => (p.footage.retention.ordinaryMonths = 0), 'footage.retention.ordinaryMonths', /太短或太少/],
  ])('name the field of a bad profile: %s', (_name, edit, pathText, zh) => {
    const { r } = checkEdited(edit);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain(pathText);
    expect(r.issues.find((i) => i.path === pathText)!.messageZh).toMatch(zh);
  });

  it('refuse to load a bad profile with an error naming the file and the field', () => {
    const { file } = checkEdited((p) => (p.binding.volumes.splitAtPages = 0));
    expect(() => loadProfileFile(file)).toThrowError(/binding\.volumes\.splitAtPages/);
    try {
      loadProfileFile(file);
    } catch (e) {
      expect((e as { code: string }).code).toBe('bad_profile');
      expect((e as { messageZh: string }).messageZh).toContain(file);
    }
  });

  it('load a profile without binding rules (catalogue only) but refuse to bind with it', () => {
    const dir = tmpDir();
    const p = JSON.parse(readFileSync(HENAN, 'utf8'));
    delete p.binding;
    writeFileSync(path.join(dir, 'plain.json'), JSON.stringify(p));
    const loaded = loadProfileFile(path.join(dir, 'plain.json'));
    expect(() => requireBinding(loaded)).toThrowError(/binding is missing/);
    copyFileSync(HENAN, path.join(dir, 'ok.json'));
    expect(checkProfileFile(path.join(dir, 'ok.json')).ok).toBe(true);
  });
});
