/**
 * The demo's 评查 problem dossier (src/demo/review-problem-case.ts), built through the app's own
 * operations on a real archive with the demo's officer register: sealed, and its automatic checks find
 * exactly its two true problems — the 行政处罚决定书 served after 7 working days (pinned to the
 * 送达回证's page as bound) and the 查封扣押 recorded only on the day before (pinned to the clip) —
 * and nothing else (the rest of the case is the clean sample it was copied from).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDemoOfficers } from '../../src/demo/officer-demo.js';
import { addDemoProblemCase, PROBLEM_CASE_NO, PROBLEM_SERVED, problemSample } from '../../src/demo/review-problem-case.js';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import { findKind } from '../../src/domain/profile.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { type Harness, openHarness, setupUsers } from '../dossier/helpers/harness.js';
import { tmpDir } from '../helpers/tmp.js';

let open: Harness | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('the demo 评查 problem dossier', () => {
  it('is a renamed copy of the seizure sample with the decision served late and one wrong-day seizure clip', () => {
    const samples = loadSampleCases(resourcesDir());
    const s = problemSample(samples)!;
    expect(s.case.caseNo).toBe(PROBLEM_CASE_NO);
    expect(JSON.stringify(s)).not.toContain('冯玉成');
    const sdhz = s.documents.find((d) => d.title === '行政处罚决定书送达回证')!;
    expect(sdhz.date).toBe(PROBLEM_SERVED);
    expect(sdhz.body.join('\n')).toContain('2024年3月4日');
    expect(s.bodycam).toHaveLength(1);
    expect(s.bodycam[0]).toMatchObject({ activity: '查封扣押', start: '2024-01-28T16:05:10+08:00' });
    expect(samples.some((x) => x.bodycam.some((c) => c.fileName === s.bodycam[0]!.fileName))).toBe(false);
  });

  it('seals, and review.check finds the late service on the 送达回证 page and the seizure clip of the wrong day, nothing else', async () => {
    const dir = tmpDir('jz-problem-');
    const h = await openHarness(dir);
    open = h;
    const t = await setupUsers(h);
    const samples = loadSampleCases(resourcesDir());
    const call = ((name: never, input: unknown) => h.ok(name, input, t.archivist)) as never;
    await addDemoOfficers({ call, samples, log: () => undefined });
    const made = await addDemoProblemCase({
      call,
      samples,
      scratch: tmpDir('jz-problem-scratch-'),
      kindName: (k) => findKind(h.archive.profile, k)?.name ?? k,
      sealOptions: { checker: '检查人', fondsNo: 'Z109', catalogNo: 'WS' },
      log: () => undefined,
    });
    expect(made?.caseNo).toBe(PROBLEM_CASE_NO);
    expect(made?.archiveNo).toMatch(/^2024\d{4}$/);
    const detail = await h.ok('case.get', { caseNo: PROBLEM_CASE_NO }, t.archivist);
    const dossier = await h.ok('dossier.get', { caseId: detail.id }, t.archivist);
    expect(dossier.status).toBe('sealed');

    const report = await h.ok('review.check', { caseId: detail.id }, t.inspector);
    const summary = report.findings.map((f) => `${f.ruleId}:${f.outcome}:${f.titleZh}`);
    expect(report.findings.map((f) => f.ruleId).sort(), summary.join(' | ')).toEqual(['deadline.service-7wd', 'footage.full-recording']);
    expect(report.findings.every((f) => f.outcome === 'fail')).toBe(true);

    const late = report.findings.find((f) => f.ruleId === 'deadline.service-7wd')!;
    expect(late.detailZh).toContain('2024-03-01');
    const served = late.places.find((p) => p.kind === 'document' && p.title === '行政处罚决定书送达回证');
    expect(served).toBeDefined();
    // The page as bound: the sealed dossier's page of that document.
    const pageOfDoc = dossier.pages.volumes
      .flatMap((v) => v.pages)
      .find((p) => p.kind === 'document' && served!.kind === 'document' && p.document.documentId === served!.documentId);
    expect(served!.kind === 'document' && served!.page).toBe(pageOfDoc?.number);

    const footage = report.findings.find((f) => f.ruleId === 'footage.full-recording')!;
    const clip = footage.places.find((p) => p.kind === 'clip');
    expect(clip).toMatchObject({ kind: 'clip', second: 0, fileName: expect.stringContaining('20240128160510') });
  }, 240_000);
});
