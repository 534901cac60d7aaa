import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { UserInfo } from '../../../src/api/types';
import { ROLES, type Role } from '../../../src/domain/roles';
import { invoke } from '../../bridge/client';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { roleLabel } from '../../components/labels';
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
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const rules = accountRules(t);

  if (!isAdmin) return <Alert type="info" showIcon title={t('settings.users.adminOnly')} />;

  const create = async () => {
    let v: NewUser;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const u = await invoke('user.create', { username: v.username, displayName: v.displayName, role: v.role, password: v.password });
      message.success(t('settings.users.created', { name: u.displayName }));
      setOpen(false);
      users.refetch();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<UserInfo> = [
    { title: t('settings.users.col.username'), dataIndex: 'username', width: 200, className: 'mono' },
    { title: t('settings.users.col.displayName'), dataIndex: 'displayName', width: 200 },
    { title: t('settings.users.col.role'), dataIndex: 'role', render: (r: Role) => <Tag color={r === 'admin' ? 'red' : 'blue'}>{roleLabel(r, locale)}</Tag> },
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
      <Table<UserInfo> rowKey="id" size="small" bordered pagination={false} loading={users.loading} columns={columns} dataSource={users.data ?? []} />
      <Modal
        open={open}
        title={t('settings.users.add')}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() => void create()}
        confirmLoading={busy}
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
