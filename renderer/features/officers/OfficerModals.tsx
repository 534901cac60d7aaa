import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { OFFICER_STATUSES, type OfficerStatus } from '../../../src/domain/officer';
import type { OfficerDetail } from '../../../src/api/types-officer';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

interface CertValues {
  certNo?: string;
  issuer?: string;
  validFrom?: Dayjs;
  validTo?: Dayjs;
  note?: string;
}

function CertificateFields({ withNumber }: { withNumber: boolean }) {
  const { t } = useI18n();
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <>
      {withNumber && (
        <Form.Item name="certNo" label={t('officers.field.number')}>
          <Input maxLength={40} />
        </Form.Item>
      )}
      <Form.Item name="issuer" label={t('officers.field.issuer')} rules={withNumber ? [required(t('officers.field.issuer'))] : []}>
        <Input maxLength={100} placeholder="河南省人民政府" />
      </Form.Item>
      <Form.Item name="validFrom" label={t('officers.field.validFrom')} rules={withNumber ? [required(t('officers.field.validFrom'))] : []}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="validTo" label={t('officers.field.validTo')} rules={withNumber ? [required(t('officers.field.validTo'))] : []}>
        <DatePicker />
      </Form.Item>
    </>
  );
}

/** 登记执法人员 (officer.create), with the first certificate when its fields are filled in. */
export function OfficerCreateModal({ onClose, onDone }: { onClose: () => void; onDone: (o: OfficerDetail) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CertValues & { certNo?: string; name?: string; post?: string; unit?: string }>();
  const { busy, error, run } = useSubmit();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      const cert = v.issuer && v.validFrom && v.validTo ? { issuer: v.issuer.trim(), validFrom: day(v.validFrom), validTo: day(v.validTo) } : undefined;
      onDone(
        await invoke('officer.create', {
          certNo: (v.certNo ?? '').trim(),
          name: (v.name ?? '').trim(),
          post: opt(v.post),
          unit: opt(v.unit),
          ...(cert ? { certificate: cert } : {}),
        }),
      );
    });
  };
  return (
    <Modal open title={t('officers.create.title')} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ loading: busy !== null }} destroyOnHidden>
      <p className="muted">{t('officers.create.hint')}</p>
      <ErrorAlert error={error} style={{ marginBottom: 10 }} />
      <Form form={form} layout="vertical" className="officer-create-form">
        <Form.Item name="certNo" label={t('officers.field.certNo')} rules={[required(t('officers.field.certNo'))]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('officers.field.name')} rules={[required(t('officers.field.name'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="post" label={t('officers.field.post')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="unit" label={t('officers.field.unit')}>
          <Input maxLength={100} />
        </Form.Item>
        <CertificateFields withNumber={false} />
      </Form>
    </Modal>
  );
}

/** 登记执法证 (officer.certificate.add): a renewal or a new certificate; earlier ones stay on record. */
export function CertificateAddModal({ officer, onClose, onDone }: { officer: OfficerDetail; onClose: () => void; onDone: (o: OfficerDetail) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CertValues>();
  const { busy, error, run } = useSubmit();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !v.validFrom || !v.validTo) return;
    await run(async () => {
      onDone(
        await invoke('officer.certificate.add', {
          officerId: officer.id,
          certificate: {
            issuer: (v.issuer ?? '').trim(),
            validFrom: day(v.validFrom!),
            validTo: day(v.validTo!),
            ...(opt(v.certNo) ? { certNo: opt(v.certNo)! } : {}),
          },
        }),
      );
    });
  };
  return (
    <Modal
      open
      title={t('officers.cert.title', { name: officer.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy !== null }}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 10 }} />
      <Form form={form} layout="vertical">
        <CertificateFields withNumber />
      </Form>
    </Modal>
  );
}

/** 变更状态 (officer.update with a status): 在岗 / 调离 / 退休 / 注销 from a day, with the reason. */
export function StatusChangeModal({ officer, onClose, onDone }: { officer: OfficerDetail; onClose: () => void; onDone: (o: OfficerDetail) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ status?: OfficerStatus; from?: Dayjs; reason?: string }>();
  const { busy, error, run } = useSubmit();
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !v.status || !v.from) return;
    await run(async () => {
      onDone(await invoke('officer.update', { id: officer.id, status: { status: v.status!, from: day(v.from!), reason: (v.reason ?? '').trim() } }));
    });
  };
  return (
    <Modal
      open
      title={t('officers.statusChange.title', { name: officer.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy !== null }}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 10 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="status" label={t('officers.field.status')} rules={[required(t('officers.field.status'))]}>
          <Select options={OFFICER_STATUSES.map((s) => ({ value: s, label: t(`officers.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="from" label={t('officers.field.statusFrom')} rules={[required(t('officers.field.statusFrom'))]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('officers.field.reason')} rules={[{ ...required(t('officers.field.reason')), whitespace: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
