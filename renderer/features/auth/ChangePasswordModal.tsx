import { Alert, App, Form, Input, Modal } from 'antd';
import { invoke } from '../../bridge/client';
import { getSessionToken } from '../../bridge/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { accountRules } from './account-rules';
import { useSession, useUser } from './session';

interface Fields {
  username: string;
  oldPassword: string;
  password: string;
  password2: string;
}

/**
 * 修改密码: the signed-in user changes their own password (auth.changePassword), giving the old one.
 * `forced` after an administrator set a temporary password: it cannot be dismissed.
 */
export function ChangePasswordModal({ open, forced = false, onClose }: { open: boolean; forced?: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { user } = useUser();
  const { signedIn } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const { busy, error, run } = useSubmit<string>();
  const rules = accountRules(t, locale);

  const save = async () => {
    let v: Fields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const u = await invoke('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.password });
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      const token = getSessionToken();
      if (token) signedIn({ token, user: u });
      onClose();
    });
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      destroyOnHidden
      closable={!forced}
      maskClosable={!forced}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : {}}
      onCancel={() => (forced ? undefined : onClose())}
      onOk={() => void save()}
      confirmLoading={busy !== null}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      {forced ? <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 12 }} /> : null}
      <Form<Fields> form={form} name="changePassword" layout="vertical" requiredMark={false} initialValues={{ username: user.username }}>
        <Form.Item name="username" hidden>
          <Input />
        </Form.Item>
        <Form.Item
          name="oldPassword"
          label={t('auth.oldPassword')}
          rules={[{ required: true, message: t('common.required', { field: t('auth.oldPassword') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.newPassword')} rules={rules.password}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="password2" label={t('auth.newPasswordAgain')} dependencies={['password']} rules={rules.password2}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
