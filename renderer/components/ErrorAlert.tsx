import { Alert } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/** An inline error from a failed operation, in the active language. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { errorText } = useI18n();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorText(error)} style={style} />;
}
