import { EditOutlined, KeyOutlined, StopOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
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

interface Edit {
  displayName: string;
  role: Role;
}

interface Reset {
  username: string;
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
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [editForm] = Form.useForm<Edit>();
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const [resetForm] = Form.useForm<Reset>();
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

  const saveEdit = async () => {
    if (!editing) return;
    let v: Edit;
    try {
      v = await editForm.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const u = await invoke('user.update', { userId: editing.id, displayName: v.displayName, role: v.role });
      message.success(t('settings.users.updated', { name: u.displayName }));
      setEditing(null);
      users.refetch();
    }, 'edit');
  };

  const setDisabled = (u: UserAccount, disabled: boolean) =>
    run(async () => {
      await invoke(disabled ? 'user.disable' : 'user.enable', { userId: u.id });
      message.success(t(disabled ? 'settings.users.disabledDone' : 'settings.users.enabledDone', { name: u.displayName }));
      users.refetch();
    }, `disable-${u.id}`);

  const saveReset = async () => {
    if (!resetting) return;
    let v: Reset;
    try {
      v = await resetForm.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await invoke('user.resetPassword', { userId: resetting.id, password: v.password });
      message.success(t('settings.users.resetDone', { name: resetting.displayName }));
      setResetting(null);
      users.refetch();
    }, 'reset');
  };

  const columns: TableColumnsType<UserAccount> = [
    { title: t('settings.users.col.username'), dataIndex: 'username', width: 200, className: 'mono' },
    { title: t('settings.users.col.displayName'), dataIndex: 'displayName', width: 200 },
    { title: t('settings.users.col.role'), dataIndex: 'role', render: (r: Role) => <Tag color={r === 'admin' ? 'red' : 'blue'}>{roleLabel(r, locale)}</Tag> },
    {
      title: t('settings.users.col.status'),
      key: 'status',
      render: (_: unknown, u: UserAccount) => (
        <span>
          {u.disabled ? <Tag color="default">{t('settings.users.disabled')}</Tag> : null}
          {u.mustChangePassword ? <Tag color="gold">{t('settings.users.mustChange')}</Tag> : null}
          {u.locked ? (
            <>
              <Tag color="volcano">{t('settings.users.locked')}</Tag>
              <Button size="small" icon={<UnlockOutlined />} loading={busy === `unlock-${u.id}`} onClick={() => void unlock(u)}>
                {t('settings.users.unlock')}
              </Button>
            </>
          ) : u.failedLogins > 0 ? (
            <span className="muted">{t('settings.users.failedLogins', { n: u.failedLogins })}</span>
          ) : null}
        </span>
      ),
    },
    {
      title: t('settings.users.col.actions'),
      key: 'actions',
      width: 260,
      render: (_: unknown, u: UserAccount) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              setEditing(u);
              editForm.setFieldsValue({ displayName: u.displayName, role: u.role });
            }}
          >
            {t('settings.users.edit')}
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
            {t('settings.users.resetPassword')}
          </Button>
          {u.disabled ? (
            <Button size="small" loading={busy === `disable-${u.id}`} onClick={() => void setDisabled(u, false)}>
              {t('settings.users.enable')}
            </Button>
          ) : u.id === user.id ? null : (
            <Popconfirm
              title={t('settings.users.disableConfirm', { name: u.displayName })}
              okText={t('settings.users.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setDisabled(u, true)}
            >
              <Button size="small" danger icon={<StopOutlined />} loading={busy === `disable-${u.id}`}>
                {t('settings.users.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
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
      <Modal
        open={editing !== null}
        title={t('settings.users.editTitle', { name: editing?.username ?? '' })}
        onCancel={() => setEditing(null)}
        onOk={() => void saveEdit()}
        confirmLoading={busy === 'edit'}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form<Edit> form={editForm} name="userEdit" layout="vertical" requiredMark={false}>
          <Form.Item name="displayName" label={t('auth.displayName')} rules={rules.displayName}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('role.label')} rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: roleLabel(r, locale) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={t('settings.users.resetTitle', { name: resetting?.displayName ?? '' })}
        destroyOnHidden
        onCancel={() => setResetting(null)}
        onOk={() => void saveReset()}
        confirmLoading={busy === 'reset'}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Alert type="info" showIcon title={t('settings.users.resetHint')} style={{ marginBottom: 12 }} />
        <Form<Reset> form={resetForm} name="userReset" layout="vertical" requiredMark={false} initialValues={{ username: resetting?.username ?? '' }}>
          <Form.Item name="username" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('settings.users.tempPassword')} rules={rules.password}>
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
