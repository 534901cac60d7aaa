import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpInput, OpName, OpOutput } from '../api/contract.js';
import { archiveLayout } from '../archive/layout.js';
import { openCore } from '../app-core.js';
import { findKind } from '../domain/profile.js';
import type { Role } from '../domain/roles.js';
import { openDb } from '../storage/db.js';
import { MetaRepo } from '../storage/repos/meta-repo.js';
import { addDemoFootage, type DemoFootageReport } from './footage-demo.js';
import { addDemoOfficers } from './officer-demo.js';
import { addDemoReview } from './review-demo.js';
import { addDemoProblemCase } from './review-problem-case.js';
import { enterSampleCase } from './enter-sample-case.js';
import { addDemoRetrieval } from './retrieval-demo.js';
import { loadSampleCases } from './sample-cases.js';

export const DEMO_PASSWORD_DEFAULT = 'juanzong-demo';

/** 全宗号 and 目录号 of the demo's 档号 (Z109-WS-0001 …), as the archives office would assign them. */
export const DEMO_ARCHIVE_CODE = { fondsNo: 'Z109', catalogNo: 'WS' };

/** Marks a folder of demo exports, so the next demo may replace it (and never a folder it did not make). */
const EXPORTS_MARK = '.juanzong-demo-exports';

export const DEMO_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'dangan', displayName: '孙丽娟（档案员）', role: 'archivist' },
  { username: 'lingdao', displayName: '周立新（大队长）', role: 'supervisor' },
  { username: 'pingcha', displayName: '县司法局评查员', role: 'inspector' },
];

/** Recorded deviations from the profile order in the demo (moved document → before which document, why). */
const DEMO_REORDER: Record<string, { title: string; before: string; reason: string }[]> = {
  '青石综执罚立〔2024〕15号': [
    { title: '吕德旺违法建设强制拆除集体讨论笔录', before: '吕德旺违法建设强制执行决定书', reason: '强制拆除集体讨论属执行阶段材料，随强制执行决定归档' },
    {
      title: '强制拆除前、中、后现场照片（9张）',
      before: '吕德旺未取得乡村建设规划许可证进行建设案结案审批表',
      reason: '强制拆除现场照片随强制拆除现场笔录归档',
    },
  ],
};

export interface DemoReport {
  archive: string;
  password: string;
  users: typeof DEMO_USERS;
  cases: { caseNo: string; title: string; procedure: string; documents: number; pages: number }[];
  totals: { cases: number; documents: number; pages: number };
  archived: { caseNo: string; archiveNo: string; archiveCode: string; volumes: number; pages: number; avItems: number }[];
  /** Where the sealed dossiers were exported (PDF/A volumes and 移交包), or null when the folder was taken. */
  exports: { folder: string; dossiers: { caseNo: string; folder: string; package: string | null; files: string[]; pages: number }[] } | null;
  footage: DemoFootageReport;
  /** The sealed dossier with true problems for 评查 (not a sample, not exported), or null. */
  reviewProblem: { caseNo: string; archiveNo: string } | null;
  auditEntries: number;
  seconds: number;
}

/**
 * Builds the sample archive from resources/sample/cases.json: accounts, the five cases, every
 * document with generated scan pages that show its own text. A folder that is a previous demo
 * archive is rebuilt; any other non-empty folder is refused.
 */
