import path from 'node:path';
import type { ClipExportResultInfo } from '../../api/types-clip.js';
import { hms } from '../../retrieval/extract-note.js';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';
import { defaultOpener, type SessionOpener } from './footage.js';

/** `00:01:05`, `01:05`, `65`, `65.5`, `00:01:05.250` → seconds; null when it is none of these. */
export function parseTimecode(s: string): number | null {
  const t = s.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/.exec(t);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const SUBS = ['export', 'proxy'] as const;

/**
 * `juanzong clip export --archive DIR CLIP_ID --in 00:01:05 --out 00:02:10 --to DIR [--reencode] [--whole] [--reason 事由]`
 * `juanzong clip proxy --archive DIR CLIP_ID`
 * 复制/提取 and playback proxies from the command line (the same operations as the player). Ctrl-C
 * cancels an export and leaves nothing.
 */
export function makeClipCommand(open: SessionOpener = defaultOpener): Command {
  return {
    name: 'clip',
    usage:
      'clip export --archive DIR CLIP_ID --in 00:01:05 --out 00:02:10 --to DIR [--reencode] [--whole] [--reason 事由]\n' +
      '           clip proxy --archive DIR CLIP_ID',
    options: {
      archive: { type: 'string' },
      user: { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      to: { type: 'string' },
      reencode: { type: 'boolean' },
      whole: { type: 'boolean' },
      reason: { type: 'string' },
    },
    async run({ positionals, values, json }) {
      const [sub, idArg, ...extra] = positionals;
      if (!SUBS.includes(sub as (typeof SUBS)[number]))
        fail(`unknown sub-command "clip ${sub ?? ''}" (${SUBS.join(', ')})`, `未知子命令 clip ${sub ?? ''}（可用：${SUBS.join('、')}）`);
      if (extra.length) fail(`unexpected argument ${extra[0]}`, `多余的参数 ${extra[0]}`);
      const clipId = Number(idArg);
      if (!idArg || !Number.isInteger(clipId) || clipId <= 0) fail(`clip ${sub} needs a clip id`, `clip ${sub} 需要音像记录编号`);
      const str = (k: string) => (values[k] === undefined ? undefined : String(values[k]));
      let inSec = 0;
      let outSec = 0;
      if (sub === 'export') {
        for (const k of ['in', 'out', 'to'] as const) if (!str(k)) fail(`clip export needs --${k}`, `clip export 需要 --${k}`);
        const i = parseTimecode(str('in')!);
        const o = parseTimecode(str('out')!);
        if (i === null) fail(`--in ${str('in')}: not a time (use 00:01:05 or seconds)`, `--in ${str('in')}：不是有效时间（如 00:01:05 或秒数）`);
        if (o === null) fail(`--out ${str('out')}: not a time (use 00:02:10 or seconds)`, `--out ${str('out')}：不是有效时间（如 00:02:10 或秒数）`);
        inSec = i;
        outSec = o;
      }
      const s = await open(str('archive'));
      const jobId = `cli-clip-${process.pid}`;
      const onSigint = () => void s.core.invoke('job.cancel', { jobId }, { transport: 'cli', ...(s.token ? { sessionToken: s.token } : {}) });
      try {
        await signIn(s, str('user'));
        if (sub === 'proxy') {
          const r = await s.call('clip.proxy', { clipId, jobId });
          if (json) printJson(r);
          else
            process.stdout.write(
              r.needed ? `播放转码副本 Playback proxy: ${r.state} ${r.sha256 ?? ''}\n` : '原始文件可直接播放，无需转码 The original plays as it is\n',
            );
          return;
        }
        process.once('SIGINT', onSigint);
        const r = await s.call('clip.export', {
          clipId,
          inSec,
          outSec,
          target: path.resolve(str('to')!),
          reencode: values.reencode === true,
          whole: values.whole === true,
          reason: str('reason') ?? '命令行提取',
          jobId,
        });
        if (json) printJson(r);
        else process.stdout.write(describe(r));
      } finally {
        process.off('SIGINT', onSigint);
        await s.core.close();
      }
    },
  };
}

export const clipCommand = makeClipCommand((dir) => openSession(dir));

function describe(r: ClipExportResultInfo): string {
  const lines = [
    `已提取 Exported (${r.method === 'copy' ? '流复制 stream copy' : '重新编码 re-encoded'}): ${r.folder}`,
    `  申请 requested ${hms(r.requested.inSec)} – ${hms(r.requested.outSec)}；实际 actual ${hms(r.actual.inSec)} – ${hms(r.actual.outSec)}`,
  ];
  for (const f of r.files) lines.push(`  ${f.name}  ${f.size} B`, `    SHA-256 ${f.sha256}`, `    SM3     ${f.sm3}`);
  lines.push('  校验 Check: sha256sum -c manifest-sha256.txt');
  return lines.join('\n') + '\n';
}
