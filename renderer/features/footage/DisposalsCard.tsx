import { AuditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DisposalInfo } from '../../../src/api/types-footage';
import type { Role } from '../../../src/domain/roles';
import { useQuery } from '../../bridge/use-query';
import { mayCall } from '../../bridge/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { DisposalDecideModal } from './DisposalDecideModal';
import { DisposalTable } from './DisposalTable';

/** 处置审批: every disposal request, pending first; the 领导 or the administrator decides the pending ones. */
export function DisposalsCard({ role, onOpen, onDecided }: { role: Role; onOpen: (clipId: number) => void; onDecided: (d: DisposalInfo) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useQuery('footage.disposals', {});
  const [deciding, setDeciding] = useState<DisposalInfo | null>(null);
  const canDecide = mayCall(role, 'footage.decideDisposal');
  const items = useMemo(
    () => [...(list.data ?? [])].sort((a, b) => Number(b.state === 'requested') - Number(a.state === 'requested') || b.id - a.id),
    [list.data],
  );
  const pending = items.filter((d) => d.state === 'requested').length;

  return (
    <Card
      size="small"
      className="section-card disposals-card"
      title={
        <Space>
          {t('footage.disposal.title')}
          {pending > 0 && <Typography.Text type="warning">{t('footage.disposal.pendingCount', { n: pending })}</Typography.Text>}
        </Space>
      }
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={list.refetch} aria-label={t('footage.refresh')} />}
    >
      <Alert type="info" showIcon className="disposal-meaning" title={t('footage.disposal.what')} description={t('footage.disposal.meaning')} />
      <ErrorAlert error={list.error} style={{ marginBottom: 10 }} />
      <DisposalTable
        items={items}
        loading={list.loading}
        onOpen={onOpen}
        action={
          canDecide
            ? (d) =>
                d.state === 'requested' && !d.requestedByYou ? (
                  <Button size="small" type="primary" icon={<AuditOutlined />} onClick={() => setDeciding(d)}>
                    {t('footage.disposal.decide')}
                  </Button>
                ) : null
            : undefined
        }
      />
      {deciding && (
        <DisposalDecideModal
          disposal={deciding}
          onClose={() => setDeciding(null)}
          onDecided={(d) => {
            setDeciding(null);
            list.setData((prev) => (prev ?? []).map((x) => (x.id === d.id ? d : x)));
            message.success(t(d.state === 'approved' ? 'footage.disposal.approved' : 'footage.disposal.rejected', { name: d.clipName }));
            onDecided(d);
          }}
        />
      )}
    </Card>
  );
}
