import { type CliSession, openSession, signIn } from '../cli-session.js';
import { fail, printJson, table } from '../output.js';
import type { Command } from './command.js';

/** Opens the archive for a command; tests pass their own (a core with the footage slice wired). */
export type SessionOpener = (archiveDir: string | undefined) => Promise<CliSession>;
export const defaultOpener: SessionOpener = (dir) => openSession(dir);

/** `1.5G`, `500M`, `2048` → bytes. */
export function parseBytes(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]i?B?|B)?$/i.exec(s.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'B').toUpperCase()[0]!;
  const mult = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[unit] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const SUBS = ['list', 'show', 'link', 'derive', 'devices', 'register-device', 'coverage'] as const;

/**
 * `juanzong footage list|show|link|derive|devices|register-device|coverage --archive DIR …`
 * The footage library from the command line (the same operations as the 音像 page).
 */
export function makeFootageCommand(open: SessionOpener = defaultOpener): Command {
  return {
    name: 'footage',
    usage:
      'footage list --archive DIR [--case 案号] [--officer 执法证号] [--device 序号] [--from DATE] [--to DATE] [--activity 事项] [--unlinked] [--limit N]\n' +
      '           footage show ID | link ID… [--case 案号] [--officer 执法证号] [--activity 事项] | derive | devices | coverage --case 案号\n' +
      '           footage register-device --serial 序号 --officer 执法证号 [--name 姓名] [--user-no 警号] --from DATETIME [--to DATETIME]',
    options: {
      archive: { type: 'string' },
      user: { type: 'string' },
      case: { type: 'string' },
      officer: { type: 'string' },
      device: { type: 'string' },
      serial: { type: 'string' },
      name: { type: 'string' },
      'user-no': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      activity: { type: 'string' },
      unlinked: { type: 'boolean' },
      kind: { type: 'string' },
      limit: { type: 'string' },
    },
    async run({ positionals, values, json }) {
      const [sub, ...args] = positionals;
      if (!SUBS.includes(sub as (typeof SUBS)[number]))
        fail(`unknown sub-command "footage ${sub ?? ''}" (${SUBS.join(', ')})`, `未知子命令 footage ${sub ?? ''}（可用：${SUBS.join('、')}）`);
      const str = (k: string) => (values[k] === undefined ? undefined : String(values[k]));
      const ids = args.map((a) => {
        const n = Number(a);
        if (!Number.isInteger(n) || n <= 0) fail(`${a} is not a clip id`, `${a} 不是音像资料编号`);
        return n;
      });
      const s = await open(str('archive'));
      try {
        await signIn(s, str('user'));
        const out = (v: unknown, text: () => string): void => void (json ? printJson(v) : process.stdout.write(text() + '\n'));
        switch (sub) {
          case 'list': {
            const kind = str('kind');
            if (kind !== undefined && !['video', 'audio', 'photo'].includes(kind))
              fail('--kind must be video, audio or photo', '--kind 只能是 video、audio 或 photo');
            const r = await s.call('footage.list', {
              ...(str('case') ? { caseNo: str('case')! } : {}),
              ...(str('officer') ? { certNo: str('officer')! } : {}),
              ...(str('device') ? { deviceSerial: str('device')! } : {}),
              ...(str('from') ? { from: str('from')! } : {}),
              ...(str('to') ? { to: str('to')! } : {}),
              ...(str('activity') ? { activity: str('activity')! } : {}),
              ...(values.unlinked ? { unlinked: true } : {}),
              ...(kind ? { kind: kind as 'video' } : {}),
              ...(str('limit') ? { limit: Number(str('limit')) } : {}),
            });
            return out(r, () =>
              [
                table(
                  ['编号 ID', '文件 File', '开始 Start', '时长 s', '记录仪 Device', '人员 Officers', '案件 Cases', '事项 Activity'],
                  r.items.map((c) => [
                    c.id,
                    c.originalName,
                    c.start,
                    c.durationSec,
                    c.deviceSerial,
                    c.officers.map((o) => o.name).join('、'),
                    c.cases.map((k) => k.caseNo).join('、'),
                    c.activities.join('、'),
                  ]),
                ),
                `共 ${r.total} 条 total`,
              ].join('\n'),
            );
          }
          case 'show': {
            if (ids.length !== 1) fail('footage show needs one clip id', 'footage show 需要一个编号');
            const c = await s.call('footage.get', { id: ids[0]! });
            return out(c, () =>
              [
                `${c.originalName}  (${c.kind}, ${mib(c.size)}, ${c.durationSec ?? '?'} s)`,
                `SHA-256 ${c.sha256}`,
                `SM3     ${c.sm3}`,
                `开始 Start ${c.start ?? '—'} (${c.fieldSources.start ?? '—'})   记录仪 Device ${c.deviceSerial ?? '—'}   警号 User no. ${c.userNo ?? '—'}   规则 Pattern ${c.namePattern ?? '—'}`,
                `持有人 Holder (设备台账): ${c.holder ? `${c.holder.name} ${c.holder.certNo}` : '—'}`,
                `来源 Sources: ${c.sources.map((x) => `${x.sourceRoot}/${x.relPath}`).join('; ')}`,
                `保存 Retention: ${c.retention.class === 'evidence' ? '证据，永久 evidence, permanent' : `普通，至 ordinary until ${c.retention.keepUntil}`}`,
                ...c.conflicts.map((k) => `  ! ${k.field}: ${k.chosen.source} ${k.chosen.value} ≠ ${k.other.source} ${k.other.value}`),
              ].join('\n'),
            );
          }
          case 'link': {
            if (!ids.length) fail('footage link needs clip ids', 'footage link 需要音像资料编号');
            const r = await s.call('footage.link', {
              clipIds: ids,
              ...(str('case') ? { caseNo: str('case')! } : {}),
              ...(str('officer') ? { certNo: str('officer')! } : {}),
              ...(str('activity') ? { activity: str('activity')! } : {}),
            });
            return out(r, () =>
              r.map((c) => `${c.id} ${c.originalName} → ${c.cases.map((k) => `${k.caseNo}${k.activity ? `（${k.activity}）` : ''}`).join('、')}`).join('\n'),
            );
          }
          case 'derive': {
            const r = await s.call('footage.derive', {});
            return out(r, () => `缩略图与索引图 Thumbnails and contact sheets: ${r.done} 完成 done, ${r.failed} 失败 failed, ${r.pending} 待处理 pending`);
          }
          case 'devices': {
            const r = await s.call('device.list', {});
            return out(r, () =>
              table(
                ['序号 Serial', '持有人 Officer', '执法证号', '警号', '自 From', '至 To'],
                r.flatMap((d) => d.assignments.map((a) => [d.serial, a.officerName, a.certNo, a.userNo, a.from, a.to])),
              ),
            );
          }
          case 'register-device': {
            if (!str('serial') || !str('officer') || !str('from'))
              fail('register-device needs --serial, --officer and --from', 'register-device 需要 --serial、--officer 和 --from');
            const r = await s.call('device.register', {
              serial: str('serial')!,
              certNo: str('officer')!,
              from: str('from')!,
              ...(str('to') ? { to: str('to')! } : {}),
              ...(str('name') ? { officerName: str('name')! } : {}),
              ...(str('user-no') ? { userNo: str('user-no')! } : {}),
            });
            return out(r, () => `记录仪 ${r.serial}: ${r.assignments.map((a) => `${a.officerName} ${a.from}–${a.to ?? ''}`).join('; ')}`);
          }
          case 'coverage': {
            if (!str('case')) fail('footage coverage needs --case 案号', 'footage coverage 需要 --case 案号');
            const c = await s.call('case.get', { caseNo: str('case')! });
            const r = await s.call('footage.coverage', { caseId: c.id });
            return out(r, () =>
              [
                table(
                  ['事项 Activity', '要求 Required', '应有 Indicated', '音像 Clips', '状态 Status'],
                  r.items.map((i) => [i.name, i.recording === 'full' ? '全程' : '根据实际', i.indicated ? '是' : '', i.clips, i.status]),
                ),
                r.missing.length ? `缺少全程音像记录 Missing: ${r.missing.join('、')}` : '无缺项 none missing',
              ].join('\n'),
            );
          }
        }
      } finally {
        await s.core.close();
      }
    },
  };
}

export const footageCommand = makeFootageCommand();
