import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Space } from 'antd';
import { useState } from 'react';
import type { FixityReport } from '../../../src/api/types-footage';
import type { Role } from '../../../src/domain/roles';
import { ClientError, invoke } from '../../bridge/client';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { FixityReportView } from './FixityReportView';
import { JobProgressView } from './JobProgressView';
import { useJob } from '../../bridge/use-job';

/** 完整性核验: the last audit and 立即核验 (full or incremental) with progress and 取消. */
export function FixityPanel({ role }: { role: Role }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const last = useQuery('footage.lastAudit', {});
  const { job, begin, end, cancel } = useJob();
  const [incremental, setIncremental] = useState(false);
  const [result, setResult] = useState<FixityReport>();
  const [error, setError] = useState<unknown>();
  const canVerify = mayCall(role, 'footage.verify');

  const run = async () => {
    setError(undefined);
    const jobId = begin();
    try {
      setResult(await invoke('footage.verify', { mode: incremental ? 'incremental' : 'full', jobId }));
      last.refetch();
    } catch (e) {
      if (e instanceof ClientError && e.code === 'cancelled') message.info(t('footage.fixity.cancelledToast'));
      else setError(e);
      last.refetch();
    } finally {
      end();
    }
  };

  const shown = last.data?.last && (!result || last.data.last.runId >= result.runId) ? last.data.last : (result ?? null);

  return (
    <Card
      size="small"
      className="section-card fixity-panel"
      title={t('footage.fixity.title')}
      extra={
        canVerify && (
          <Space>
            <Checkbox checked={incremental} disabled={!!job} onChange={(e) => setIncremental(e.target.checked)}>
              {t('footage.fixity.incremental')}
            </Checkbox>
            <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={!!job} onClick={() => void run()}>
              {t('footage.fixity.run')}
            </Button>
          </Space>
        )
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t(incremental ? 'footage.fixity.hintIncremental' : 'footage.fixity.hintFull')}
      </p>
      {job && <JobProgressView job={job} onCancel={() => void cancel().catch((e: unknown) => message.error(errorText(e)))} />}
      <ErrorAlert error={error ?? last.error} style={{ marginBottom: 10 }} />
      {shown ? (
        <>
          <h4 className="fixity-heading">{t('footage.fixity.last')}</h4>
          <FixityReportView report={shown} />
        </>
      ) : (
        !last.loading && !job && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('footage.fixity.never')} />
      )}
    </Card>
  );
}
