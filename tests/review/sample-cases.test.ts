/**
 * The five shared sample cases, as `npm run demo` builds them (scans, body-cam clips ingested and
 * linked, officers registered, four dossiers sealed), checked by every automatic rule: no false
 * findings. The one thing the checks must find is the demo's own story — 刘振国's certificate lapsed
 * from 2024-08-01 to 2024-09-01, so the August 笔录 of the unsealed case 44号 had one certified
 * officer — and they must find it with the article and the pages as bound.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../src/app-core.js';
import { buildDemo, DEMO_PASSWORD_DEFAULT, type DemoReport } from '../../src/demo/build-demo.js';
import { resourcesDir } from '../../src/resources/paths.js';
import type { CheckReport } from '../../src/domain/review-finding.js';
import { RULE_IDS } from '../../src/review/rules/index.js';

let work: string;
let report: DemoReport;
let core: Awaited<ReturnType<typeof openCore>>;
const reports = new Map<string, CheckReport>();

describe('the automatic checks on the five sample cases', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'jz-review-samples-'));
    report = await buildDemo({ archiveDir: path.join(work, 'archive'), resourcesDir: resourcesDir() });
    core = await openCore({ archiveDir: report.archive });
    const login = await core.invoke('auth.login', { username: 'pingcha', password: DEMO_PASSWORD_DEFAULT }, { transport: 'direct' });
    if (!login.ok) throw new Error(login.error.message);
    for (const c of report.cases) {
      const r = await core.invoke('review.check', { caseNo: c.caseNo }, { transport: 'direct', sessionToken: login.value.token });
      if (!r.ok) throw new Error(r.error.message);
      reports.set(c.caseNo, r.value);
    }
  }, 600_000);

  afterAll(async () => {
    await core?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('runs every rule on every case', () => {
    expect(reports.size).toBe(5);
    for (const r of reports.values()) expect(r.checked).toEqual([...RULE_IDS]);
  });

  it('finds nothing wrong and leaves nothing undecided in the four sealed dossiers', () => {
    const sealed = report.archived.map((a) => a.caseNo);
    expect(sealed).toHaveLength(4);
    for (const caseNo of sealed)
      expect(
        reports.get(caseNo)!.findings.map((f) => `${f.ruleId}: ${f.titleZh}`),
        caseNo,
      ).toEqual([]);
  });

  it('finds only the lapsed certificate in the unsealed case, on the pages of the August 笔录', () => {
    const r = reports.get('青石综执罚立〔2024〕44号')!;
    expect(r.findings.map((f) => `${f.outcome} ${f.ruleId}: ${f.titleZh}`)).toEqual([
      'fail procedure.two-officers: 现场检查(勘验)笔录持证执法人员不足两人',
      'fail procedure.two-officers: 现场检查(勘验)笔录持证执法人员不足两人',
      'fail procedure.two-officers: 询问笔录持证执法人员不足两人',
      'fail officer.certificate-valid: 刘振国执法时未持有效执法证',
    ]);
    const cert = r.findings[3]!;
    expect(cert.basis).toEqual({ law: '行政处罚法', article: '第四十二条' });
    expect(cert.detailZh).toContain('已于 2024-07-31 到期');
    const pages = cert.places.map((p) => (p.kind === 'document' ? p.page : null));
    expect(pages.every((p) => typeof p === 'number' && p > 0)).toBe(true);
    expect(new Set(pages).size).toBe(3);
  });
});
