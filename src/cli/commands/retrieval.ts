import path from 'node:path';
import type { OpInput } from '../../api/contract.js';
import type { RetrievalPurpose, RetrievalRequestInfo, RetrievalScopeInfo } from '../../api/types-retrieval.js';
import { signIn } from '../cli-session.js';
import { fail, printJson, table } from '../output.js';
import type { Command } from './command.js';
import { defaultOpener, type SessionOpener } from './footage.js';

const SUBS = ['request', 'approve', 'reject', 'revoke', 'list', 'log'] as const;
const PURPOSES: Record<string, RetrievalPurpose> = {
  supervision: 'supervision',
  监督检查: 'supervision',
  complaint: 'complaint',
  投诉核查: 'complaint',
  litigation: 'litigation',
  复议诉讼: 'litigation',
  'case-review': 'case-review',
  案卷评查: 'case-review',
  other: 'other',
  其他: 'other',
};
const STATUS_ZH = { pending: '待审批', approved: '已批准', rejected: '已驳回' } as const;

function scopeText(s: RetrievalScopeInfo): string {
  if ('caseId' in s) return `案件 ${s.caseNo ?? s.caseId}`;
  if ('clipIds' in s) return `音像 ${s.clipIds.join(',')}`;
  return `${s.from} – ${s.to}`;
}

function positiveId(s: string | undefined, what: string, whatZh: string): number {
  const n = Number(s);
  if (!s || !Number.isInteger(n) || n <= 0) fail(`give the ${what} id (got ${s ?? 'nothing'})`, `请给出${whatZh}编号（收到：${s ?? '无'}）`);
  return n;
}

/**
 * `juanzong retrieval request|approve|reject|revoke|list|log`: 调阅申请 and 调阅记录 from the command
 * line, through the same operations as the 调阅 page. `log --person U` filters by person (--user signs in).
 */
