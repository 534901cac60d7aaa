import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { OfficerDetail } from '../../../src/api/types-officer';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { todayKey } from './officer-labels';
import { CertificateAddModal, StatusChangeModal } from './OfficerModals';

/** One officer: certificates (each period kept), status history (append-only), and the writer's actions. */
export function OfficerDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { canWrite } = useSession();
  const q = useQuery('officer.get', { id });
  const [modal, setModal] = useState<'cert' | 'status' | null>(null);
  const o = q.data;
  const done = (next: OfficerDetail) => {
    q.setData(next);
    setModal(null);
    onChanged();
  };
  return (
    <Drawer open width={640} title={o ? `${o.name} · ${o.certNo}` : ''} onClose={onClose} rootClassName="officer-drawer">
      <ErrorAlert error={q.error} style={{ marginBottom: 10 }} />
      {o && (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {!o.registered && <Alert type="warning" showIcon title={t('officers.detail.unregistered')} />}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('officers.col.post')}>{o.post ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('officers.field.unit')}>{o.unit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('officers.col.status')}>{o.status ? t(`officers.status.${o.status}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('officers.col.today')}>
              <Tag color={o.validToday ? 'success' : 'error'}>{t(todayKey(o))}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {o.registeredAt && (
            <Typography.Text type="secondary">
              {t('officers.detail.registeredBy', { by: o.registeredBy ?? '', at: o.registeredAt.slice(0, 16).replace('T', ' ') })}
            </Typography.Text>
          )}
          {canWrite && (
            <Space>
              <Button onClick={() => setModal('cert')}>{t('officers.cert.add')}</Button>
              <Button onClick={() => setModal('status')}>{t('officers.statusChange')}</Button>
            </Space>
          )}
          <Typography.Title level={5}>{t('officers.detail.certificates')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={o.certificates}
            locale={{ emptyText: t('officers.detail.noCertificates') }}
            columns={[
              { title: t('officers.col.certNo'), dataIndex: 'certNo' },
              { title: t('officers.field.issuer'), dataIndex: 'issuer' },
              { title: t('officers.field.validFrom'), dataIndex: 'validFrom' },
              { title: t('officers.field.validTo'), dataIndex: 'validTo' },
              { title: t('officers.field.note'), dataIndex: 'note' },
            ]}
          />
          <Typography.Title level={5}>{t('officers.detail.history')}</Typography.Title>
          <Timeline
            items={o.statusHistory.map((s) => ({
              key: s.id,
              content: `${s.from} ${t(`officers.status.${s.status}`)}${s.reason ? `（${s.reason}）` : ''} · ${s.createdBy ?? ''}`,
            }))}
          />
        </Space>
      )}
      {o && modal === 'cert' && <CertificateAddModal officer={o} onClose={() => setModal(null)} onDone={done} />}
      {o && modal === 'status' && <StatusChangeModal officer={o} onClose={() => setModal(null)} onDone={done} />}
    </Drawer>
  );
}
