import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ClipLinkInfo, ClipSummary } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/** 解除关联 with a reason: the link is closed (kept, audited), never deleted. */
export function UnlinkModal({ link, onClose, onUnlinked }: { link: ClipLinkInfo; onClose: () => void; onUnlinked: (c: ClipSummary) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const target = [link.caseNo, link.officer ? `${link.officer.name}（${link.officer.certNo}）` : null, link.activity].filter(Boolean).join(' · ');

  const submit = async () => {
    let v: { reason?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onUnlinked(await invoke('footage.unlink', { linkId: link.id, reason: (v.reason ?? '').trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('footage.unlink.title')}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('footage.unlink.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
    >
      <p>{t('footage.unlink.what', { target })}</p>
      <Form form={form} name="unlinkForm" layout="vertical">
        <Form.Item
          name="reason"
          label={t('footage.unlink.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('footage.unlink.reason') }) },
            { min: 2, message: t('footage.unlink.reasonShort') },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