export async function buildDemo(opts: { archiveDir: string; resourcesDir: string; password?: string; log?: (line: string) => void }): Promise<DemoReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const layout = archiveLayout(opts.archiveDir);
  if (existsSync(layout.catalog)) {
    const db = openDb(layout.catalog, { readonly: true });
    const isDemo = new MetaRepo(db).get('demo') === '1';
    db.close();
    if (!isDemo) throw new Error(`${layout.root} holds an archive that is not a demo; refusing to overwrite it / 该文件夹中是正式档案库，拒绝覆盖`);
    rmSync(layout.root, { recursive: true, force: true });
  }
  const password = opts.password ?? DEMO_PASSWORD_DEFAULT;
  const samples = loadSampleCases(opts.resourcesDir);
  const core = await openCore({ archiveDir: layout.root, createIfMissing: true, resourcesDir: opts.resourcesDir });
  const scratch = mkdtempSync(path.join(tmpdir(), 'juanzong-demo-'));
  try {
    core.archive.meta.set('demo', '1');
    core.archive.meta.set('name', '青石镇综合行政执法大队卷宗档案库（演示）');
    let token: string | undefined;
    const call = async <N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
      const r = await core.invoke(name, input, { transport: 'direct', ...(token ? { sessionToken: token } : {}) });
      if (!r.ok) throw new Error(`${name}: ${r.error.message} / ${r.error.messageZh}`);
      return r.value as OpOutput<N>;
    };
    const [adminUser, ...others] = DEMO_USERS;
    token = (await call('auth.setup', { username: adminUser!.username, displayName: adminUser!.displayName, password })).token;
    for (const u of others) await call('user.create', { ...u, password });
    token = (await call('auth.login', { username: 'dangan', password })).token;

    const kindName = (k: string) => findKind(core.archive.profile, k)?.name ?? k;
    const cases: DemoReport['cases'] = [];
    for (const sample of samples) {
      const detail = await enterSampleCase({ call, sample, scratch, kindName });
      log(`登记案件 ${detail.caseNo} ${detail.title}`);
      cases.push({ caseNo: detail.caseNo, title: detail.title, procedure: detail.procedure, documents: detail.documentCount, pages: detail.pageCount });
      log(`  文书 ${detail.documentCount} 件，扫描页 ${detail.pageCount} 页`);
    }
    // 音像: the sample cases' body-camera clips, generated with ffmpeg, ingested and linked before
    // sealing, so each sealed dossier carries its 视听资料证据 sheets.
    const footage = await addDemoFootage({ call: (n, i) => call(n as OpName, i as never), samples, scratch, log });
    await addDemoOfficers({ call: (n, i) => call(n as OpName, i as never), samples, log });
    // 文字识别: the scans are read before sealing, so the exported volumes carry their text layer and
    // the 调阅 search finds words that appear only inside a scan.
    const ocr = await call('ocr.run', {});
    log(`文字识别 OCR：${ocr.done} 页已识别，${ocr.flagged} 页需人工查看`);
    // 立卷/归档: bind each sample case by the default profile and seal it (the samples bind cleanly).
    // The demolition case shows a recorded reorder: its enforcement photos and discussion go with the execution material.
    const archived: DemoReport['archived'] = [];
    // The last sample case is left unsealed, so a newcomer can bind and seal one in the UI.
    for (const c of cases.slice(0, -1)) {
      const detail = await call('case.get', { caseNo: c.caseNo });
      const preview = await call('dossier.preview', { caseId: detail.id });
      // Documents only: AV evidence sheets (no document id) keep the place the profile gives them.
      const entries = preview.bound.volumes.flatMap((v) =>
        v.entries.flatMap((e) => e.parts.flatMap((p) => (p.documentId === null ? [] : [{ id: p.documentId, title: p.title }]))),
      );
      const moves = DEMO_REORDER[c.caseNo];
      if (moves) {
        const order = entries.map((e) => e.id!).filter((id) => !moves.some((m) => entries.find((e) => e.id === id)!.title === m.title));
        const reasons: Record<string, string> = {};
        for (const m of moves) {
          const id = entries.find((e) => e.title === m.title)!.id!;
          order.splice(order.indexOf(entries.find((e) => e.title === m.before)!.id!), 0, id);
          reasons[String(id)] = m.reason;
        }
        await call('dossier.reorder', { caseId: detail.id, order, reasons });
      }
      for (const w of preview.blockers.filter((i) => i.severity === 'warning'))
        await call('dossier.acknowledge', { caseId: detail.id, warning: w.key, reason: '演示数据' });
      const sealed = await call('dossier.seal', { caseId: detail.id, checker: '周立新（大队长）', ...DEMO_ARCHIVE_CODE });
      archived.push({
        caseNo: c.caseNo,
        archiveNo: sealed.version?.archiveNo ?? '',
        archiveCode: sealed.version?.archiveCode ?? '',
        volumes: sealed.bound.volumes.length,
        pages: sealed.bound.totals.pages,
        avItems: sealed.bound.totals.avItems,
      });
      log(`  归档 ${c.caseNo} 归档号 ${sealed.version?.archiveNo ?? ''}`);
    }
    // 导出: every sealed dossier as PDF/A-2b volumes and a 移交包, beside the archive folder.
    const exportsDir = path.join(path.dirname(layout.root), `${path.basename(layout.root)}-exports`);
    let exports: DemoReport['exports'] = null;
    if (existsSync(exportsDir) && !existsSync(path.join(exportsDir, EXPORTS_MARK))) {
      log(`未导出：${exportsDir} 已存在且不是演示导出文件夹 / not exported: the folder exists and is not a demo export`);
    } else {
      rmSync(exportsDir, { recursive: true, force: true });
      mkdirSync(exportsDir, { recursive: true });
      writeFileSync(path.join(exportsDir, EXPORTS_MARK), 'juanzong demo exports\n');
      exports = { folder: exportsDir, dossiers: [] };
      for (const a of archived) {
        const caseId = (await call('case.get', { caseNo: a.caseNo })).id;
        const r = await call('dossier.export', { caseId, out: exportsDir, package: true });
        exports.dossiers.push({ caseNo: a.caseNo, folder: r.folder, package: r.package?.folder ?? null, files: r.volumes.map((v) => v.file), pages: r.pages });
        const four = r.package?.fourness;
        const fourFailed = four?.failures.map((f) => `${f.code ?? ''} ${f.name}: ${f.reason}`) ?? [];
        if (four && !four.passed) throw new Error(`四性检测 of the demo 移交包 ${r.package!.folder} failed: ${fourFailed.join('; ')}`);
        log(
          `  导出 ${a.archiveCode || a.caseNo} → ${path.relative(path.dirname(layout.root), r.folder)}（${r.pages} 页${r.package ? `，含移交包${four ? '，四性检测通过' : ''}` : ''}）`,
        );
      }
    }
    // 评查: one more sealed dossier, with a late 送达 and no same-day seizure recording for the checks to find.
    const reviewProblem = await addDemoProblemCase({
      call,
      samples,
      scratch,
      kindName,
      sealOptions: { checker: '周立新（大队长）', ...DEMO_ARCHIVE_CODE },
      log,
    });
    await call('ocr.run', {}); // the 评查 problem case's scans
    await addDemoReview(core, password, log);
    await addDemoRetrieval(core, password, log);
    const verify = await call('audit.verify', {});
    if (!verify.ok) throw new Error(`audit chain broken right after the demo: ${verify.firstBroken?.reason}`);
    return {
      archive: layout.root,
      password,
      users: DEMO_USERS,
      cases,
      archived,
      footage,
      reviewProblem,
      exports,
      totals: { cases: cases.length, documents: cases.reduce((n, c) => n + c.documents, 0), pages: cases.reduce((n, c) => n + c.pages, 0) },
      auditEntries: verify.checked,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await core.close();
  }
}
