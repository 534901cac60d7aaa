import type { OpInput, OpName, OpOutput } from '../api/contract.js';
import type { AppCore } from '../app-core.js';

/**
 * 调阅 in the demo: 档案员's request approved by 领导 (and watched under the grant), a pending one, an
 * inspector's rejected one; 领导's 实时调阅 with marks — so a newcomer sees the workflow filled in.
 */
export async function addDemoRetrieval(
  core: AppCore,
  password: string,
  log: (line: string) => void,
): Promise<{ requests: number; views: number; marks: number } | null> {
  let token: string | undefined;
  const call = async <N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
    const r = await core.invoke(name, input, { transport: 'direct', ...(token ? { sessionToken: token } : {}) });
    if (!r.ok) throw new Error(`${name}: ${r.error.message} / ${r.error.messageZh}`);
    return r.value as OpOutput<N>;
  };
  const as = async (username: string) => (token = (await call('auth.login', { username, password })).token);
  await as('lingdao');
  const clips = (await call('footage.list', { kind: 'video', limit: 20 })).items.filter((c) => !c.disposed);
  const [a, b, c] = clips;
  if (!a || !b) return null;
  const until = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const view = async (clipId: number, segments: [number, number][]) => {
    const v = await call('retrieval.viewStart', { clipId });
    await call('retrieval.viewEnd', { viewId: v.viewId, segments });
  };
  const dur = (x: typeof a) => Math.max(1, Math.floor(x.durationSec ?? 4));

  // 领导: 实时调阅 and two marks.
  await view(a.id, [[0, dur(a)]]);
  await call('retrieval.mark', { clipId: a.id, second: Math.min(1, dur(a)), note: '出示执法证件' });
  await call('retrieval.mark', { clipId: a.id, second: Math.min(2, dur(a)), note: '告知陈述申辩权利' });

  // 档案员: one request approved and watched, one pending.
  await as('dangan');
  const approved = await call('retrieval.request', {
    reason: '核查当事人投诉执法过程',
    purpose: 'complaint',
    scope: { clipIds: [a.id, b.id] },
    until,
    allowCopy: true,
  });
  const pending = await call('retrieval.request', {
    reason: '行政复议答复需调取现场录像',
    purpose: 'litigation',
    scope: c ? { clipIds: [c.id] } : { clipIds: [b.id] },
    until,
  });
  await as('pingcha');
  const rejected = await call('retrieval.request', { reason: '了解执法情况', purpose: 'other', scope: { clipIds: [b.id] }, until });
  await as('lingdao');
  await call('retrieval.approve', { id: approved.id, comment: '同意调阅，限本次投诉核查使用' });
  await call('retrieval.reject', { id: rejected.id, comment: '事由不具体，请说明评查任务后重新申请' });
  await as('dangan');
  await view(b.id, [[0, Math.min(3, dur(b))]]);
  log(`调阅：申请 3 件（#${approved.id} 已批准、#${pending.id} 待审批、#${rejected.id} 已驳回），调阅 2 次，标记 2 处`);
  return { requests: 3, views: 2, marks: 2 };
}
