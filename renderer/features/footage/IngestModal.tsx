import { ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { FolderField } from '../../components/FolderField';
import { useMemo, useState } from 'react';
import type { IngestReport } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { opt } from './footage-format';
import { IngestReportView } from './IngestReportView';
import { JobProgressView } from './JobProgressView';
import { useJob } from '../../bridge/use-job';

interface IngestValues {
  source?: string;
  caseNo?: string;
  certNo?: string;
  activity?: string;
}

/**
 * 导入音像: a camera / 采集站 / disc folder on this computer (the service runs here), optionally filed
 * to a case, an officer and an activity. Progress per file, bytes, MB/s, ETA, 取消; then the counts.
 */
export function IngestModal({ onClose, onIngested }: { onClose: () => void; onIngested: (r: IngestReport) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IngestValues>();
  const checklist = useQuery('footage.checklist', {});
  const { job, begin, end, cancel } = useJob();
  const [report, setReport] = useState<IngestReport>();
  const [error, setError] = useState<unknown>();
  const activityOptions = useMemo(
    () =>
      (checklist.data?.activities ?? []).map((a) => ({ value: a.name, label: a.recording === 'full' ? `${a.name}（${t('footage.fullRecording')}）` : a.name })),
    [checklist.data, t],
  );

  const start = async () => {
    let v: IngestValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(undefined);
    setReport(undefined);
    const jobId = begin();
    try {
      const r = await invoke('footage.ingest', {
        source: (v.source ?? '').trim(),
        caseNo: opt(v.caseNo),
        certNo: opt(v.certNo),
        activity: opt(v.activity),
        derive: 'background',
        jobId,
      });
      setReport(r);
      onIngested(r);
    } catch (e) {
      setError(e);
    } finally {
      end();
    }
  };

  const onCancelJob = () => void cancel().catch((e: unknown) => message.error(errorText(e)));

  return (
    <Modal
      open
      width={780}
      title={t('footage.ingest.title')}
      destroyOnHidden
      mask={{ closable: false }}
      closable={!job}
      onCancel={() => !job && onClose()}
      footer={
        job
          ? null
          : [
              <Button key="close" onClick={onClose}>
                {t('common.close')}
              </Button>,
              <Button key="start" type="primary" icon={<ImportOutlined />} onClick={() => void start()}>
                {report ? t('footage.ingest.again') : t('footage.ingest.start')}
              </Button>,
            ]
      }
    >
      <Alert type="info" showIcon title={t('footage.ingest.hint')} style={{ marginBottom: 10 }} />
      <Form<IngestValues> form={form} name="ingestForm" layout="horizontal" labelCol={{ flex: '96px' }} wrapperCol={{ flex: 'auto' }} disabled={!!job}>
        <Form.Item
          name="source"
          label={t('footage.ingest.source')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('footage.ingest.source') }) }]}
          extra={t('footage.ingest.sourceHint')}
        >
          <FolderField purpose="ingest" className="mono" placeholder={t('footage.ingest.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="caseNo" label={t('footage.field.caseNo')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="certNo" label={t('footage.field.certNo')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="activity" label={t('footage.field.activity')}>
          <Select allowClear options={activityOptions} loading={checklist.loading} />
        </Form.Item>
      </Form>
      {job && <JobProgressView job={job} onCancel={onCancelJob} showItems />}
      <ErrorAlert error={error} style={{ marginTop: 10 }} />
      {report && <IngestReportView report={report} />}
    </Modal>
  );
}
