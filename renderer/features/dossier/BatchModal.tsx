import { LockOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { BatchResult, ProfileSummary } from '../../../src/api/types-dossier';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useSubmit } from '../../components/use-submit';

interface BatchForm {
  profileId: string;
  range: [Dayjs, Dayjs];
  checker?: string;
  fondsNo?: string;
  catalogNo?: string;
}

/**
 * 简易程序集中立卷 (profiles that allow it): gather the ready 简易 cases closed in a period into
 * volumes of at most the profile's case count, preview, then seal — one 归档号 per volume.
 */
export function BatchModal({ profiles, onClose, onSealed }: { profiles: ProfileSummary[]; onClose: () => void; onSealed: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BatchForm>();
  const [result, setResult] = useState<BatchResult>();
  const { busy, error, run: submit } = useSubmit<'preview' | 'seal'>();

  const run = async (seal: boolean) => {
    const v = await form.validateFields();
    const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
    await submit(
      async () => {
        const r = await invoke('dossier.batch', {
          from: v.range[0].format('YYYY-MM-DD'),
          to: v.range[1].format('YYYY-MM-DD'),
          seal,
          profileId: v.profileId,
          checker: opt(v.checker) ?? null,
          fondsNo: opt(v.fondsNo),
          catalogNo: opt(v.catalogNo),
        });
        setResult(r);
        if (seal) {
          message.success(t('dossier.batch.sealed', { n: r.volumes.length }));
          onSealed();
        }
      },
      seal ? 'seal' : 'preview',
    );
  };

  return (
    <Modal
      open
      width={860}
      title={t('dossier.batch.title')}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button key="preview" icon={<SearchOutlined />} loading={busy === 'preview'} onClick={() => void run(false)}>
          {t('dossier.batch.preview')}
        </Button>,
        <Button
          key="seal"
          type="primary"
          danger
          icon={<LockOutlined />}
          loading={busy === 'seal'}
          disabled={!result || result.sealed || result.volumes.length === 0}
          onClick={() => void run(true)}
        >
          {t('dossier.batch.seal')}
        </Button>,
      ]}
    >
      <Alert type="info" showIcon title={t('dossier.batch.hint')} style={{ marginBottom: 10 }} />
      <Form<BatchForm>
        form={form}
        layout="inline"
        name="batchForm"
        style={{ rowGap: 8 }}
        initialValues={{ profileId: profiles[0]?.id }}
        onValuesChange={() => setResult(undefined)}
      >
        <Form.Item name="profileId" label={t('dossier.field.profile')} rules={[{ required: true }]}>
          <Select style={{ width: 300 }} options={profiles.map((p) => ({ value: p.id, label: `${p.name}（${p.version}）` }))} />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('dossier.batch.period')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('dossier.batch.period') }) }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="checker" label={t('dossier.field.checker')}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="fondsNo" label={t('dossier.field.fondsNo')}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="catalogNo" label={t('dossier.field.catalogNo')}>
          <Input style={{ width: 90 }} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} style={{ marginTop: 10 }} />
      {result && (
        <div style={{ marginTop: 12 }}>
          <Table
            rowKey="title"
            size="small"
            bordered
            pagination={false}
            dataSource={result.volumes}
            locale={{ emptyText: t('dossier.batch.none') }}
            columns={[
              { title: t('dossier.batch.col.title'), dataIndex: 'title' },
              { title: t('dossier.batch.col.cases'), width: 80, align: 'right', render: (_, v) => v.caseIds.length },
              { title: t('dossier.batch.col.pages'), dataIndex: 'pageCount', width: 70, align: 'right' },
              {
                title: t('dossier.field.archiveNo'),
                width: 110,
                render: (_, v) => (v.archiveNo ? <Tag color="success">{v.archiveNo}</Tag> : <span className="muted">{t('dossier.batch.notYet')}</span>),
              },
            ]}
          />
          {result.skipped.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 10 }}
              title={t('dossier.batch.skipped', { n: result.skipped.length })}
              description={
                <ul className="dz-plain-list">
                  {result.skipped.map((s) => (
                    <li key={s.caseId}>
                      {s.caseNo}：{locale === 'zh-CN' ? s.reasonZh : s.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      )}
    </Modal>
  );
}
