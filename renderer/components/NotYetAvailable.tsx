import { ClockCircleOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

/** Placeholder for a feature whose screens are not built yet. */
export function NotYetAvailable({ feature }: { feature: MessageKey }) {
  const { t } = useI18n();
  return (
    <Result icon={<ClockCircleOutlined style={{ color: '#8c8c8c' }} />} title={t('notyet.title')} subTitle={t('notyet.subtitle', { feature: t(feature) })} />
  );
}
