import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, DocumentInfo } from '../../src/api/types.js';
import { openCore } from '../../src/app-core.js';
import { projectRoot } from '../../src/resources/paths.js';
import { walkFiles } from '../helpers/kill-at-marker.js';
import { tmpDir } from '../helpers/tmp.js';

const root = projectRoot();
const EXAMPLE = JSON.parse(readFileSync(path.join(root, 'resources', 'sample', 'case-example.json'), 'utf8')) as Record<string, unknown> & { caseNo: string };
const { documents: _d, ...CASE } = EXAMPLE;
const PAGE = path.join(root, 'resources', 'sample', 'case-example-page1.jpg');

async function open() {
  const dir = path.join(tmpDir(), 'archive');
  const core = await openCore({ archiveDir: dir, createIfMissing: true });
  const session: { token?: string } = {};
  const call = (op: string, input: unknown) => core.invoke(op, input, { transport: 'direct', ...(session.token ? { sessionToken: session.token } : {}) });
  const ok = async <T>(op: string, input: unknown): Promise<T> => {
    const r = await call(op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    return r.value as T;
  };
  session.token = (await ok<{ token: string }>('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' })).token;
  const stage = async (file: string) => ({ stagedId: (await ok<{ stagedId: string }>('upload.stagePath', { path: file })).stagedId });
  return { dir, core, call, ok, stage };
}

describe('no half-writes', () => {
  it('case.register with a bad second document registers nothing: no case, no document, no object, no audit entry', async () => {
    const { dir, core, call, stage } = await open();
    try {
      const bad = path.join(tmpDir(), '送达回证.jpg');
      writeFileSync(bad, 'this is not a JPEG, only its name says so');
      const auditBefore = core.archive.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
      const r = await call('case.register', {
        case: CASE,
        documents: [
          { kind: 'CFJDS', title: '处罚决定书', files: [await stage(PAGE)] },
          { kind: 'SDHZ', title: '送达回证', files: [await stage(bad)] },
        ],
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('送达回证.jpg');
      expect(core.archive.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
      expect(core.archive.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
      expect(walkFiles(path.join(dir, 'objects'))).toEqual([]);
      expect(core.archive.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
      expect(walkFiles(path.join(dir, 'inflight'))).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('an unknown kind in the third document is refused before anything is read or written, naming the document', async () => {
    const { core, call, stage } = await open();
    try {
      const r = await call('case.register', {
        case: CASE,
        documents: [
          { kind: 'CFJDS', title: '处罚决定书', files: [await stage(PAGE)] },
          { kind: 'CFJDS', title: '处罚决定书副本', files: [await stage(PAGE)] },
          { kind: '不存在的文书', title: '第三件', files: [await stage(PAGE)] },
        ],
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.messageZh).toContain('第 3 件文书（第三件）');
      expect(core.archive.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    } finally {
      await core.close();
    }
  });

  it('the same case file and the same document filed again are the existing ones, said so; a different case under the 案号 is still refused', async () => {
    const { core, call, ok, stage } = await open();
    try {
      const docs = async () => [{ kind: 'CFJDS', title: '处罚决定书', files: [await stage(PAGE)] }];
      const first = await ok<CaseDetail>('case.register', { case: CASE, documents: await docs() });
      expect(first.alreadyRegistered).toBeUndefined();
      const again = await ok<CaseDetail>('case.register', { case: CASE, documents: await docs() });
      expect(again).toMatchObject({ id: first.id, alreadyRegistered: true, documentCount: 1 });
      const changed = await call('case.register', { case: { ...CASE, title: '另一个案件' }, documents: await docs() });
      expect(changed.ok).toBe(false);
      if (!changed.ok) expect(changed.error.code).toBe('duplicate');

      const add = async () => ok<DocumentInfo>('document.add', { caseId: first.id, kind: 'SDHZ', title: '送达回证', files: [await stage(PAGE)] });
      const d1 = await add();
      const d2 = await add();
      expect(d2).toMatchObject({ id: d1.id, alreadyFiled: true });
      expect(core.archive.db.prepare("SELECT count(*) AS n FROM documents WHERE title = '送达回证'").get()).toEqual({ n: 1 });
      expect(core.archive.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.add'").get()).toEqual({ n: 2 });
    } finally {
      await core.close();
    }
  });
});
