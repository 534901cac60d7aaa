import path from 'node:path';
import type { OpName, OpOutput } from '../../src/api/contract.js';
import type { ErrorPayload } from '../../src/api/errors.js';
import { openCore } from '../../src/app-core.js';
import { makeVideo } from '../footage/helpers/media.js';
import { sampleCase } from '../helpers/fixtures.js';

export const PASSWORD = 'secret-pass-1';

/** A clock the test moves forward. */
export class TestClock {
  t: number;
  constructor(iso = '2026-12-02T02:00:00.000Z') {
    this.t = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export type RetrievalCore = Awaited<ReturnType<typeof openCore>>;

export interface Caller {
  token: string;
  call<N extends OpName>(name: N, input: unknown): Promise<OpOutput<N>>;
  fail(name: OpName, input: unknown): Promise<ErrorPayload>;
}

/**
 * An archive with users 管理员 (admin), 两位领导 (lead, lead2), 档案员 (arch), 评查员 (insp); two
 * real H.264 clips recorded 2024-03-11 09:40 and 2024-03-12 15:00 (+08:00); the first linked to a case.
 */
export async function retrievalWorld(dir: string, clock = new TestClock()) {
  const core = await openCore({ archiveDir: path.join(dir, 'archive'), createIfMissing: true, clock });
  const setup = await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD }, { transport: 'direct' });
  if (!setup.ok) throw new Error(setup.error.message);
  const callerOf = (token: string): Caller => ({
    token,
    async call(name, input) {
      const r = await core.invoke(name, input, { transport: 'direct', sessionToken: token });
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message}`), { payload: r.error });
      return r.value as never;
    },
    async fail(name, input) {
      const r = await core.invoke(name, input, { transport: 'direct', sessionToken: token });
      if (r.ok) throw new Error(`${name} succeeded but should have failed`);
      return r.error;
    },
  });
  const admin = callerOf(setup.value.token);
  const users: [string, string, string][] = [
    ['lead', '赵领导', 'supervisor'],
    ['lead2', '钱领导', 'supervisor'],
    ['arch', '孙档案', 'archivist'],
    ['insp', '李评查', 'inspector'],
  ];
  const ids: Record<string, number> = { admin: setup.value.user.id };
  for (const [username, displayName, role] of users) ids[username] = (await admin.call('user.create', { username, displayName, role, password: PASSWORD })).id;
  const login = async (username: string): Promise<Caller> => {
    const r = await core.invoke('auth.login', { username, password: PASSWORD }, { transport: 'direct' });
    if (!r.ok) throw new Error(r.error.message);
    return callerOf(r.value.token);
  };
  const cam = path.join(dir, 'cam');
  makeVideo(path.join(cam, 'A001.mp4'), { seconds: 4, creation: '2024-03-11T01:40:32Z', tag: 'a' });
  makeVideo(path.join(cam, 'A002.mp4'), { seconds: 3, creation: '2024-03-12T07:00:00Z', tag: 'b' });
  const arch = await login('arch');
  await arch.call('footage.ingest', { source: cam, derive: 'skip' });
  const list = await arch.call('footage.list', {});
  const byName = (n: string) => list.items.find((c) => c.originalName === n)!.id;
  const clipA = byName('A001.mp4');
  const clipB = byName('A002.mp4');
  const kase = await arch.call('case.create', sampleCase());
  await arch.call('footage.link', { clipIds: [clipA], caseId: kase.id });
  return { core, clock, admin, arch, login, ids, clipA, clipB, caseId: kase.id };
}
