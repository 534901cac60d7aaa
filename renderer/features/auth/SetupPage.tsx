import { Alert, Button, Form, Input } from 'antd';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { AuthScreen } from './AuthScreen';
import { useSession } from './session';
import { accountRules } from './account-rules';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  password2: string;
}

/** First run: the archive has no accounts yet, so create the administrator. */
export function SetupPage({ archiveName }: { archiveName: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const { busy, error, run } = useSubmit();
  const rules = accountRules(t);

  const submit = (v: SetupValues) =>
    run(async () => signedIn(await invoke('auth.setup', { username: v.username, displayName: v.displayName, password: v.password })));

  return (
    <AuthScreen archiveName={archiveName} title={t('auth.setupTitle')}>
      <Alert type="info" showIcon title={t('auth.setupHint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<SetupValues> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label={t('auth.username')} rules={rules.username}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('auth.displayName')} rules={rules.displayName}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={rules.password}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="password2" label={t('auth.passwordAgain')} dependencies={['password']} rules={rules.password2}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy !== null}>
          {t('auth.setupSubmit')}
        </Button>
      </Form>
    </AuthScreen>
  );
}
