import { initArchive } from '../../archive/archive.js';
import { resourcesDir } from '../../resources/paths.js';
import { openSession } from '../cli-session.js';
import { fail, printJson } from '../output.js';
import { readPassword } from '../password.js';
import type { Command } from './command.js';

export const initCommand: Command = {
  name: 'init',
  usage: 'init DIR [--name NAME] [--profile ID] [--admin USER [--display-name NAME]]',
  options: { name: { type: 'string' }, profile: { type: 'string' }, admin: { type: 'string' }, 'display-name': { type: 'string' } },
  async run({ positionals, values, json }) {
    const dir = positionals[0];
    if (!dir) fail('init needs a folder: juanzong init DIR', 'init 需要指定文件夹：juanzong init DIR');
    const archive = await initArchive(dir, {
      resourcesDir: resourcesDir(),
      ...(values.name ? { name: String(values.name) } : {}),
      ...(values.profile ? { profileId: String(values.profile) } : {}),
    });
    const root = archive.layout.root;
    const profile = archive.profile.id;
    archive.close();
    let admin: string | null = null;
    if (values.admin) {
      const s = await openSession(root);
      const password = await readPassword(`管理员 ${String(values.admin)} 的新密码 / new password: `);
      await s.call('auth.setup', { username: String(values.admin), displayName: String(values['display-name'] ?? values.admin), password });
      await s.core.close();
      admin = String(values.admin);
    }
    if (json) printJson({ archive: root, profile, admin });
    else
      process.stdout.write(
        `已创建档案库 Created archive: ${root}\n立卷规范 Profile: ${profile}\n${admin ? `管理员 Admin: ${admin}\n` : '首次登录时创建管理员 The first sign-in creates the administrator.\n'}`,
      );
  },
};
