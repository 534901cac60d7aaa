import type { OfficerDetail, OfficerSummary } from '../../api/types-officer.js';
import { OFFICER_STATUS_LABELS, OFFICER_STATUSES, type OfficerStatus } from '../../domain/officer.js';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson, table } from '../output.js';
import type { Command } from './command.js';

/**
 * `juanzong officer add|list|cert|status`: the officer register (持证上岗) from the command line —
 * operations officer.create, officer.list, officer.certificate.add, officer.update.
 */
type Values = Record<string, string | boolean | string[] | undefined>;
const str = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
const need = (v: Values, k: string, zh: string): string => str(v, k) ?? fail(`--${k} is required`, `必须填写 --${k}（${zh}）`);

function problemZh(o: OfficerSummary): string {
  if (o.validToday) return '有效';
  switch (o.problem) {
    case 'unregistered':
      return '未登记';
    case 'no-certificate':
      return '无证件记录';
    case 'expired':
      return '已过期';
    case 'not-yet-valid':
      return '未生效';
    case 'inactive':
      return o.status ? `已${OFFICER_STATUS_LABELS[o.status].zh}` : '不在岗';
    default:
      return '';
  }
}

function printOfficer(o: OfficerDetail): void {
  process.stdout.write(`${o.name}  执法证号 ${o.certNo}  ${o.post ?? ''}  ${o.unit ?? ''}\n`);
  process.stdout.write(`  状态：${o.status ? OFFICER_STATUS_LABELS[o.status].zh : '—'}；今日执法资格：${problemZh(o)}\n`);
  for (const c of o.certificates) process.stdout.write(`  执法证 ${c.certNo}  ${c.issuer}  ${c.validFrom} 至 ${c.validTo}${c.note ? `  ${c.note}` : ''}\n`);
  for (const s of o.statusHistory) process.stdout.write(`  ${s.from} 起 ${OFFICER_STATUS_LABELS[s.status].zh}${s.reason ? `（${s.reason}）` : ''}\n`);
}

export const officerCommand: Command = {
  name: 'officer',
  usage:
    'officer add --archive DIR --cert 执法证号 --name 姓名 [--post 职务] [--unit 单位] [--issuer 发证机关 --from YYYY-MM-DD --to YYYY-MM-DD] | officer list --archive DIR [--query 文字] | officer cert --archive DIR --cert 执法证号 --issuer 发证机关 --from YYYY-MM-DD --to YYYY-MM-DD [--number 新证号] | officer status --archive DIR --cert 执法证号 --status active|transferred|retired|revoked --from YYYY-MM-DD --reason 原因',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    cert: { type: 'string' },
    name: { type: 'string' },
    post: { type: 'string' },
    unit: { type: 'string' },
    issuer: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    number: { type: 'string' },
    query: { type: 'string' },
    status: { type: 'string' },
    reason: { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [sub] = positionals;
    if (!['add', 'list', 'cert', 'status'].includes(sub ?? ''))
      fail(
        `unknown sub-command "officer ${positionals.join(' ')}" (add, list, cert, status)`,
        `未知子命令 officer ${positionals.join(' ')}（可用 add、list、cert、status）`,
      );
    const s = await openSession(str(values, 'archive'));
    try {
      await signIn(s, str(values, 'user'));
      if (sub === 'list') {
        const q = str(values, 'query');
        const list = await s.call('officer.list', q ? { query: q } : {});
        if (json) return printJson(list);
        process.stdout.write(
          table(
            ['执法证号', '姓名', '职务', '状态', '证件有效期', '今日资格', '案件'],
            list.map((o) => [
              o.certNo,
              o.name,
              o.post,
              o.status ? OFFICER_STATUS_LABELS[o.status].zh : '—',
              o.certificate ? `${o.certificate.validFrom} 至 ${o.certificate.validTo}` : '—',
              problemZh(o),
              o.caseCount,
            ]),
          ) + '\n',
        );
        return;
      }
      const certNo = need(values, 'cert', '执法证号');
      if (sub === 'add') {
        const issuer = str(values, 'issuer');
        const r = await s.call('officer.create', {
          certNo,
          name: need(values, 'name', '姓名'),
          post: str(values, 'post') ?? null,
          unit: str(values, 'unit') ?? null,
          ...(issuer ? { certificate: { issuer, validFrom: need(values, 'from', '有效期起'), validTo: need(values, 'to', '有效期止') } } : {}),
        });
        if (json) return printJson(r);
        return printOfficer(r);
      }
      const officer = await s.call('officer.get', { certNo });
      if (sub === 'cert') {
        const number = str(values, 'number');
        const r = await s.call('officer.certificate.add', {
          officerId: officer.id,
          certificate: {
            issuer: need(values, 'issuer', '发证机关'),
            validFrom: need(values, 'from', '有效期起'),
            validTo: need(values, 'to', '有效期止'),
            ...(number ? { certNo: number } : {}),
          },
        });
        if (json) return printJson(r);
        return printOfficer(r);
      }
      const status = need(values, 'status', '状态');
      if (!OFFICER_STATUSES.includes(status as OfficerStatus))
        fail(
          `--status must be one of ${OFFICER_STATUSES.join(', ')}`,
          `--status 只能是 ${OFFICER_STATUSES.map((x) => `${x}（${OFFICER_STATUS_LABELS[x].zh}）`).join('、')}`,
        );
      const r = await s.call('officer.update', {
        id: officer.id,
        status: { status: status as OfficerStatus, from: need(values, 'from', '生效日期'), reason: need(values, 'reason', '原因') },
      });
      if (json) return printJson(r);
      return printOfficer(r);
    } finally {
      await s.core.close();
    }
  },
};
