import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { invoke } from '../../bridge/client';
import { ClientError } from '../../bridge/envelope';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { AuthScreen } from './AuthScreen';
import { useSession } from './session';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage({ archiveName, expired }: { archiveName: string; expired: boolean }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const { busy, error, run } = useSubmit();

  const submit = (v: LoginValues) => run(async () => signedIn(await invoke('auth.login', { username: v.username, password: v.password })));

  return (
    <AuthScreen archiveName={archiveName} title={t('auth.loginTitle')}>
      {expired && !error && <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      {errorCode(error) === 'locked' && <Alert type="info" showIcon icon={<LockOutlined />} title={t('auth.lockedHint')} style={{ marginBottom: 16 }} />}
      {errorCode(error) === 'throttled' && <Alert type="info" showIcon title={t('auth.throttledHint')} style={{ marginBottom: 16 }} />}
      <Form<LoginValues> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required', { field: t('auth.username') }) }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy !== null}>
          {t('auth.login')}
        </Button>
      </Form>
    </AuthScreen>
  );
}

/** The core's error code of a failed sign-in (locked, throttled …), if any. */
function errorCode(e: unknown): string | undefined {
  return e instanceof ClientError ? e.code : undefined;
}
