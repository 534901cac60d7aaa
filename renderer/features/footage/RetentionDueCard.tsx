import { Card, Empty, Table } from 'antd';
import type { ClipSummary } from '../../../src/api/types-footage';
import { useOp } from '../../bridge/use-op';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ClipThumb } from './ClipThumb';
import { formatDuration, formatLocalWithOffset } from './footage-format';
import { OpenLink } from './OpenLink';

/** 到期复核: ordinary (unlinked) footage past the profile's minimum keeping time, for review. */
export function RetentionDueCard({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const due = useOp('footage.retentionDue', {});
  const checklist = useOp('footage.checklist', {});
  const months = checklist.data?.retention.ordinaryMonths;
  return (
    <Card size="small" className="section-card retention-due" title={t('footage.retention.title')}>
      <p className="muted" style={{ marginTop: 0 }}>
        {months !== undefined ? t('footage.retention.hint', { months }) : ''}
      </p>
      <ErrorAlert error={due.error} style={{ marginBottom: 10 }} />
      <Table<ClipSummary>
        rowKey="id"
        size="small"
        bordered
        loading={due.loading}
        dataSource={due.data ?? []}
        pagination={(due.data?.length ?? 0) > 50 ? { pageSize: 50, size: 'small' } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('footage.retention.none')} /> }}
        onRow={(c) => ({ onDoubleClick: () => onOpen(c.id) })}
        columns={[
          { title: t('footage.col.thumb'), key: 'thumb', width: 100, render: (_, c) => <ClipThumb clip={c} /> },
          {
            title: t('footage.col.name'),
            dataIndex: 'originalName',
            render: (v: string, c) => <OpenLink onOpen={() => onOpen(c.id)}>{v}</OpenLink>,
          },
          { title: t('footage.col.start'), dataIndex: 'start', width: 200, className: 'mono', render: (v: string | null) => formatLocalWithOffset(v) },
          { title: t('footage.col.duration'), dataIndex: 'durationSec', width: 70, align: 'right', render: (v: number | null) => formatDuration(v) },
          { title: t('footage.col.device'), dataIndex: 'deviceSerial', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('footage.retention.keepUntilCol'), key: 'until', width: 120, render: (_, c) => c.retention.keepUntil ?? '—' },
        ]}
      />
    </Card>
  );
}
