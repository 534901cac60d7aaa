import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchMatch } from '../../api/types-search.js';
import { signIn } from '../cli-session.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';
import { defaultOpener, type SessionOpener } from './footage.js';

const KIND_LABELS: Record<SearchKind, string> = {
  case: '案件 Cases',
  officer: '执法人员 Officers',
  device: '记录仪 Devices',
  clip: '音像资料 Clips',
  document: '文书 Documents',
  scan: '扫描页文字 Text in scans',
};

/** A snippet with its matched stretches in 【】. */
function marked(m: SearchMatch): string {
  let out = '';
  let at = 0;
  for (const [s, e] of m.marks) {
    out += `${m.snippet.slice(at, s)}【${m.snippet.slice(s, e)}】`;
    at = e;
  }
  return `${m.field}: ${out}${m.snippet.slice(at)}`;
}

function line(h: SearchHit): string {
  const what = h.matches.map(marked).join('  ');
  switch (h.kind) {
    case 'case':
      return `#${h.id} ${h.caseNo} ${h.cause}${h.sealed ? ' [已归档 sealed]' : ''}  ${what}`;
    case 'officer':
      return `#${h.id} ${h.name} ${h.certNo}  ${what}`;
    case 'device':
      return `#${h.id} ${h.serial}${h.model ? ` ${h.model}` : ''}  ${what}`;
    case 'clip':
      return `#${h.id} ${h.originalName} ${h.startLocal ?? ''}${h.cases.length ? ` → ${h.cases.map((c) => c.caseNo).join('、')}` : ''}  ${what}`;
    case 'document':
      return `#${h.id} ${h.caseNo} ${h.title}${h.docNo ? ` ${h.docNo}` : ''}  ${what}`;
    case 'scan':
      return `#${h.documentId} ${h.caseNo} 《${h.title}》第${h.page}页 page ${h.page}  ${what}`;
  }
}

/**
 * `juanzong search --archive DIR TEXT [filters]`: the 调阅 page's one search box from the command
 * line (operation search.query), results grouped by kind with what matched marked 【like this】.
 */
export function makeSearchCommand(open: SessionOpener = defaultOpener): Command {
  return {
    name: 'search',
    usage:
      'search --archive DIR TEXT [--from DATETIME] [--to DATETIME] [--officer 执法证号] [--device 序号] [--activity 事项]\n' +
      '           [--status open|sealed] [--linked | --unlinked] [--kind case,officer,device,clip,document,scan] [--limit N] [--offset N]',
    options: {
      archive: { type: 'string' },
      user: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      officer: { type: 'string' },
      device: { type: 'string' },
      activity: { type: 'string' },
      status: { type: 'string' },
      linked: { type: 'boolean' },
      unlinked: { type: 'boolean' },
      kind: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
    },
    async run({ positionals, values, json }) {
      const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
      const status = str('status');
      if (status !== undefined && status !== 'open' && status !== 'sealed')
        fail('--status must be open or sealed', '--status 只能是 open（未归档）或 sealed（已归档）');
      if (values.linked && values.unlinked) fail('--linked and --unlinked exclude each other', '--linked 与 --unlinked 不能同时使用');
      const kinds = str('kind')
        ?.split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '');
      for (const k of kinds ?? [])
        if (!SEARCH_KINDS.includes(k as SearchKind))
          fail(`--kind: unknown kind ${k} (${SEARCH_KINDS.join(', ')})`, `--kind：未知类别 ${k}（可用：${SEARCH_KINDS.join('、')}）`);
      const num = (k: string) => {
        const v = str(k);
        if (v === undefined) return undefined;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) fail(`--${k} must be a whole number`, `--${k} 必须是非负整数`);
        return n;
      };
      const limit = num('limit');
      const offset = num('offset');
      const s = await open(str('archive'));
      try {
        await signIn(s, str('user'));
        const r = await s.call('search.query', {
          text: positionals.join(' '),
          ...(str('from') ? { from: str('from')! } : {}),
          ...(str('to') ? { to: str('to')! } : {}),
          ...(str('officer') ? { certNo: str('officer')! } : {}),
          ...(str('device') ? { deviceSerial: str('device')! } : {}),
          ...(str('activity') ? { activity: str('activity')! } : {}),
          ...(status ? { status: status as 'open' | 'sealed' } : {}),
          ...(values.linked ? { linked: true } : values.unlinked ? { linked: false } : {}),
          ...(kinds?.length ? { kinds: kinds as SearchKind[] } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(offset !== undefined ? { offset } : {}),
        });
        if (json) return printJson(r);
        if (r.groups.every((g) => g.total === 0)) {
          process.stdout.write('没有找到 Nothing found\n');
          return;
        }
        for (const g of r.groups) {
          if (g.total === 0) continue;
          process.stdout.write(`${KIND_LABELS[g.kind]}: ${g.total}${g.capped ? '+' : ''}\n`);
          for (const h of g.hits) process.stdout.write(`  ${line(h)}\n`);
        }
      } finally {
        await s.core.close();
      }
    },
  };
}

export const searchCommand = makeSearchCommand();
