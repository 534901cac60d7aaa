import { UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { UserAccount } from '../../../src/api/types';
import { ROLES, type Role } from '../../../src/domain/roles';
import { invoke } from '../../bridge/client';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { roleLabel } from '../../components/labels';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { accountRules } from '../auth/account-rules';
import { useUser } from '../auth/session';

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  password2: string;
}

/** 用户: accounts (administrators only). */
export function UsersTab() {
  const { t, locale, errorText } = useI18n();
  const { user } = useUser();
  const { message } = App.useApp();
  const isAdmin = mayCall(user.role, 'user.list');
  const users = useQuery('user.list', {}, { skip: !isAdmin });
  const [open, setOpen] = useState(false);
  const { busy, run } = useSubmit<string>({ onError: (e) => message.error(errorText(e)) });
  const [form] = Form.useForm<NewUser>();
  const rules = accountRules(t, locale);

  if (!isAdmin) return <Alert type="info" showIcon title={t('settings.users.adminOnly')} />;

  const create = async () => {
    let v: NewUser;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const u = await invoke('user.create', { username: v.username, displayName: v.displayName, role: v.role, password: v.password });
      message.success(t('settings.users.created', { name: u.displayName }));
      setOpen(false);
      users.refetch();
    });
  };

  const unlock = (u: UserAccount) =>
    run(async () => {
      await invoke('user.unlock', { userId: u.id });
      message.success(t('settings.users.unlocked', { name: u.displayName }));
      users.refetch();
    }, `unlock-${u.id}`);

  const columns: TableColumnsType<UserAccount> = [
    { title: t('settings.users.col.username'), dataIndex: 'username', width: 200, className: 'mono' },
    { title: t('settings.users.col.displayName'), dataIndex: 'displayName', width: 200 },
    { title: t('settings.users.col.role'), dataIndex: 'role', render: (r: Role) => <Tag color={r === 'admin' ? 'red' : 'blue'}>{roleLabel(r, locale)}</Tag> },
    {
      title: t('settings.users.col.status'),
      key: 'status',
      render: (_: unknown, u: UserAccount) =>
        u.locked ? (
          <span>
            <Tag color="volcano">{t('settings.users.locked')}</Tag>
            <Button size="small" icon={<UnlockOutlined />} loading={busy === `unlock-${u.id}`} onClick={() => void unlock(u)}>
              {t('settings.users.unlock')}
            </Button>
          </span>
        ) : u.failedLogins > 0 ? (
          <span className="muted">{t('settings.users.failedLogins', { n: u.failedLogins })}</span>
        ) : null,
    },
  ];

  return (
    <div>
      <div className="page-toolbar">
        <span />
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setOpen(true)}>
          {t('settings.users.add')}
        </Button>
      </div>
      <ErrorAlert error={users.error} style={{ marginBottom: 10 }} />
      <Table<UserAccount> rowKey="id" size="small" bordered pagination={false} loading={users.loading} columns={columns} dataSource={users.data ?? []} />
      <Modal
        open={open}
        title={t('settings.users.add')}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() => void create()}
        confirmLoading={busy !== null}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form<NewUser> form={form} layout="vertical" initialValues={{ role: 'archivist' }} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={rules.username}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('auth.displayName')} rules={rules.displayName}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('role.label')} rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: roleLabel(r, locale) }))} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={rules.password}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="password2" label={t('auth.passwordAgain')} dependencies={['password']} rules={rules.password2}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
