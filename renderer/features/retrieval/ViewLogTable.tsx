import { Table, Tag } from 'antd';
import type { ViewSessionInfo } from '../../../src/api/types-retrieval';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../footage/footage-format';
import { segmentsText } from './timecode';

/** 调阅记录: who watched which clip when, under which grant, which stretches, for how long. */
export function ViewLogTable({ views, showClip = true, loading }: { views: ViewSessionInfo[]; showClip?: boolean; loading?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Table<ViewSessionInfo>
      className="retrieval-view-log"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={views}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('retrieval.log.empty') }}
      columns={[
        { title: t('retrieval.log.col.started'), dataIndex: 'startedAt', render: (v: string) => formatInstant(v, locale) },
        { title: t('retrieval.log.col.user'), dataIndex: 'user' },
        ...(showClip ? [{ title: t('retrieval.log.col.clip'), dataIndex: 'clipName' }] : []),
        {
          title: t('retrieval.log.col.under'),
          render: (_: unknown, v: ViewSessionInfo) =>
            v.grantId === null ? <Tag color="gold">{t('retrieval.log.live')}</Tag> : <Tag color="blue">{t('retrieval.log.grant', { id: v.grantId })}</Tag>,
        },
        {
          title: t('retrieval.log.col.segments'),
          render: (_: unknown, v: ViewSessionInfo) => <span className="retrieval-segments">{segmentsText(v.segments)}</span>,
        },
        { title: t('retrieval.log.col.total'), dataIndex: 'totalSec', render: (s: number) => `${s.toFixed(1)} s` },
        {
          title: t('retrieval.log.col.ended'),
          render: (_: unknown, v: ViewSessionInfo) =>
            v.endedAt === null ? (
              t('retrieval.log.open')
            ) : (
              <span className="retrieval-ended" data-end-reason={v.endReason ?? undefined}>
                {formatInstant(v.endedAt, locale)}
                {v.endReason === 'auto' ? <Tag style={{ marginLeft: 6 }}>{t('retrieval.log.autoEnded')}</Tag> : null}
              </span>
            ),
        },
      ]}
    />
  );
}
