import { signIn } from '../cli-session.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';
import { defaultOpener, type SessionOpener } from './footage.js';

/**
 * `juanzong ocr --archive DIR [--case 案号] [--status]`: reads the scanned pages that have no text yet
 * (operation ocr.run, progress on stderr, Ctrl-C keeps what was read), or with --status only says how
 * far OCR has come and which pages a person should look at (ocr.status).
 */
export function makeOcrCommand(open: SessionOpener = defaultOpener): Command {
  return {
    name: 'ocr',
    usage: 'ocr --archive DIR [--case 案号] [--status]',
    options: { archive: { type: 'string' }, user: { type: 'string' }, case: { type: 'string' }, status: { type: 'boolean' } },
    async run({ positionals, values, json }) {
      if (positionals.length) fail(`ocr takes no arguments: ${positionals.join(' ')}`, `ocr 不接受参数：${positionals.join(' ')}`);
      const s = await open(values.archive as string | undefined);
      try {
        await signIn(s, values.user as string | undefined);
        const caseNo = typeof values.case === 'string' ? values.case : undefined;
        const caseId = caseNo === undefined ? undefined : (await s.call('case.get', { caseNo })).id;
        const scope = caseId !== undefined ? { caseId } : {};
        if (!values.status) {
          let last = 0;
          const off = json
            ? () => undefined
            : s.core.subscribe((e) => {
                if (e.type !== 'job.progress' || e.op !== 'ocr.run' || (Date.now() - last < 1000 && e.state === 'running')) return;
                last = Date.now();
                process.stderr.write(`  文字识别 OCR ${e.itemsDone}/${e.itemsTotal} 页 pages${e.item ? `  ${e.item}` : ''}\n`);
              });
          const r = await s.call('ocr.run', scope);
          off();
          if (!json)
            process.stdout.write(
              `已识别 Read ${r.pages} 页 pages: 完成 done ${r.done}, 失败 failed ${r.failed}, 需人工查看 flagged ${r.flagged}${r.cancelled ? '（已取消 cancelled）' : ''}\n`,
            );
        }
        const st = await s.call('ocr.status', scope);
        if (json) return printJson(st);
        process.stdout.write(
          `扫描页 Scanned pages ${st.pages}: 已识别 done ${st.done}, 失败 failed ${st.failed}, 待识别 pending ${st.pending}, 需人工查看 flagged ${st.flagged}  (${st.engine})\n`,
        );
        for (const p of st.flaggedPages)
          process.stdout.write(
            `  ⚑ 《${p.title}》第${p.page}页 page ${p.page}: ${p.status === 'failed' ? `无法识别 unreadable — ${p.error ?? ''}` : `可信度 confidence ${p.confidence ?? 0}`}\n`,
          );
      } finally {
        await s.core.close();
      }
    },
  };
}

export const ocrCommand = makeOcrCommand();
