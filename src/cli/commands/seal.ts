import { openSession, signIn } from '../cli-session.js';
import { bindSummary, printBatch, printView } from '../dossier-cli.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';

export const sealCommand: Command = {
  name: 'seal',
  usage:
    'seal --archive DIR --case 案号 [--ack-all-warnings-with-reason TEXT] [--checker 检查人] [--fonds-no 全宗号] [--catalog-no 目录号] [--profile ID] | seal --archive DIR --batch --from YYYY-MM-DD --to YYYY-MM-DD',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    case: { type: 'string' },
    profile: { type: 'string' },
    checker: { type: 'string' },
    'fonds-no': { type: 'string' },
    'catalog-no': { type: 'string' },
    'ack-all-warnings-with-reason': { type: 'string' },
    batch: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run({ values, json }) {
    if (!values.batch && !values.case) fail('seal needs --case 案号 (or --batch --from --to)', 'seal 需要 --case 指定案号（或 --batch --from --to）');
    const ack = values['ack-all-warnings-with-reason'] as string | undefined;
    if (ack !== undefined && ack.trim().length < 2) fail('--ack-all-warnings-with-reason needs a reason', '--ack-all-warnings-with-reason 必须写明原因');
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      const opts = {
        ...(values.profile ? { profileId: String(values.profile) } : {}),
        ...(values.checker ? { checker: String(values.checker) } : {}),
        ...(values['fonds-no'] ? { fondsNo: String(values['fonds-no']) } : {}),
        ...(values['catalog-no'] ? { catalogNo: String(values['catalog-no']) } : {}),
      };
      if (values.batch) {
        if (!values.from || !values.to) fail('seal --batch needs --from and --to', 'seal --batch 需要 --from 和 --to');
        const r = await s.call('dossier.batch', { from: String(values.from), to: String(values.to), seal: true, ...opts });
        if (json) printJson({ ...r, volumes: r.volumes.map(({ bound: _b, ...v }) => v) });
        else process.stdout.write(printBatch(r));
        return;
      }
      const c = await s.call('case.get', { caseNo: String(values.case) });
      if (ack !== undefined) {
        const v = await s.call('dossier.preview', { caseId: c.id, ...(opts.profileId ? { profileId: opts.profileId } : {}) });
        for (const i of v.bound.issues)
          if (i.severity === 'warning' && !i.acknowledged) await s.call('dossier.acknowledge', { caseId: c.id, warning: i.key, reason: ack });
      }
      const sealed = await s.call('dossier.seal', { caseId: c.id, ...opts });
      if (json) printJson(bindSummary(sealed));
      else
        process.stdout.write(
          `已归档 Sealed: ${c.caseNo} 归档号 ${sealed.version?.archiveNo ?? ''}${sealed.version?.archiveCode ? ` 档号 ${sealed.version.archiveCode}` : ''}\n\n` +
            printView(sealed),
        );
    } finally {
      await s.core.close();
    }
  },
};
