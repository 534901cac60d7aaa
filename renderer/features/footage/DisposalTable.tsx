import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { DisposalInfo } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { DisposalStateTag } from './DisposalStateTag';
import { formatInstant } from './footage-format';
import { OpenLink } from './OpenLink';

/**
 * Disposal records: reason, who asked and when, the decision. With `onOpen` the clip's name is shown
 * (the 处置审批 list); with `action` each row gets a last column (审批).
 */
export function DisposalTable({
  items,
  loading,
  onOpen,
  action,
}: {
  items: DisposalInfo[];
  loading?: boolean;
  onOpen?: (clipId: number) => void;
  action?: (d: DisposalInfo) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<DisposalInfo> = [
    ...(onOpen
      ? [
          {
            title: t('footage.disposal.col.clip'),
            key: 'clip',
            render: (_: unknown, d: DisposalInfo) => <OpenLink onOpen={() => onOpen(d.clipId)}>{d.clipName}</OpenLink>,
          },
        ]
      : []),
    { title: t('footage.disposal.col.reason'), dataIndex: 'reason', render: (v: string) => <span className="footage-pre-wrap">{v}</span> },
    {
      title: t('footage.disposal.col.requested'),
      key: 'requested',
      width: 150,
      render: (_, d) => (
        <div>
          <div>{d.requestedBy}</div>
          <div className="muted">{formatInstant(d.requestedAt, locale)}</div>
        </div>
      ),
    },
    { title: t('footage.disposal.col.state'), dataIndex: 'state', width: 110, render: (s: DisposalInfo['state']) => <DisposalStateTag state={s} /> },
    {
      title: t('footage.disposal.col.decided'),
      key: 'decided',
      width: 190,
      render: (_, d) =>
        d.decidedAt ? (
          <div>
            <div>{d.decidedBy ?? '—'}</div>
            <div className="muted">{formatInstant(d.decidedAt, locale)}</div>
            {d.decisionNote && <div>{t('footage.disposal.decisionNote', { note: d.decisionNote })}</div>}
          </div>
        ) : (
          '—'
        ),
    },
    ...(action ? [{ title: t('footage.disposal.col.action'), key: 'action', width: 90, render: (_: unknown, d: DisposalInfo) => action(d) }] : []),
  ];
  return (
    <Table<DisposalInfo>
      rowKey="id"
      size="small"
      bordered
      loading={loading}
      pagination={items.length > 50 ? { pageSize: 50, size: 'small' } : false}
      dataSource={items}
      locale={{ emptyText: t('footage.disposal.none') }}
      rowClassName={(d) => `disposal-row is-${d.state}`}
      columns={columns}
    />
  );
}