export function makeRetrievalCommand(open: SessionOpener = defaultOpener): Command {
  return {
    name: 'retrieval',
    usage:
      'retrieval request --archive DIR (--case 案号 | --clips ID,… | --from DATETIME --to DATETIME) --until DATE --reason 事由 [--purpose 监督检查|投诉核查|复议诉讼|案卷评查|其他] [--allow-copy]\n' +
      '           retrieval approve|reject ID --comment 意见 | revoke GRANT_ID --reason 理由 | list [--status pending|approved|rejected]\n' +
      '           retrieval log --archive DIR [--clip ID] [--person 用户名] [--from DATE] [--to DATE] [--pdf FILE]',
    options: {
      archive: { type: 'string' },
      user: { type: 'string' },
      case: { type: 'string' },
      clips: { type: 'string' },
      clip: { type: 'string' },
      person: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      until: { type: 'string' },
      reason: { type: 'string' },
      purpose: { type: 'string' },
      'allow-copy': { type: 'boolean' },
      comment: { type: 'string' },
      status: { type: 'string' },
      pdf: { type: 'string' },
    },
    async run({ positionals, values, json }) {
      const [sub, arg] = positionals;
      if (!SUBS.includes(sub as (typeof SUBS)[number]))
        fail(`unknown sub-command "retrieval ${sub ?? ''}" (${SUBS.join(', ')})`, `未知子命令 retrieval ${sub ?? ''}（可用：${SUBS.join('、')}）`);
      const str = (k: string) => (values[k] === undefined ? undefined : String(values[k]));
      const s = await open(str('archive'));
      const out = (v: unknown, text: () => string): void => void (json ? printJson(v) : process.stdout.write(text() + '\n'));
      const requestLine = (r: RetrievalRequestInfo) =>
        `#${r.id} ${STATUS_ZH[r.status]} ${r.requester} ${scopeText(r.scope)} 至 ${r.until}${r.grant ? ` 授权 #${r.grant.id}${r.grant.active ? '' : '（已失效）'}` : ''}`;
      try {
        await signIn(s, str('user'));
        switch (sub) {
          case 'request': {
            const purpose = PURPOSES[str('purpose') ?? 'other'];
            if (!purpose)
              fail(`--purpose must be one of ${Object.keys(PURPOSES).join(', ')}`, `--purpose 只能是 监督检查、投诉核查、复议诉讼、案卷评查 或 其他`);
            const given = [str('case'), str('clips'), str('from') ?? str('to')].filter((x) => x !== undefined).length;
            if (given !== 1) fail('give exactly one of --case, --clips, or --from with --to', '请只给出 --case、--clips 或 --from/--to 其中一种调阅范围');
            let scope: OpInput<'retrieval.request'>['scope'];
            if (str('case')) scope = { caseNo: str('case')! };
            else if (str('clips'))
              scope = {
                clipIds: str('clips')!
                  .split(',')
                  .map((x) => positiveId(x.trim(), 'clip', '音像记录')),
              };
            else {
              if (!str('from') || !str('to')) fail('a time window needs both --from and --to', '时间段需要同时给出 --from 和 --to');
              scope = { from: str('from')!, to: str('to')! };
            }
            if (!str('until')) fail('--until DATE is required (when the access ends)', '必须用 --until 指定调阅截止日期');
            const r = await s.call('retrieval.request', {
              reason: str('reason') ?? '',
              purpose,
              scope,
              until: str('until')!,
              allowCopy: values['allow-copy'] === true,
            });
            out(r, () => `调阅申请已提交 / request filed: ${requestLine(r)}`);
            break;
          }
          case 'approve':
          case 'reject': {
            const id = positiveId(arg, 'request', '调阅申请');
            const r = await s.call(sub === 'approve' ? 'retrieval.approve' : 'retrieval.reject', { id, comment: str('comment') ?? '' });
            out(r, () => requestLine(r));
            break;
          }
          case 'revoke': {
            const grantId = positiveId(arg, 'grant', '调阅授权');
            const r = await s.call('retrieval.revoke', { grantId, reason: str('reason') ?? '' });
            out({ ...r, grantId }, () => `授权 #${grantId} 已撤销 / grant revoked`);
            break;
          }
          case 'list': {
            const status = str('status');
            if (status !== undefined && !['pending', 'approved', 'rejected'].includes(status))
              fail('--status must be pending, approved or rejected', '--status 只能是 pending、approved 或 rejected');
            const r = await s.call('retrieval.list', status ? { status: status as 'pending' } : {});
            out(r, () => (r.length ? r.map(requestLine).join('\n') : '没有调阅申请 / no requests'));
            break;
          }
          case 'log': {
            const filter = {
              ...(str('clip') ? { clipId: positiveId(str('clip'), 'clip', '音像记录') } : {}),
              ...(str('person') ? { username: str('person')! } : {}),
              ...(str('from') ? { from: str('from')! } : {}),
              ...(str('to') ? { to: str('to')! } : {}),
            };
            const pdf = str('pdf');
            if (pdf !== undefined) {
              if (!str('from') || !str('to')) fail('the 调阅登记表 (--pdf) needs --from and --to', '导出调阅登记表（--pdf）需要 --from 和 --to');
              const r = await s.call('retrieval.registerPdf', { from: str('from')!, to: str('to')!, target: path.resolve(pdf) });
              out(r, () => `调阅登记表 ${r.path}（${r.pages} 页，${r.sessions} 次调阅）\nSHA-256 ${r.sha256}\nSM3     ${r.sm3}`);
              break;
            }
            const r = await s.call('retrieval.log', filter);
            out(r, () =>
              [
                table(
                  ['#', '开始 started', '人员 who', '音像 clip', '依据 under', '片段 watched', '秒 sec'],
                  r.views.map((v) => [
                    v.id,
                    v.startedAt,
                    v.user,
                    v.clipName,
                    v.grantId === null ? '实时调阅' : `授权 #${v.grantId}`,
                    v.segments.map(([a, b]) => `${a}-${b}`).join(' '),
                    v.totalSec,
                  ]),
                ),
                r.refusals.length
                  ? `\n拒绝 refused:\n${table(
                      ['时间 at', '人员 who', '音像 clip', '原因 why'],
                      r.refusals.map((x) => [x.at, x.user, x.clipName ?? x.clipId, x.why]),
                    )}`
                  : '',
              ].join(''),
            );
            break;
          }
        }
      } finally {
        s.core.close();
      }
    },
  };
}

export const retrievalCommand = makeRetrievalCommand();
