import path from 'node:path';
import type { OpName, OpOutput, OpResult } from '../../../src/api/contract.js';
import { openCore } from '../../../src/app-core.js';
import { scanJpeg } from '../../helpers/fixtures.js';
import { tmpDir } from '../../helpers/tmp.js';

export const PASSWORD = 'secret-pass-1';

export type SearchCore = Awaited<ReturnType<typeof openCore>>;

/** A signed-in admin over a real archive (created when missing), calling the contract as the UI does. */
export interface Client {
  core: SearchCore;
  call<N extends OpName>(name: N, input: unknown): Promise<OpOutput<N>>;
  raw<N extends OpName>(name: N, input: unknown): Promise<OpResult<N>>;
  close(): Promise<void>;
}

export async function client(archiveDir: string): Promise<Client> {
  const core = await openCore({ archiveDir, createIfMissing: true });
  const status = await core.invoke('auth.status', {}, { transport: 'direct' });
  const r =
    status.ok && status.value.needsSetup
      ? await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD }, { transport: 'direct' })
      : await core.invoke('auth.login', { username: 'admin', password: PASSWORD }, { transport: 'direct' });
  if (!r.ok) throw new Error(r.error.message);
  const token = r.value.token;
  const raw = <N extends OpName>(name: N, input: unknown) => core.invoke(name, input, { transport: 'direct', sessionToken: token }) as Promise<OpResult<N>>;
  return {
    core,
    raw,
    async call(name, input) {
      const res = await raw(name, input);
      if (!res.ok) throw new Error(`${name}: ${res.error.message} / ${res.error.messageZh}`);
      return res.value;
    },
    async close() {
      await core.footage.close();
      core.close();
    },
  };
}

/** Adds a one-page scanned document to a case through the normal ops. */
export async function addDocument(c: Client, caseId: number, meta: { kind: string; title: string; docNo?: string; date?: string }): Promise<number> {
  const file = await scanJpeg(path.join(tmpDir(), 'scan.jpg'));
  const staged = await c.call('upload.stagePath', { path: file });
  const doc = await c.call('document.add', { caseId, ...meta, files: [{ stagedId: staged.stagedId }] });
  return doc.id;
}
