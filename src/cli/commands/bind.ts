import { openSession, signIn } from '../cli-session.js';
import { bindSummary, printBatch, printView } from '../dossier-cli.js';
import { fail, printJson } from '../output.js';
import type { Command } from './command.js';

export const bindCommand: Command = {
  name: 'bind',
  usage: 'bind --archive DIR --case 案号 [--profile ID] | bind --archive DIR --batch --from YYYY-MM-DD --to YYYY-MM-DD [--profile ID]',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    case: { type: 'string' },
    profile: { type: 'string' },
    batch: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run({ values, json }) {
    if (!values.batch && !values.case) fail('bind needs --case 案号 (or --batch --from --to)', 'bind 需要 --case 指定案号（或 --batch --from --to）');
    if (values.batch && (!values.from || !values.to)) fail('bind --batch needs --from and --to', 'bind --batch 需要 --from 和 --to');
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      const profileId = values.profile ? { profileId: String(values.profile) } : {};
      if (values.batch) {
        const r = await s.call('dossier.batch', { from: String(values.from), to: String(values.to), seal: false, ...profileId });
        if (json)
          printJson({
            ...r,
            volumes: r.volumes.map(({ bound, ...v }) => ({
              ...v,
              dossier: bindSummary({ bound, caseNo: null, dossierId: null, status: 'unbound', canSeal: true }),
            })),
          });
        else process.stdout.write(printBatch(r));
        return;
      }
      const c = await s.call('case.get', { caseNo: String(values.case) });
      const v = await s.call('dossier.preview', { caseId: c.id, ...profileId });
      if (json) printJson(bindSummary(v));
      else process.stdout.write(printView(v));
    } finally {
      await s.core.close();
    }
  },
};
