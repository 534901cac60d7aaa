import { expect } from 'vitest';
import { type Harness, openHarness, PASSWORD, seedCase, seedSamples, setupUsers } from '../../dossier/helpers/harness.js';
import { sampleCase } from '../../helpers/fixtures.js';

export interface ReviewSetup {
  h: Harness;
  tokens: { admin: string; archivist: string; inspector: string; inspector2: string; supervisor: string };
  ids: number[];
  /** A case filed with only a 询问笔录 (the automatic checks find documents missing), sealed after acknowledging. */
  thin: number;
  year: number;
}

/** An archive with the five samples and one thin case sealed, two inspectors and a 领导. */
export async function reviewSetup(dir: string): Promise<ReviewSetup> {
  const h = await openHarness(dir);
  const t = await setupUsers(h);
  await h.ok('user.create', { username: 'pingcha2', displayName: '评查员乙', role: 'inspector', password: PASSWORD }, t.admin);
  await h.ok('user.create', { username: 'lingdao', displayName: '领导', role: 'supervisor', password: PASSWORD }, t.admin);
  const inspector2 = (await h.ok('auth.login', { username: 'pingcha2', password: PASSWORD })).token;
  const supervisor = (await h.ok('auth.login', { username: 'lingdao', password: PASSWORD })).token;
  const ids = await seedSamples(h);
  for (const id of ids) await h.ok('dossier.seal', { caseId: id });
  const thin = await seedCase(h, sampleCase({ caseNo: '测试罚〔2024〕99号' }), [{ kind: 'XWBL', title: '询问笔录', date: '2024-03-13', pages: 2 }]);
  const preview = await h.ok('dossier.preview', { caseId: thin });
  for (const w of preview.blockers) await h.ok('dossier.acknowledge', { caseId: thin, warning: w.key, reason: '测试案件，仅有询问笔录' });
  await h.ok('dossier.seal', { caseId: thin });
  const years = h.archive.db.prepare('SELECT DISTINCT archive_year AS y FROM dossier_versions WHERE status = ?').all('sealed') as { y: number }[];
  expect(years).toHaveLength(1);
  return { h, tokens: { ...t, inspector2, supervisor }, ids, thin, year: years[0]!.y };
}
