import { Table, Tag } from 'antd';
import type { DeviceAssignmentInfo } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { formatLocalWithOffset } from './footage-format';

/** One camera's holders in time order: officer by 执法证号, user number, from → to (open = current holder). */
export function DeviceAssignmentsTable({ items }: { items: DeviceAssignmentInfo[] }) {
  const { t } = useI18n();
  return (
    <Table<DeviceAssignmentInfo>
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      className="device-assignments"
      dataSource={items}
      locale={{ emptyText: t('footage.device.noAssignments') }}
      rowClassName={(a) => (a.to === null ? 'device-assignment device-current' : 'device-assignment')}
      columns={[
        { title: t('footage.device.officer'), key: 'officer', render: (_, a) => `${a.officerName}（${a.certNo}）` },
        { title: t('footage.device.userNo'), dataIndex: 'userNo', width: 100, render: (v: string | null) => v ?? '—' },
        { title: t('footage.device.from'), dataIndex: 'from', width: 210, className: 'mono', render: (v: string) => formatLocalWithOffset(v) },
        {
          title: t('footage.device.to'),
          dataIndex: 'to',
          width: 210,
          render: (v: string | null) =>
            v === null ? <Tag color="success">{t('footage.device.current')}</Tag> : <span className="mono">{formatLocalWithOffset(v)}</span>,
        },
        { title: t('footage.device.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
