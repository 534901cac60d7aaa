/**
 * A real archive for the export tests, built through the core's own operations: the 简易程序 sample
 * case (5 documents, 6 scanned JPEG pages) with its three body-cam clips ingested and linked (optional),
 * bound and sealed; and a second case left unsealed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { OpInput, OpName, OpOutput } from '../../src/api/contract.js';
import type { ErrorPayload } from '../../src/api/errors.js';
import { openCore } from '../../src/app-core.js';
import { addDemoFootage } from '../../src/demo/footage-demo.js';
import { loadSampleCases } from '../../src/demo/sample-cases.js';
import type { FilePort } from '../../src/ports/file-port.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { scanJpeg } from '../helpers/fixtures.js';

export const PASSWORD = 'secret-pass-1';
export const ARCHIVE_NAME = '青石镇综合行政执法大队卷宗档案库（测试）';

export type Core = Awaited<ReturnType<typeof openCore>>;

export interface ExportFixture {
  core: Core;
  caseNo: string;
  caseId: number;
  unsealedCaseNo: string;
  unsealedCaseId: number;
  tokens: { admin: string; archivist: string; inspector: string; supervisor: string };
  /** Calls as the archivist (or the given token); throws with the error payload. */
  call<N extends OpName>(name: N, input: OpInput<N>, token?: string): Promise<OpOutput<N>>;
  /** Calls and returns the result envelope. */
  attempt<N extends OpName>(name: N, input: OpInput<N>, token?: string): Promise<{ ok: true; value: OpOutput<N> } | { ok: false; error: ErrorPayload }>;
}

/** `files`: the file port the core writes through (fault tests inject a full disk or a read-only folder). */
export async function buildExportArchive(dir: string, o: { footage: boolean; files?: FilePort }): Promise<ExportFixture> {
  const archiveDir = path.join(dir, 'archive');
  const core = await openCore({ archiveDir, createIfMissing: true, ...(o.files ? { files: o.files } : {}) });
  core.archive.meta.set('name', ARCHIVE_NAME);
  // 全宗号 / 目录号: sealing composes the 档号 from them (the export folder's name).
  core.archive.meta.set('fonds_no', 'Z109');
  core.archive.meta.set('catalog_no', 'ZF');
  let token = '';
  const attempt: ExportFixture['attempt'] = async (name, input, t) =>
    (await core.invoke(name, input, { transport: 'direct', ...((t ?? token) ? { sessionToken: t ?? token } : {}) })) as never;
  const call: ExportFixture['call'] = async (name, input, t) => {
    const r = await attempt(name, input, t);
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message} / ${r.error.messageZh}`), { payload: r.error });
    return r.value;
  };
  const admin = (await call('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD })).token;
  token = admin;
  await call('user.create', { username: 'dangan', displayName: '孙丽娟', role: 'archivist', password: PASSWORD });
  await call('user.create', { username: 'pingcha', displayName: '王评查', role: 'inspector', password: PASSWORD });
  await call('user.create', { username: 'lingdao', displayName: '周立新', role: 'supervisor', password: PASSWORD });
  const archivist = (await call('auth.login', { username: 'dangan', password: PASSWORD })).token;
  const inspector = (await call('auth.login', { username: 'pingcha', password: PASSWORD })).token;
  const supervisor = (await call('auth.login', { username: 'lingdao', password: PASSWORD })).token;
  token = archivist;

  const samples = loadSampleCases(resourcesDir());
  const sample = samples[1]!;
  const created = await call('case.create', sample.case);
  const scratch = path.join(dir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  let n = 0;
  for (const d of sample.documents) {
    const files = [];
    for (let p = 0; p < d.pages; p++) {
      const file = await scanJpeg(path.join(scratch, `p${++n}.jpg`), { width: 420 + n * 10 });
      files.push({ stagedId: (await call('upload.stagePath', { path: file })).stagedId });
    }
    await call('document.add', { caseId: created.id, kind: d.kind, title: d.title, docNo: d.docNo, responsible: d.responsible, date: d.date, files });
  }
  if (o.footage) await addDemoFootage({ call: (name, input) => call(name as OpName, input as never), samples: [sample], scratch, seconds: 1 });
  const preview = await call('dossier.preview', { caseId: created.id });
  for (const w of preview.blockers.filter((i) => i.severity === 'warning'))
    await call('dossier.acknowledge', { caseId: created.id, warning: w.key, reason: '测试数据' });
  await call('dossier.seal', { caseId: created.id, checker: '周立新' });
  const other = await call('case.create', samples[4]!.case);
  return {
    core,
    caseNo: created.caseNo,
    caseId: created.id,
    unsealedCaseNo: other.caseNo,
    unsealedCaseId: other.id,
    tokens: { admin, archivist, inspector, supervisor },
    call,
    attempt,
  };
}
