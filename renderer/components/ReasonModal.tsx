import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { useI18n } from '../i18n/I18nProvider';
import { useSubmit } from './use-submit';

/**
 * A destructive step that must say why (解除关联, 申请处置 …): what it does (children), a reason of 2–500
 * characters as the contract requires, the call, and its error in the active language. `submit`
 * receives the trimmed reason; the dialog stays open (with the error) when it throws.
 */
export function ReasonModal(props: {
  title: string;
  okText: string;
  reasonLabel: string;
  reasonShort: string;
  placeholder?: string;
  formName: string;
  width?: number;
  rootClassName?: string;
  /** Red OK button for a step that takes something away (default); false for one that opens something. */
  danger?: boolean;
  children?: ReactNode;
  submit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const { busy, error, run } = useSubmit();

  const ok = async () => {
    let v: { reason?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await props.submit((v.reason ?? '').trim());
    });
  };

  return (
    <Modal
      open
      width={props.width}
      rootClassName={props.rootClassName}
      title={props.title}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={props.onClose}
      onOk={() => void ok()}
      okText={props.okText}
      okButtonProps={{ danger: props.danger ?? true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy !== null}
    >
      {props.children}
      <Form form={form} name={props.formName} layout="vertical">
        <Form.Item
          name="reason"
          label={props.reasonLabel}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: props.reasonLabel }) },
            { min: 2, message: props.reasonShort },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} placeholder={props.placeholder} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
