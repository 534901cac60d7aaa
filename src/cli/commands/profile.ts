import { checkProfileFile, listProfiles, loadProfile } from '../../profiles/load-profile.js';
import { profileSummary } from '../../dossier/profile-summaries.js';
import { resourcesDir } from '../../resources/paths.js';
import { CliError, fail, printJson, table } from '../output.js';
import type { Command } from './command.js';

/** `profile list|show ID|check FILE`: the filing profiles; needs no archive (reads resources/profiles). */
export const profileCommand: Command = {
  name: 'profile',
  usage: 'profile list | profile show ID | profile check FILE',
  options: {},
  async run({ positionals, json }) {
    const [sub, arg] = positionals;
    if (sub === 'list') {
      const list = listProfiles(resourcesDir()).map((p) => profileSummary(p, ''));
      if (json) printJson(list);
      else
        process.stdout.write(
          table(
            ['ID', '名称', '版本', '副卷', '简易合订', '文书种类'],
            list.map((p) => [p.id + (p.isDefault ? ' *' : ''), p.name, p.version, p.secondaryVolume ? '是' : '否', p.batching ? '是' : '否', p.documentKinds]),
          ) + '\n',
        );
    } else if (sub === 'show') {
      if (!arg) fail('profile show needs a profile ID', 'profile show 需要立卷规范 ID');
      const p = loadProfile(resourcesDir(), arg);
      if (json) printJson(p);
      else process.stdout.write(JSON.stringify(p, null, 2) + '\n');
    } else if (sub === 'check') {
      if (!arg) fail('profile check needs a FILE', 'profile check 需要文件路径');
      const r = checkProfileFile(arg);
      if (r.ok) {
        if (json) printJson({ ok: true, file: arg, profile: profileSummary(r.profile, ''), issues: [] });
        else process.stdout.write(`立卷规范有效 Profile OK: ${r.profile.id} ${r.profile.name} (${r.profile.version})\n`);
        return;
      }
      if (json) printJson({ ok: false, file: arg, profile: null, issues: r.issues });
      else for (const i of r.issues) process.stdout.write(`${i.message}\n  ${i.messageZh}\n`);
      const first = r.issues[0];
      throw new CliError({
        code: 'bad_profile',
        message: `${arg}: ${first?.message ?? 'invalid'}${r.issues.length > 1 ? ` (+${r.issues.length - 1})` : ''}`,
        messageZh: `${arg}：${first?.messageZh ?? '无效'}`,
        item: arg,
        details: r.issues,
      });
    } else {
      fail(`unknown sub-command "profile ${sub ?? ''}"`, `未知子命令 profile ${sub ?? ''}`);
    }
  },
};
