import { Alert, Button, Descriptions, Form, Input, Modal } from 'antd';
import type { DisposalInfo } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from './footage-format';
import { useSubmit } from '../../components/use-submit';

/** 审批: the 领导 (or the administrator) approves or rejects a disposal request, with an optional note. */
export function DisposalDecideModal({
  disposal: d,
  onClose,
  onDecided,
}: {
  disposal: DisposalInfo;
  onClose: () => void;
  onDecided: (d: DisposalInfo) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ note?: string }>();
  const { busy, error, run } = useSubmit<'approve' | 'reject'>();

  const decide = async (approve: boolean) => {
    let v: { note?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const note = v.note?.trim();
    await run(
      async () => {
        onDecided(await invoke('footage.decideDisposal', { disposalId: d.id, approve, ...(note ? { note } : {}) }));
      },
      approve ? 'approve' : 'reject',
    );
  };

  return (
    <Modal
      open
      width={600}
      rootClassName="disposal-decide-modal"
      title={t('footage.disposal.decideTitle')}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="reject" loading={busy === 'reject'} disabled={busy !== null} onClick={() => void decide(false)}>
          {t('footage.disposal.reject')}
        </Button>,
        <Button key="approve" type="primary" danger loading={busy === 'approve'} disabled={busy !== null} onClick={() => void decide(true)}>
          {t('footage.disposal.approve')}
        </Button>,
      ]}
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'clip', label: t('footage.disposal.col.clip'), children: <span className="mono">{d.clipName}</span> },
          { key: 'reason', label: t('footage.disposal.col.reason'), children: <span className="footage-pre-wrap">{d.reason}</span> },
          { key: 'by', label: t('footage.disposal.col.requested'), children: `${d.requestedBy} · ${formatInstant(d.requestedAt, locale)}` },
        ]}
      />
      <Alert type="warning" showIcon style={{ margin: '12px 0' }} title={t('footage.disposal.approveWarn')} description={t('footage.disposal.what')} />
      <Form form={form} name="decideForm" layout="vertical">
        <Form.Item name="note" label={t('footage.disposal.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} placeholder={t('footage.disposal.notePlaceholder')} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
