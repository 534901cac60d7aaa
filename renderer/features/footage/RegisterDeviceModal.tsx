import { Alert, AutoComplete, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { DeviceInfo } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { opt } from './footage-format';
import { useSubmit } from '../../components/use-submit';

interface RegisterValues {
  serial?: string;
  model?: string;
  unitCode?: string;
  certNo?: string;
  officerName?: string;
  userNo?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
  note?: string;
}

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
/** Camera-local wall time without an offset: the core reads it in the profile's time zone. */
const wire = (d: Dayjs) => d.format('YYYY-MM-DDTHH:mm:ss');

/** 登记/交接 (device.register): an officer holds a camera from a time; a handover closes the open entry. */
export function RegisterDeviceModal({
  devices,
  initialSerial,
  onClose,
  onRegistered,
}: {
  devices: DeviceInfo[];
  initialSerial?: string;
  onClose: () => void;
  onRegistered: (d: DeviceInfo) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const { busy, error, run } = useSubmit();
  const serial = Form.useWatch('serial', form);
  const existing = devices.find((d) => d.serial === serial?.trim());

  const serialOptions = useMemo(() => devices.map((d) => ({ value: d.serial, label: d.model ? `${d.serial}（${d.model}）` : d.serial })), [devices]);
  const officers = useMemo(() => {
    const m = new Map<string, string>();
    for (const d of devices) for (const a of d.assignments) m.set(a.certNo, a.officerName);
    return m;
  }, [devices]);
  const officerOptions = useMemo(() => [...officers].map(([certNo, name]) => ({ value: certNo, label: `${certNo} · ${name}` })), [officers]);

  const submit = async () => {
    let v: RegisterValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const fresh = !existing;
      onRegistered(
        await invoke('device.register', {
          serial: (v.serial ?? '').trim(),
          certNo: (v.certNo ?? '').trim(),
          from: wire(v.from!),
          ...(v.to ? { to: wire(v.to) } : {}),
          ...(opt(v.officerName) ? { officerName: opt(v.officerName) } : {}),
          ...(opt(v.userNo) ? { userNo: opt(v.userNo) } : {}),
          ...(opt(v.note) ? { note: opt(v.note) } : {}),
          ...(fresh && opt(v.model) ? { model: opt(v.model) } : {}),
          ...(fresh && opt(v.unitCode) ? { unitCode: opt(v.unitCode) } : {}),
        }),
      );
    });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <Modal
      open
      width={620}
      rootClassName="register-device-modal"
      title={t('footage.device.registerTitle')}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('footage.device.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy !== null}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('footage.device.registerHint')} />
      <Form<RegisterValues>
        form={form}
        name="deviceForm"
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        wrapperCol={{ flex: 'auto' }}
        initialValues={{ serial: initialSerial, from: dayjs().second(0) }}
      >
        <Form.Item
          name="serial"
          label={t('footage.device.serial')}
          rules={[required(t('footage.device.serial')), { max: 40 }]}
          extra={serial?.trim() ? t(existing ? 'footage.device.existingDevice' : 'footage.device.newDevice') : undefined}
        >
          <AutoComplete allowClear options={serialOptions} />
        </Form.Item>
        {!existing && (
          <>
            <Form.Item name="model" label={t('footage.device.model')} rules={[{ max: 100 }]}>
              <Input allowClear />
            </Form.Item>
            <Form.Item name="unitCode" label={t('footage.device.unitCode')} rules={[{ max: 40 }]}>
              <Input allowClear />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="certNo"
          label={t('footage.device.certNo')}
          rules={[required(t('footage.device.certNo')), { min: 2, max: 40 }]}
          extra={t('footage.device.certHint')}
        >
          <AutoComplete
            allowClear
            options={officerOptions}
            showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input.trim()) }}
            onSelect={(certNo: string) => {
              const name = officers.get(certNo);
              if (name) form.setFieldValue('officerName', name);
            }}
          />
        </Form.Item>
        <Form.Item name="officerName" label={t('footage.device.officerName')} rules={[{ max: 50 }]}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="userNo" label={t('footage.device.userNo')} rules={[{ max: 40 }]} extra={t('footage.device.userNoHint')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="from"
          label={t('footage.device.from')}
          rules={[{ required: true, message: t('common.required', { field: t('footage.device.from') }) }]}
          extra={t('footage.device.fromHint')}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} needConfirm={false} placeholder={t('footage.device.timePlaceholder')} />
        </Form.Item>
        <Form.Item name="to" label={t('footage.device.to')} extra={t('footage.device.toHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} needConfirm={false} placeholder={t('footage.device.timePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('footage.device.note')} rules={[{ max: 300 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
