import { Tag, Tooltip } from 'antd';
import type { RetentionInfo } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';

/** 证据（永久） or 一般（保存至 …）, red when due for review. */
export function RetentionTag({ retention }: { retention: RetentionInfo }) {
  const { t } = useI18n();
  if (retention.class === 'evidence' && retention.keepUntil === null) return <Tag color="blue">{t('footage.retention.evidencePermanent')}</Tag>;
  const label = t(retention.class === 'evidence' ? 'footage.retention.evidence' : 'footage.retention.ordinary');
  return (
    <Tooltip title={t('footage.retention.keepUntil', { date: retention.keepUntil ?? '—' })}>
      <Tag color={retention.due ? 'red' : 'default'}>
        {label}
        {retention.due ? ` · ${t('footage.retention.due')}` : ` · ${retention.keepUntil ?? ''}`}
      </Tag>
    </Tooltip>
  );
}
