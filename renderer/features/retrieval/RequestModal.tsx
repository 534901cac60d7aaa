import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { OpInput } from '../../../src/api/contract';
import type { RetrievalPurpose } from '../../../src/api/types-retrieval';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';

export const PURPOSES: readonly RetrievalPurpose[] = ['supervision', 'complaint', 'litigation', 'case-review', 'other'];

/** The dictionary key of a purpose (keys are camelCase). */
export function purposeKey(p: RetrievalPurpose) {
  return `retrieval.purpose.${p === 'case-review' ? 'caseReview' : p}` as const;
}

interface Values {
  reason: string;
  purpose: RetrievalPurpose;
  kind: 'clips' | 'case' | 'window';
  clipIds?: string;
  caseNo?: string;
  window?: [Dayjs, Dayjs];
  until: Dayjs;
  allowCopy?: boolean;
}

/** 调阅申请: reason, purpose, the clips / a case / a time window, until when; optionally copies. */
export function RequestModal({ clipIds, onClose, onFiled }: { clipIds?: number[]; onClose: () => void; onFiled: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, run } = useSubmit();
  const [kind, setKind] = useState<Values['kind']>('clips');
  const ok = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    let scope: OpInput<'retrieval.request'>['scope'];
    if (v.kind === 'clips') {
      const ids = (v.clipIds ?? '')
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map(Number);
      if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0)) return setError(new Error(t('retrieval.request.badClipIds')));
      scope = { clipIds: ids };
    } else if (v.kind === 'case') scope = { caseNo: (v.caseNo ?? '').trim() };
    else scope = { from: v.window![0].format('YYYY-MM-DDTHH:mm'), to: v.window![1].format('YYYY-MM-DDTHH:mm') };
    await run(async () => {
      await invoke('retrieval.request', { reason: v.reason.trim(), purpose: v.purpose, scope, until: v.until.format('YYYY-MM-DD'), allowCopy: !!v.allowCopy });
      onFiled();
    });
  };
  return (
    <Modal
      open
      title={t('retrieval.request.new')}
      onCancel={onClose}
      onOk={() => void ok()}
      okText={t('retrieval.request.submit')}
      confirmLoading={busy !== null}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        name="retrievalRequest"
        layout="vertical"
        initialValues={{ purpose: 'supervision', kind: 'clips', clipIds: clipIds?.join(',') ?? '', until: dayjs().add(7, 'day') }}
      >
        <Form.Item
          name="reason"
          label={t('retrieval.request.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('common.required', { field: t('retrieval.request.reason') }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="purpose" label={t('retrieval.request.purpose')}>
          <Select options={PURPOSES.map((p) => ({ value: p, label: t(purposeKey(p)) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('retrieval.request.scope')}>
          <Radio.Group onChange={(e) => setKind(e.target.value as Values['kind'])}>
            <Radio value="clips">{t('retrieval.request.scope.clips')}</Radio>
            <Radio value="case">{t('retrieval.request.scope.case')}</Radio>
            <Radio value="window">{t('retrieval.request.scope.window')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'clips' && (
          <Form.Item name="clipIds" label={t('retrieval.request.clipIds')} rules={[{ required: true, message: t('retrieval.request.badClipIds') }]}>
            <Input />
          </Form.Item>
        )}
        {kind === 'case' && (
          <Form.Item
            name="caseNo"
            label={t('retrieval.request.caseNo')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('retrieval.request.caseNo') }) }]}
          >
            <Input />
          </Form.Item>
        )}
        {kind === 'window' && (
          <Form.Item
            name="window"
            label={t('retrieval.request.scope.window')}
            rules={[{ required: true, message: t('common.required', { field: t('retrieval.request.scope.window') }) }]}
          >
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        )}
        <Form.Item
          name="until"
          label={t('retrieval.request.until')}
          rules={[{ required: true, message: t('common.required', { field: t('retrieval.request.until') }) }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="allowCopy" valuePropName="checked">
          <Checkbox>{t('retrieval.request.allowCopy')}</Checkbox>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
