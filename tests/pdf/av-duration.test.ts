import { describe, expect, it } from 'vitest';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { bindCase } from '../../src/binding/bind.js';
import { pageModel } from '../../src/binding/page-model.js';
import { renderVolumes } from '../../src/pdf/from-page-model.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { CTX, profile, sampleAv, sampleInputs } from '../dossier/helpers/sample-input.js';

// The 卷内目录 row of an AV item and its 视听资料证据 sheet print the same duration, from the one
// formatter, rounded before it is split (59.7 s used to print "0分60秒" in the row title).
describe('AV duration on the 目录 row and the 视听资料证据 sheet', () => {
  it('prints 59.7 s as 1分00秒 and 3723 s as 1小时02分03秒 in both places', () => {
    const sample = loadSampleCases(resourcesDir())[2]!;
    const [first, second] = sampleAv(sample);
    expect(second, 'the sample case has two clips').toBeDefined();
    const av = [
      { ...first!, durationSec: 59.7 },
      { ...second!, durationSec: 3723 },
    ];
    const bound = bindCase(profile('henan-township-2016'), { ...sampleInputs()[2]!, av }, CTX);
    const titles = bound.volumes.flatMap((v) => v.entries.map((e) => e.title)).filter((t) => t.includes('.MP4') || t.includes('.mp4'));
    expect(titles.some((t) => t.includes(`${first!.fileName}`) && t.includes('1分00秒'))).toBe(true);
    expect(titles.some((t) => t.includes(`${second!.fileName}`) && t.includes('1小时02分03秒'))).toBe(true);
    expect(titles.join('\n')).not.toMatch(/60秒/);

    const volumes = renderVolumes(pageModel(bound), {
      author: '青石镇综合行政执法大队',
      createdAt: new Date('2024-12-10T10:00:00+08:00'),
      archiveNo: bound.archiveNo,
      retention: bound.retention.label,
      resolvePage: () => ({ image: { file: '/nonexistent.jpg' } }),
      contactSheet: () => null,
    });
    const sheets = volumes.flatMap((v) => v.pages).flatMap((p) => (p.kind === 'sheet' && p.sheet.kind === 'av' ? [p.sheet] : []));
    const durationOf = (fileName: string) => {
      const s = sheets.find((x) => x.fields.some((f) => f.label === '文件名' && f.value === fileName));
      return s?.fields.find((f) => f.label === '时长')?.value;
    };
    expect(durationOf(first!.fileName)).toBe('1分00秒');
    expect(durationOf(second!.fileName)).toBe('1小时02分03秒');
  });
});
