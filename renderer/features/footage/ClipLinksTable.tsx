import { DisconnectOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import type { ClipLinkInfo } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from './footage-format';

/** A clip's links (current and closed): case, officer, activity, who linked it, and 解除关联. */
export function ClipLinksTable({ links, canWrite, onUnlink }: { links: ClipLinkInfo[]; canWrite: boolean; onUnlink: (l: ClipLinkInfo) => void }) {
  const { t, locale } = useI18n();
  return (
    <Table<ClipLinkInfo>
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      dataSource={links}
      locale={{ emptyText: t('footage.detail.noLinks') }}
      columns={[
        { title: t('footage.field.caseNo'), dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
        {
          title: t('footage.col.officers'),
          dataIndex: 'officer',
          width: 150,
          render: (o: ClipLinkInfo['officer']) => (o ? `${o.name}（${o.certNo}）` : '—'),
        },
        { title: t('footage.field.activity'), dataIndex: 'activity', width: 90, render: (v: string | null) => v ?? '—' },
        {
          title: t('footage.detail.linkedBy'),
          key: 'by',
          width: 150,
          render: (_, l) => (
            <div>
              <div>{l.linkedBy ?? '—'}</div>
              <div className="muted">{formatInstant(l.linkedAt, locale)}</div>
            </div>
          ),
        },
        {
          title: t('footage.detail.linkState'),
          key: 'state',
          width: 170,
          render: (_, l) =>
            l.removedAt ? (
              <div>
                <Tag>{t('footage.detail.linkRemoved')}</Tag>
                <div className="muted">
                  {l.removedBy ?? '—'} · {formatInstant(l.removedAt, locale)}
                </div>
                <div>{t('footage.detail.removedReason', { reason: l.removedReason ?? '—' })}</div>
              </div>
            ) : (
              <div>
                <Tag color="success">{t('footage.detail.linkActive')}</Tag>
                {canWrite && (
                  <Button size="small" type="link" danger icon={<DisconnectOutlined />} onClick={() => onUnlink(l)}>
                    {t('footage.unlink.button')}
                  </Button>
                )}
              </div>
            ),
        },
      ]}
    />
  );
}
