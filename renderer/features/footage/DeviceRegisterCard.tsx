import { ReloadOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DeviceInfo } from '../../../src/api/types-footage';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { DeviceAssignmentsTable } from './DeviceAssignmentsTable';
import { formatLocalWithOffset } from './footage-format';
import { RegisterDeviceModal } from './RegisterDeviceModal';

/** What a registration changed: the new entry and the entries it closed (a handover). */
interface RegisterResult {
  serial: string;
  added: DeviceInfo['assignments'][number] | undefined;
  closed: DeviceInfo['assignments'];
}

function diff(before: DeviceInfo | undefined, after: DeviceInfo): RegisterResult {
  const old = new Map((before?.assignments ?? []).map((a) => [a.id, a]));
  return {
    serial: after.serial,
    added: after.assignments.find((a) => !old.has(a.id)),
    closed: after.assignments.filter((a) => old.get(a.id)?.to === null && a.to !== null),
  };
}

/**
 * 设备台账: the cameras and who held each when (device.list). Writers register a holder or a handover
 * (登记/交接); everyone else reads.
 */
export function DeviceRegisterCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const list = useQuery('device.list', {});
  const devices = useMemo(() => list.data ?? [], [list.data]);
  const [registering, setRegistering] = useState<{ serial?: string } | null>(null);
  const [result, setResult] = useState<RegisterResult | null>(null);
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const officer = (a: { officerName: string; certNo: string }) => `${a.officerName}（${a.certNo}）`;

  return (
    <Card
      size="small"
      className="section-card device-register"
      title={
        <Space>
          {t('footage.device.title')}
          <Typography.Text type="secondary">{t('footage.device.count', { n: devices.length })}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button size="small" icon={<ReloadOutlined />} onClick={list.refetch} aria-label={t('footage.refresh')} />
          {canWrite && (
            <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering({})}>
              {t('footage.device.register')}
            </Button>
          )}
        </Space>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t('footage.device.hint')}
      </p>
      {result && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          className="device-register-result"
          style={{ marginBottom: 10 }}
          title={
            result.added
              ? t('footage.device.registered', { serial: result.serial, from: formatLocalWithOffset(result.added.from), officer: officer(result.added) })
              : result.serial
          }
          description={
            result.closed.length > 0 ? (
              <ul className="footage-plain-list">
                {result.closed.map((a) => (
                  <li key={a.id}>{t('footage.device.closed', { officer: officer(a), to: formatLocalWithOffset(a.to) })}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <ErrorAlert error={list.error} style={{ marginBottom: 10 }} />
      <Table<DeviceInfo>
        rowKey="id"
        size="small"
        bordered
        loading={list.loading}
        dataSource={devices}
        pagination={devices.length > 50 ? { pageSize: 50, size: 'small' } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('footage.device.none')} /> }}
        rowClassName="device-row"
        expandable={{
          expandedRowKeys: devices.filter((d) => !collapsed.has(d.id)).map((d) => d.id),
          onExpand: (open, d) =>
            setCollapsed((s) => {
              const n = new Set(s);
              if (open) n.delete(d.id);
              else n.add(d.id);
              return n;
            }),
          expandedRowRender: (d) => <DeviceAssignmentsTable items={d.assignments} />,
        }}
        columns={[
          { title: t('footage.device.serial'), dataIndex: 'serial', width: 130, className: 'mono' },
          { title: t('footage.device.model'), dataIndex: 'model', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('footage.device.unitCode'), dataIndex: 'unitCode', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: t('footage.device.holder'),
            key: 'holder',
            render: (_, d) => {
              const open = d.assignments.filter((a) => a.to === null);
              return open.length ? open.map((a) => officer(a)).join('、') : <span className="muted">{t('footage.device.noHolder')}</span>;
            },
          },
          { title: t('footage.device.entries'), key: 'n', width: 90, align: 'right', render: (_, d) => d.assignments.length },
          { title: t('footage.device.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          ...(canWrite
            ? [
                {
                  title: t('footage.device.action'),
                  key: 'action',
                  width: 90,
                  render: (_: unknown, d: DeviceInfo) => (
                    <Button size="small" type="link" icon={<SwapOutlined />} onClick={() => setRegistering({ serial: d.serial })}>
                      {t('footage.device.handover')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {registering && (
        <RegisterDeviceModal
          devices={devices}
          initialSerial={registering.serial}
          onClose={() => setRegistering(null)}
          onRegistered={(d) => {
            setRegistering(null);
            setResult(
              diff(
                devices.find((x) => x.id === d.id),
                d,
              ),
            );
            list.setData((prev) => {
              const rest = (prev ?? []).filter((x) => x.id !== d.id);
              return prev?.some((x) => x.id === d.id) ? (prev ?? []).map((x) => (x.id === d.id ? d : x)) : [...rest, d];
            });
          }}
        />
      )}
    </Card>
  );
}
