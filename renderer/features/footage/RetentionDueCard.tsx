import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { ClipSummary, DisposalInfo } from '../../../src/api/types-footage';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ClipThumb } from './ClipThumb';
import { DisposalRequestModal } from './DisposalRequestModal';
import { formatDuration, formatLocalWithOffset } from './footage-format';
import { OpenLink } from './OpenLink';

/**
 * 到期复核: ordinary (unlinked) footage past the profile's minimum keeping time, for review; writers
 * 申请处置 per row (a 领导 decides in 处置审批).
 */
export function RetentionDueCard({
  canWrite,
  onOpen,
  onDisposal,
}: {
  canWrite: boolean;
  onOpen: (id: number) => void;
  onDisposal?: (d: DisposalInfo) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const due = useQuery('footage.retentionDue', {});
  const checklist = useQuery('footage.checklist', {});
  const disposals = useQuery('footage.disposals', {});
  const [disposing, setDisposing] = useState<ClipSummary | null>(null);
  const months = checklist.data?.retention.ordinaryMonths;
  const pending = useMemo(() => new Set((disposals.data ?? []).filter((d) => d.state === 'requested').map((d) => d.clipId)), [disposals.data]);
  return (
    <Card size="small" className="section-card retention-due" title={t('footage.retention.title')}>
      <p className="muted" style={{ marginTop: 0 }}>
        {months !== undefined ? t('footage.retention.hint', { months }) : ''}
      </p>
      <ErrorAlert error={due.error ?? disposals.error} style={{ marginBottom: 10 }} />
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
          {
            title: t('footage.disposal.col.action'),
            key: 'action',
            width: 130,
            render: (_, c) =>
              pending.has(c.id) ? (
                <Tag color="gold">{t('footage.disposal.pending')}</Tag>
              ) : canWrite && disposals.data ? (
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setDisposing(c)}>
                  {t('footage.disposal.request')}
                </Button>
              ) : null,
          },
        ]}
      />
      {disposing && (
        <DisposalRequestModal
          clip={disposing}
          onClose={() => setDisposing(null)}
          onRequested={(d) => {
            setDisposing(null);
            disposals.setData((prev) => [d, ...(prev ?? [])]);
            message.success(t('footage.disposal.requested'));
            onDisposal?.(d);
          }}
        />
      )}
    </Card>
  );
}
