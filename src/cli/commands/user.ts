import { ROLES, type Role } from '../../domain/roles.js';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson, table } from '../output.js';
import { readPassword } from '../password.js';
import type { Command } from './command.js';

export const userCommand: Command = {
  name: 'user',
  usage:
    'user add --archive DIR --user ADMIN NAME --role admin|archivist|supervisor|inspector [--display-name 姓名] | user list --archive DIR' +
    ' | user edit NAME [--role R] [--display-name 姓名] | user disable|enable NAME [--reason 理由] | user reset-password NAME (JUANZONG_NEW_PASSWORD or prompt)',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string' },
    'display-name': { type: 'string' },
    reason: { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [sub, name] = positionals;
    const s = await openSession(values.archive as string | undefined);
    try {
      await signIn(s, values.user as string | undefined);
      if (sub === 'list') {
        const users = await s.call('user.list', {});
        if (json) printJson(users);
        else
          process.stdout.write(
            table(
              ['id', '用户名', '姓名', '角色'],
              users.map((u) => [u.id, u.username, u.displayName, u.role]),
            ) + '\n',
          );
      } else if (sub === 'add') {
        if (!name) fail('user add needs a user name', 'user add 需要用户名');
        const role = String(values.role ?? '');
        if (!(ROLES as readonly string[]).includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`, `--role 必须是 ${ROLES.join('、')} 之一`);
        const password = process.env.JUANZONG_NEW_PASSWORD ?? (await readPassword(`${name} 的新密码 / new password: `));
        const u = await s.call('user.create', { username: name, displayName: String(values['display-name'] ?? name), role: role as Role, password });
        if (json) printJson(u);
        else process.stdout.write(`已创建用户 Created user ${u.username} (${u.role})\n`);
      } else if (sub === 'edit' || sub === 'disable' || sub === 'enable' || sub === 'reset-password') {
        if (!name) fail(`user ${sub} needs a user name`, `user ${sub} 需要用户名`);
        const target = (await s.call('user.list', {})).find((u) => u.username === name);
        if (!target) fail(`no user ${name}`, `没有用户 ${name}`, 'not_found');
        const reason = values.reason as string | undefined;
        let u;
        if (sub === 'edit') {
          const role = values.role as string | undefined;
          if (role !== undefined && !(ROLES as readonly string[]).includes(role))
            fail(`--role must be one of ${ROLES.join(', ')}`, `--role 必须是 ${ROLES.join('、')} 之一`);
          const displayName = values['display-name'] as string | undefined;
          u = await s.call('user.update', { userId: target.id, ...(role ? { role: role as Role } : {}), ...(displayName ? { displayName } : {}) });
        } else if (sub === 'reset-password') {
          const password = process.env.JUANZONG_NEW_PASSWORD ?? (await readPassword(`${name} 的临时密码 / temporary password: `));
          u = await s.call('user.resetPassword', { userId: target.id, password, ...(reason ? { reason } : {}) });
        } else u = await s.call(sub === 'disable' ? 'user.disable' : 'user.enable', { userId: target.id, ...(reason ? { reason } : {}) });
        if (json) printJson(u);
        else process.stdout.write(`已更新用户 Updated user ${u.username} (${u.role}${u.disabled ? ', 已停用 disabled' : ''})\n`);
      } else fail(`unknown sub-command "user ${sub ?? ''}"`, `未知子命令 user ${sub ?? ''}`);
    } finally {
      await s.core.close();
    }
  },
};
